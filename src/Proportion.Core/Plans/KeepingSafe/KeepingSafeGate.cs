using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Core.Plans.KeepingSafe;

/// <summary>
/// A keeping safe plan is agreed only once every part is written and a safeguarding helpline can be shown
/// (R20, <see cref="KeepingSafeRules"/>): reads the councils' helplines for the person.
/// </summary>
public sealed class KeepingSafeGate(ProportionDbContext db) : IPlanGate
{
    public PlanKind Kind => PlanKind.KeepingSafe;

    public async Task<IReadOnlyList<Finding>> FindingsAsync(Plan plan, IPlanContent draft, CancellationToken ct)
    {
        var helplines = await SafeguardingHelplines.ForPersonAsync(db, plan.PersonId, ct);
        var knownAs = await db.People.AsNoTracking().Where(p => p.Id == plan.PersonId)
            .Select(p => string.IsNullOrWhiteSpace(p.PreferredName) ? p.GivenName + " " + p.FamilyName : p.PreferredName + " " + p.FamilyName)
            .SingleOrDefaultAsync(ct) ?? "The person";
        return KeepingSafeRules.Findings((KeepingSafeContent)draft, helplines, knownAs);
    }
}
