using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.Support;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Plans.SupportPlan;

/// <summary>
/// A support plan (R20): the version staff follow (or the draft before one is agreed), what R20 finds about it
/// as things stand (a personal assistant's insurance that has run out), the risk matrix, and its
/// outcome-focused reviews.
/// </summary>
[Requires(Permission.ReadPlans)]
public class ViewModel(ProportionDbContext db, PlanRecords plans, SupportPlanGate gate, SupportPlanRecords records) : ProportionPageModel
{
    private Dictionary<Guid, string> _names = [];

    public Person Person => Subjects.Person!;
    public Plan Plan => Subjects.Plan!;
    public PlanOverview Status { get; private set; } = null!;
    public SupportPlanContent Shown { get; private set; } = new();
    /// <summary>The version shown: the agreed one staff follow, or the first draft before any is agreed.</summary>
    public int ShownVersion { get; private set; }
    public IReadOnlyList<Finding> Findings { get; private set; } = [];
    public IReadOnlyList<SupportPlanReview> Reviews { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (Plan.Kind != PlanKind.SupportPlan)
        {
            return NotFound();
        }
        var ct = HttpContext.RequestAborted;
        Status = await plans.OverviewAsync(Plan, ct);
        ShownVersion = Plan.AgreedVersion ?? Plan.LatestVersion;
        Shown = (SupportPlanContent)(await plans.ContentAsync(Plan, ShownVersion, ct))!;
        // What the gate finds about the draft waiting, or about the agreed plan as things stand now.
        var checkedContent = Plan.HasDraft ? await plans.LatestContentAsync<SupportPlanContent>(Plan, ct) : Shown;
        Findings = Plan.Status == PlanStatus.Closed ? [] : await gate.FindingsAsync(Plan, checkedContent, ct);
        Reviews = await records.ReviewsAsync(Plan.Id, ct);
        var userIds = Reviews.Select(r => r.RecordedById).Distinct().ToList();
        _names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return Page();
    }

    public string NameOf(Guid userId) => _names.GetValueOrDefault(userId) ?? "Unknown user";
}
