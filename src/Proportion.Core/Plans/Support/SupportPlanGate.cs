using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Core.Plans.Support;

/// <summary>
/// R20 for a support plan: <see cref="SupportPlanRules"/> on the draft before it is agreed, and the review date
/// suggested from how isolated the person is, their capacity and the risk matrix.
/// </summary>
public sealed class SupportPlanGate(ProportionDbContext db, TimeProvider clock, IOptions<RuleSettings> settings) : IPlanGate, IPlanReviewTiming
{
    public PlanKind Kind => PlanKind.SupportPlan;

    public Task<IReadOnlyList<Finding>> FindingsAsync(Plan plan, IPlanContent draft, CancellationToken ct) =>
        Task.FromResult(SupportPlanRules.Findings((SupportPlanContent)draft, UkTime.Today(clock)));

    public async Task<SuggestedReview> SuggestAsync(Plan plan, IPlanContent content, DateOnly from, CancellationToken ct)
    {
        var reasons = SupportPlanRules.ReasonsToReviewSooner((SupportPlanContent)content, await LacksCapacityInRecordsAsync(plan.PersonId, ct));
        var (date, why) = SupportPlanRules.SuggestedReview(from, reasons, settings.Value);
        return new SuggestedReview(date, why);
    }

    /// <summary>
    /// Where the person's other records show they lack capacity for a decision: their latest deprivation of liberty
    /// screening (the care arrangements), or the decision in force for a practice in place. Capacity is
    /// decision-specific, so this never stands in for their capacity to manage a direct payment; it only
    /// brings reviews sooner, as the guidance asks for people who lack capacity. Null when none does.
    /// </summary>
    public async Task<string?> LacksCapacityInRecordsAsync(Guid personId, CancellationToken ct)
    {
        var screening = await db.LibertyScreenings.AsNoTracking().Where(s => s.PersonId == personId)
            .OrderByDescending(s => s.AssessedOn).ThenByDescending(s => s.RecordedAt)
            .Select(s => new { s.AssessedOn, s.CapacityToConsent }).FirstOrDefaultAsync(ct);
        if (screening?.CapacityToConsent == ArrangementsCapacity.LacksCapacity)
        {
            return $"to consent to their care arrangements (screened on {UkTime.Format(screening.AssessedOn)})";
        }
        var decisions = await db.Decisions.AsNoTracking().Include(d => d.Practice)
            .Where(d => d.PersonId == personId && d.Status == DecisionStatus.Agreed
                && (d.Practice!.Status == PracticeStatus.Agreed || d.Practice.Status == PracticeStatus.UnderReview))
            .ToListAsync(ct);
        var lacking = decisions.GroupBy(d => d.PracticeId).Select(g => g.MaxBy(d => d.Number)!)
            .Where(d => d.Capacity == CapacityToConsent.LacksCapacity).OrderBy(d => d.Practice!.Description).FirstOrDefault();
        return lacking is null ? null : $"to consent to \"{lacking.Practice!.Description}\"";
    }
}
