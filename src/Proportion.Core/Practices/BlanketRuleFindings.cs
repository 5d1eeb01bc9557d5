using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Rules;
using Proportion.Core.Scoping;

namespace Proportion.Core.Practices;

/// <summary>
/// R12 read from the database: for each restriction the reader can see, counts everyone in the service
/// with it (past the reader's scope, as a count only), and quotes the descriptions the reader may see.
/// The decision is <see cref="BlanketRule"/>'s; this only gathers what it needs.
/// </summary>
public static class BlanketRuleFindings
{
    /// <summary>Every restriction in place on most people in the service: the service's open list (§8.2) shows them.</summary>
    public static async Task<IReadOnlyList<Finding>> ForServiceAsync(ProportionDbContext db, Guid serviceId, RuleSettings rules, CancellationToken ct = default)
    {
        var visible = await VisibleAsync(db, serviceId, null, ct);
        var peopleInService = await Unscoped.PeopleInServiceAsync(db, serviceId, ct);
        var findings = new List<Finding>();
        foreach (var same in visible.GroupBy(v => (v.Category, v.Key)).OrderBy(g => g.Key.Category).ThenBy(g => g.Key.Key, StringComparer.Ordinal))
        {
            var restricted = await Unscoped.PeopleWithTheSameRestrictionAsync(db, serviceId, same.Key.Category, same.Key.Key, ct: ct);
            if (Warn(same, restricted, peopleInService, rules) is { } warning)
            {
                findings.Add(warning);
            }
        }
        return findings;
    }

    /// <summary>
    /// The warning for a practice being agreed, counting it with those already in place; null when it is
    /// not on most people, or when what it restricts is unknown (then it is the same as nothing).
    /// </summary>
    public static async Task<Finding?> ForPracticeAsync(ProportionDbContext db, RestrictivePractice practice, RuleSettings rules, CancellationToken ct = default)
    {
        if (practice.SameRestrictionKey is not { } key)
        {
            return null;
        }
        var restricted = await Unscoped.PeopleWithTheSameRestrictionAsync(db, practice.ServiceId, practice.Category, key, practice.Id, ct);
        var peopleInService = await Unscoped.PeopleInServiceAsync(db, practice.ServiceId, ct);
        if (!BlanketRule.IsMost(restricted, peopleInService, rules.BlanketRuleThreshold))
        {
            return null;
        }
        var same = (await VisibleAsync(db, practice.ServiceId, practice.Id, ct)).Where(v => v.Category == practice.Category && v.Key == key).ToList();
        // The practice being agreed is always quoted, even where the reader's scope does not reach it in this query.
        if (same.All(v => v.PersonId != practice.PersonId))
        {
            same.Insert(0, new Visible(practice.PersonId, practice.Category, key, practice.RestrictedThing!.Value, practice.RestrictedThingInOwnWords, practice.Description));
        }
        return Warn(same, restricted, peopleInService, rules);
    }

    private sealed record Visible(Guid PersonId, PracticeCategory Category, string Key, RestrictedThing Thing, string? InOwnWords, string Description);

    /// <summary>The practices in place in the service that the reader may see (the scope filter applies), oldest first.</summary>
    private static async Task<List<Visible>> VisibleAsync(ProportionDbContext db, Guid serviceId, Guid? practiceBeingAgreed, CancellationToken ct) =>
        await db.Practices.AsNoTracking()
            .Where(p => p.ServiceId == serviceId && p.SameRestrictionKey != null && p.RestrictedThing != null
                && (p.Status == PracticeStatus.Agreed || p.Status == PracticeStatus.UnderReview || p.Id == practiceBeingAgreed))
            .OrderBy(p => p.StartDate).ThenBy(p => p.Id)
            .Select(p => new Visible(p.PersonId, p.Category, p.SameRestrictionKey!, p.RestrictedThing!.Value, p.RestrictedThingInOwnWords, p.Description))
            .ToListAsync(ct);

    /// <param name="same">Practices of one restriction the reader can see: at least one.</param>
    private static Finding? Warn(IEnumerable<Visible> same, int restricted, int peopleInService, RuleSettings rules)
    {
        var onePerPerson = same.DistinctBy(v => v.PersonId).ToList();
        var first = onePerPerson[0];
        return BlanketRule.Check(BlanketRule.Describe(first.Category, first.Thing, first.InOwnWords), restricted, peopleInService,
            [.. onePerPerson.Select(v => v.Description)], rules.BlanketRuleThreshold);
    }
}
