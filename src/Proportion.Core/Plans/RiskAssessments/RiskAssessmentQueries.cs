using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;

namespace Proportion.Core.Plans.RiskAssessments;

/// <summary>Reads of the person's risk assessment that other records show: the person's page, a practice's page.</summary>
public static class RiskAssessmentQueries
{
    /// <summary>The person's open risk assessment (at most one), with its agreed content; null content before it is first agreed.</summary>
    public static async Task<(Plan Plan, RiskAssessmentContent? Agreed)?> CurrentAsync(ProportionDbContext db, Guid personId, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking()
            .Where(p => p.PersonId == personId && p.Kind == PlanKind.RiskAssessment && p.Status != PlanStatus.Closed)
            .OrderByDescending(p => p.CreatedAt).FirstOrDefaultAsync(ct);
        if (plan is null)
        {
            return null;
        }
        var json = plan.AgreedVersion is { } number
            ? await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == plan.Id && v.Number == number).Select(v => v.Content).SingleAsync(ct)
            : null;
        return (plan, json is null ? null : PlanContents.FromJson<RiskAssessmentContent>(json));
    }
}
