using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Core.Plans.BehaviourSupport;

/// <summary>R25 before a positive behaviour support plan is agreed: every part written, reactive strategies using only agreed practices.</summary>
public sealed class BehaviourSupportGate(ProportionDbContext db) : IPlanGate
{
    public PlanKind Kind => PlanKind.BehaviourSupport;

    public async Task<IReadOnlyList<Finding>> FindingsAsync(Plan plan, IPlanContent draft, CancellationToken ct) =>
        BehaviourSupportRules.Findings((BehaviourSupportContent)draft, await PracticesOfAsync(db, plan.PersonId, ct));

    /// <summary>The person's practices, as R25 reads them.</summary>
    public static async Task<IReadOnlyList<BehaviourSupportRules.PracticeFact>> PracticesOfAsync(ProportionDbContext db, Guid personId, CancellationToken ct = default) =>
        (await db.Practices.AsNoTracking().Where(p => p.PersonId == personId)
            .Select(p => new { p.Id, p.Description, p.Category, p.Status, p.CreatedAt }).ToListAsync(ct))
        .OrderBy(p => p.CreatedAt).Select(p => new BehaviourSupportRules.PracticeFact(p.Id, p.Description, p.Category, p.Status)).ToList();
}
