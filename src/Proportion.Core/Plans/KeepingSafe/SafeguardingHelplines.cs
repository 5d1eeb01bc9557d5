using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;

namespace Proportion.Core.Plans.KeepingSafe;

/// <summary>A council's safeguarding helpline as a keeping safe plan shows it: which council, why it is that council, and the number if set.</summary>
public sealed record CouncilHelpline(Guid CouncilId, string Council, string? Number, bool IsLocal, bool IsFunding)
{
    public bool IsSet => !string.IsNullOrWhiteSpace(Number);

    /// <summary>Why this council: where the person lives (it makes safeguarding enquiries, Care Act s.42), funds them, or both.</summary>
    /// <param name="toThePerson">In the plan's own words to the person ("where you live"), or about them ("where they live").</param>
    public string Why(bool toThePerson = true)
    {
        var (they, their) = toThePerson ? ("you", "your") : ("they", "their");
        return (IsLocal, IsFunding) switch
        {
            (true, true) => $"the council where {they} live, which funds {their} support",
            (true, false) => $"the council where {they} live",
            _ => $"the council that funds {their} support",
        };
    }
}

/// <summary>
/// The safeguarding helplines a person's keeping safe plan shows (R20, tools for risky choices), read live so a
/// changed number is shown at once: the council where their service is first, because that council makes
/// safeguarding enquiries about anyone in its area (Care Act 2014 s.42), then the council that funds them when
/// it is another. Empty when neither is recorded.
/// </summary>
public sealed record SafeguardingHelplines(IReadOnlyList<CouncilHelpline> Councils)
{
    public bool AnySet => Councils.Any(c => c.IsSet);

    /// <summary>What to say when no helpline can be shown, naming the council that has not set one; null when one is set.</summary>
    public string? NoneSetMessage(string knownAs) =>
        AnySet ? null
        : Councils.Count == 0
            ? $"No safeguarding helpline can be shown: {knownAs} has no funding council and their service has no local council recorded"
            : $"No safeguarding helpline is set: {string.Join(" and ", Councils.Select(c => c.Council))} {(Councils.Count > 1 ? "have" : "has")} not added one to Proportion yet";

    /// <summary>The helplines as a section of the plan, for its pages and its easy-read copy.</summary>
    public PlanSection Section(string knownAs) => AnySet
        ? new PlanSection("Safeguarding helpline", null,
            [.. Councils.Where(c => c.IsSet).Select(c => $"{c.Council} safeguarding adults helpline ({c.Why()}): {c.Number}")], Field: Rules.KeepingSafeRules.HelplineField)
        : new PlanSection("Safeguarding helpline", $"{NoneSetMessage(knownAs)}.", Field: Rules.KeepingSafeRules.HelplineField);

    public static async Task<SafeguardingHelplines> ForPersonAsync(ProportionDbContext db, Guid personId, CancellationToken ct = default)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new { p.FundingCouncilId, p.ServiceId }).SingleOrDefaultAsync(ct);
        if (person is null)
        {
            return new([]);
        }
        // Whoever sees the person sees their service (the scope's visible services include it).
        var local = await db.Services.AsNoTracking().Where(s => s.Id == person.ServiceId).Select(s => s.LocalCouncilId).SingleOrDefaultAsync(ct);
        var ids = new[] { local, person.FundingCouncilId }.OfType<Guid>().Distinct().ToList();
        var councils = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.SafeguardingHelpline }).ToListAsync(ct);
        return new([.. ids.Select(id => councils.FirstOrDefault(c => c.Id == id)).Where(c => c is not null)
            .Select(c => new CouncilHelpline(c!.Id, c.Name, c.SafeguardingHelpline, c.Id == local, c.Id == person.FundingCouncilId))]);
    }
}
