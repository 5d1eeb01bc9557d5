using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.PositiveRisk;
using Proportion.Core.Plans.RiskAssessments;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Plans.PositiveRisk;

/// <summary>
/// A positive risk-taking plan: the version staff follow (or the draft before one is agreed), what R19 finds
/// about it, and the staged progression with what happened at each stage, so support visibly reduces as
/// independence grows.
/// </summary>
[Requires(Permission.ReadPlans)]
public class ViewModel(ProportionDbContext db, PlanRecords plans, PositiveRiskGate gate) : ProportionPageModel
{
    public Person Person => Subjects.Person!;
    public Plan Plan => Subjects.Plan!;
    public PlanOverview Status { get; private set; } = null!;
    public PositiveRiskContent Shown { get; private set; } = new();
    /// <summary>The version shown: the agreed one staff follow, or the first draft before any is agreed.</summary>
    public int ShownVersion { get; private set; }
    public IReadOnlyList<Finding> Findings { get; private set; } = [];
    public RiskAssessmentContent? Assessment { get; private set; }
    public ILookup<Guid, StageOutcome> Outcomes { get; private set; } = Array.Empty<StageOutcome>().ToLookup(o => o.StageId);
    public bool CanEdit => Scope.Allows(Permission.EditPlans, Plan.OrganisationId);

    public async Task<IActionResult> OnGetAsync()
    {
        if (Plan.Kind != PlanKind.PositiveRisk)
        {
            return NotFound();
        }
        var ct = HttpContext.RequestAborted;
        Status = await plans.OverviewAsync(Plan, ct);
        ShownVersion = Plan.AgreedVersion ?? Plan.LatestVersion;
        Shown = (PositiveRiskContent)(await plans.ContentAsync(Plan, ShownVersion, ct))!;
        // What the checks find about the draft waiting to be agreed, or about the agreed plan as things stand now.
        var checkedContent = Plan.HasDraft ? await plans.LatestContentAsync<PositiveRiskContent>(Plan, ct) : Shown;
        Findings = Plan.Status == PlanStatus.Closed ? [] : await gate.FindingsAsync(Plan, checkedContent, ct);
        Assessment = await gate.AgreedRiskAssessmentAsync(Person.Id, ct);
        Outcomes = (await db.StageOutcomes.AsNoTracking().Where(o => o.PlanId == Plan.Id).OrderBy(o => o.TakenOn).ThenBy(o => o.RecordedAt).ToListAsync(ct))
            .ToLookup(o => o.StageId);
        return Page();
    }

    public string AssessedRiskName(Guid? id) => PositiveRiskDisplay.AssessedRiskName(Assessment, id);
}
