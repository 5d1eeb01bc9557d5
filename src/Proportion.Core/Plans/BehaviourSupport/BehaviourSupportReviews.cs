using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Core.Plans.BehaviourSupport;

/// <summary>
/// R25: which behaviour support plans in place need review now because incidents say they are not working,
/// counted since the agreed version was agreed or the plan was last reviewed, whichever is later.
/// </summary>
public sealed class BehaviourSupportReviews(ProportionDbContext db, IOptions<RuleSettings> rules)
{
    public sealed record PlanNeedingReview(Plan Plan, Person Person, IReadOnlyList<Finding> Reasons);

    /// <summary>Why this plan needs review now; empty when it does not (or it is not in place).</summary>
    public async Task<IReadOnlyList<Finding>> ForPlanAsync(Plan plan, CancellationToken ct = default)
    {
        if (plan.Kind != PlanKind.BehaviourSupport || plan.Status != PlanStatus.InPlace)
        {
            return [];
        }
        return (await ForPlansAsync(db.Plans.Where(p => p.Id == plan.Id), ct)).SelectMany(p => p.Reasons).ToList();
    }

    /// <summary>Every plan in place the user can see that needs review now, at most <paramref name="take"/>.</summary>
    public async Task<IReadOnlyList<PlanNeedingReview>> InScopeAsync(int take, CancellationToken ct = default) =>
        [.. (await ForPlansAsync(db.Plans.Where(p => p.Kind == PlanKind.BehaviourSupport && p.Status == PlanStatus.InPlace), ct)).Take(take)];

    private async Task<List<PlanNeedingReview>> ForPlansAsync(IQueryable<Plan> plans, CancellationToken ct)
    {
        var rows = await (from plan in plans.Where(p => p.Status == PlanStatus.InPlace)
                          from version in db.PlanVersions.Where(v => v.PlanId == plan.Id && v.Number == plan.AgreedVersion)
                          select new
                          {
                              Plan = plan,
                              plan.Person,
                              version.Content,
                              version.AgreedAt,
                              LastReview = db.PlanReviews.Where(r => r.PlanId == plan.Id).Max(r => (DateTime?)r.RecordedAt),
                          }).AsNoTracking().ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }
        var earliest = rows.Min(r => r.AgreedAt ?? DateTime.MinValue);
        var personIds = rows.Select(r => r.Plan.PersonId).Distinct().ToList();
        var incidents = (await db.Incidents.AsNoTracking().Where(i => personIds.Contains(i.PersonId) && i.OccurredAt >= earliest)
                .Select(i => new { i.PersonId, i.OccurredAt, i.PracticeId }).ToListAsync(ct))
            .ToLookup(i => i.PersonId, i => new BehaviourSupportRules.IncidentFact(i.OccurredAt, i.PracticeId));
        var settings = rules.Value;
        var found = new List<PlanNeedingReview>();
        foreach (var row in rows.OrderBy(r => r.Person!.FamilyName))
        {
            var content = PlanContents.FromJson<BehaviourSupportContent>(row.Content);
            var since = row.LastReview > row.AgreedAt ? row.LastReview.Value : row.AgreedAt ?? DateTime.MinValue;
            var reasons = BehaviourSupportRules.ReviewNow(since, content.ReactivePracticeIds, incidents[row.Plan.PersonId],
                settings.BehaviourSupportReviewIncidents, settings.BehaviourSupportReviewWithinDays);
            if (reasons.Count > 0)
            {
                found.Add(new PlanNeedingReview(row.Plan, row.Person!, reasons));
            }
        }
        return found;
    }
}
