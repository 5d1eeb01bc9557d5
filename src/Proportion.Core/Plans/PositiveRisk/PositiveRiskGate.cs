using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Plans.RiskAssessments;
using Proportion.Core.Rules;

namespace Proportion.Core.Plans.PositiveRisk;

/// <summary>
/// R19 for a positive risk-taking plan: reads the person's register, the staff guidance in force and their
/// agreed risk assessment, and asks <see cref="PositiveRiskRules"/> what is missing or does not agree.
/// </summary>
public sealed class PositiveRiskGate(ProportionDbContext db) : IPlanGate
{
    public PlanKind Kind => PlanKind.PositiveRisk;

    public async Task<IReadOnlyList<Finding>> FindingsAsync(Plan plan, IPlanContent draft, CancellationToken ct)
    {
        var content = (PositiveRiskContent)draft;
        var (mismatches, hasAssessment) = await MismatchesAsync(plan, content, ct);
        return PositiveRiskRules.Findings(content, mismatches, hasAssessment);
    }

    /// <summary>Every mismatch with the person's other records, and whether they have an agreed risk assessment.</summary>
    public async Task<(IReadOnlyList<PositiveRiskRules.Mismatch> Mismatches, bool HasAgreedRiskAssessment)> MismatchesAsync(
        Plan plan, PositiveRiskContent content, CancellationToken ct)
    {
        var register = await db.Practices.AsNoTracking()
            .Where(p => p.PersonId == plan.PersonId && (p.Status == PracticeStatus.Agreed || p.Status == PracticeStatus.UnderReview))
            .Select(p => new PositiveRiskRules.PracticeInPlace(p.Id, p.Description, p.RestrictedThing))
            .ToListAsync(ct);
        var inPlace = register.Select(p => p.Id).ToList();
        var decisions = await db.Decisions.AsNoTracking()
            .Where(d => d.PersonId == plan.PersonId && d.Status == DecisionStatus.Agreed && inPlace.Contains(d.PracticeId))
            .Select(d => new { d.Id, d.PracticeId, d.Number, d.WhenMayBeUsed })
            .ToListAsync(ct);
        var guidance = decisions.GroupBy(d => d.PracticeId).Select(g => g.MaxBy(d => d.Number)!)
            .Select(d =>
            {
                var practice = register.Single(p => p.Id == d.PracticeId);
                return new PositiveRiskRules.StaffGuidance(d.Id, d.PracticeId, practice.Description, practice.Restricts, d.WhenMayBeUsed);
            })
            .ToList();
        var assessment = await AgreedRiskAssessmentAsync(plan.PersonId, ct);
        return (PositiveRiskRules.Mismatches(plan.Id, plan.Title, content, register, guidance, assessment), assessment is not null);
    }

    /// <summary>The person's risk assessment as agreed, or null when they have none in place.</summary>
    public async Task<RiskAssessmentContent?> AgreedRiskAssessmentAsync(Guid personId, CancellationToken ct)
    {
        var agreed = await db.Plans.AsNoTracking()
            .Where(p => p.PersonId == personId && p.Kind == PlanKind.RiskAssessment && p.Status == PlanStatus.InPlace)
            .Select(p => new { p.Id, p.AgreedVersion })
            .FirstOrDefaultAsync(ct);
        var json = agreed is null ? null : await db.PlanVersions.AsNoTracking()
            .Where(v => v.PlanId == agreed.Id && v.Number == agreed.AgreedVersion)
            .Select(v => v.Content)
            .SingleOrDefaultAsync(ct);
        return json is null ? null : PlanContents.FromJson<RiskAssessmentContent>(json);
    }
}
