using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Core.Plans.RiskAssessments;

/// <summary>What must be true before a risk assessment is agreed (R24, <see cref="RiskAssessmentRules"/>).</summary>
public sealed class RiskAssessmentGate(ProportionDbContext db) : IPlanGate
{
    public PlanKind Kind => PlanKind.RiskAssessment;

    public async Task<IReadOnlyList<Finding>> FindingsAsync(Plan plan, IPlanContent draft, CancellationToken ct) =>
        RiskAssessmentRules.Check((RiskAssessmentContent)draft, await SubjectAsync(plan.PersonId, (RiskAssessmentContent)draft, ct));

    /// <summary>The person as R24 checks a risk assessment against them: only the linked incidents and plans are looked up.</summary>
    public async Task<RiskAssessmentSubject> SubjectAsync(Guid personId, RiskAssessmentContent content, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == personId, ct);
        var practices = await db.Practices.Where(p => p.PersonId == personId)
            .Select(p => new PracticeForRisk(p.Id, p.Description, p.Status == PracticeStatus.Agreed || p.Status == PracticeStatus.UnderReview))
            .ToListAsync(ct);
        var incidentIds = content.Risks.SelectMany(r => r.IncidentIds).Distinct().ToList();
        var planIds = content.Risks.SelectMany(r => r.PlanIds).Distinct().ToList();
        var incidents = incidentIds.Count == 0 ? [] : await db.Incidents.Where(i => i.PersonId == personId && incidentIds.Contains(i.Id)).Select(i => i.Id).ToListAsync(ct);
        var plans = planIds.Count == 0 ? [] : await db.Plans.Where(p => p.PersonId == personId && planIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        return new RiskAssessmentSubject(person.KnownAs, practices, incidents.ToHashSet(), plans.ToHashSet());
    }
}
