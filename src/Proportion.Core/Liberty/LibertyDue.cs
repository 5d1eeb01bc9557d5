using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Core.Liberty;

/// <summary>
/// One thing due for a person's deprivation of liberty: a deadline of one of their applications or
/// authorisations (<see cref="Kind"/> set), or a prompt to screen them (<see cref="Kind"/> null).
/// </summary>
public sealed record LibertyItem(Guid PersonId, Guid ServiceId, string Person, Guid RecordId, LibertyDeadlineKind? Kind,
    string What, DateOnly Due, bool Overdue, string Rule)
{
    public bool IsScreeningPrompt => Kind is null;
}

/// <summary>
/// R6 and CQC Regulation 18 over time: every deadline of every person's applications and authorisations,
/// and every prompt to screen, for a set of people, worked out from the same rules the person's liberty
/// page shows (<see cref="LibertyDeadlines"/>, <see cref="LibertyScreeningPrompt"/>). My tasks, the
/// reminders (through <see cref="Oversight.DueWork"/>) and the organisation's picture all read it.
/// </summary>
public static class LibertyDue
{
    /// <summary>Deadlines show in task lists this many days before they fall due (a renewal 28 days before an end shows from 58).</summary>
    public const int ShownWithinDays = 30;

    public static async Task<IReadOnlyList<LibertyItem>> ForPeopleAsync(ProportionDbContext db, IQueryable<Person> people, DateOnly today, CancellationToken ct = default)
    {
        var who = await people.Select(p => new { p.Id, p.ServiceId, p.GivenName, p.PreferredName, p.FamilyName }).AsNoTracking().ToListAsync(ct);
        var names = who.ToDictionary(p => p.Id, p => (p.ServiceId, Name: string.IsNullOrWhiteSpace(p.PreferredName) ? $"{p.GivenName} {p.FamilyName}" : $"{p.PreferredName} {p.FamilyName}"));
        var authorisations = (await db.LibertyAuthorisations.Where(a => people.Any(p => p.Id == a.PersonId)).AsNoTracking().ToListAsync(ct))
            .Where(a => names.ContainsKey(a.PersonId)).ToLookup(a => a.PersonId);
        var items = new List<LibertyItem>();
        foreach (var personAuthorisations in authorisations)
        {
            var (serviceId, name) = names[personAuthorisations.Key];
            var all = personAuthorisations.ToList();
            foreach (var a in all)
            {
                items.AddRange(LibertyDeadlines.For(a, all, today).Select(d =>
                    new LibertyItem(a.PersonId, serviceId, name, a.Id, d.Kind, $"{d.What}: {LibertyRecords.Describe(a.Kind)}", d.Due, d.Overdue, d.Rule)));
            }
        }
        foreach (var (personId, prompt) in await PromptsAsync(db, people, today, ct))
        {
            var (serviceId, name) = names[personId];
            items.Add(new LibertyItem(personId, serviceId, name, personId, null, "Screen for a deprivation of liberty: the practices in place may amount to one",
                prompt.Since, prompt.Since < today, LibertyScreeningPrompt.Rule));
        }
        return items;
    }

    /// <summary>The screening prompt for one person, or null: for their pages.</summary>
    public static async Task<LibertyPrompt?> PromptForPersonAsync(ProportionDbContext db, Guid personId, DateOnly today, CancellationToken ct = default)
    {
        return (await PromptsAsync(db, db.People.Where(p => p.Id == personId), today, ct)).SingleOrDefault().Prompt;
    }

    private static async Task<IReadOnlyList<(Guid PersonId, LibertyPrompt Prompt)>> PromptsAsync(ProportionDbContext db, IQueryable<Person> people,
        DateOnly today, CancellationToken ct)
    {
        var categories = LibertyScreeningPrompt.Confining.Concat(LibertyScreeningPrompt.Controlling).ToList();
        // The agreed decisions of practices in place that may count, for people with no authorisation in force
        // and no application waiting (the query twin of LibertyDeadlines.InForce, so the database drops them).
        // Only the capacity answers are read, not whole decisions with their alternatives and signatures: the
        // conclusion is worked out from them exactly as PracticeDecision.Capacity does on the decision pages.
        var agreed = await db.Decisions.AsNoTracking()
            .Where(d => d.Status == DecisionStatus.Agreed && people.Any(p => p.Id == d.PersonId)
                && (d.Practice!.Status == PracticeStatus.Agreed || d.Practice.Status == PracticeStatus.UnderReview)
                && categories.Contains(d.Practice.Category)
                && !db.LibertyAuthorisations.Any(a => a.PersonId == d.PersonId
                    && ((a.Outcome == LibertyOutcome.Granted && a.StartsOn <= today && (a.ExpiresOn == null || a.ExpiresOn >= today))
                        || (a.Outcome == LibertyOutcome.Pending && a.Kind != LibertyAuthorisationKind.UrgentAuthorisation))))
            .Select(d => new
            {
                d.PersonId, d.PracticeId, d.Number, d.AgreedAt, d.UpdatedAt, d.Practice!.Category, d.Practice.Description,
                d.CanUnderstand, d.CanRetain, d.CanUseOrWeigh, d.CanCommunicate, d.HasImpairmentOfMindOrBrain, d.InabilityIsBecauseOfImpairment,
            })
            .ToListAsync(ct);
        if (agreed.Count == 0)
        {
            return [];
        }
        var personIds = agreed.Select(d => d.PersonId).Distinct().ToList();
        var screened = await db.LibertyScreenings.Where(s => personIds.Contains(s.PersonId))
            .GroupBy(s => s.PersonId).Select(g => new { g.Key, Last = g.Max(s => s.AssessedOn) }).ToDictionaryAsync(g => g.Key, g => g.Last, ct);
        var prompts = new List<(Guid, LibertyPrompt)>();
        foreach (var person in agreed.GroupBy(d => d.PersonId))
        {
            var inPlace = person.GroupBy(d => d.PracticeId).Select(g => g.MaxBy(d => d.Number)!)
                .Select(d => new PracticeForLiberty(d.Description, d.Category, DateOnly.FromDateTime(UkTime.ToLondon(d.AgreedAt ?? d.UpdatedAt)),
                    new PracticeDecision
                    {
                        CanUnderstand = d.CanUnderstand, CanRetain = d.CanRetain, CanUseOrWeigh = d.CanUseOrWeigh, CanCommunicate = d.CanCommunicate,
                        HasImpairmentOfMindOrBrain = d.HasImpairmentOfMindOrBrain, InabilityIsBecauseOfImpairment = d.InabilityIsBecauseOfImpairment,
                    }.Capacity == CapacityToConsent.LacksCapacity))
                .ToList();
            if (LibertyScreeningPrompt.Evaluate(inPlace, screened.TryGetValue(person.Key, out var last) ? last : null, authorisedOrApplied: false) is { } prompt)
            {
                prompts.Add((person.Key, prompt));
            }
        }
        return prompts;
    }
}
