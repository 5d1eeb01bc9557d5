using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Core.Plans.Reduction;

/// <summary>R19 for a restriction reduction plan: <see cref="ReductionPlanGate"/> on the draft, with whether its practice is still in place.</summary>
public sealed class ReductionGate(ProportionDbContext db) : IPlanGate
{
    public PlanKind Kind => PlanKind.Reduction;

    public async Task<IReadOnlyList<Finding>> FindingsAsync(Plan plan, IPlanContent draft, CancellationToken ct)
    {
        var inPlace = plan.PracticeId is { } practiceId
            && await db.Practices.AnyAsync(p => p.Id == practiceId && (p.Status == PracticeStatus.Agreed || p.Status == PracticeStatus.UnderReview), ct);
        return ReductionPlanGate.Check((ReductionContent)draft, inPlace);
    }
}
