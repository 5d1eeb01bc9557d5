using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.RiskAssessments;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Plans.RiskAssessment;

/// <summary>
/// The person's risk assessment (§5.1, R24): the version staff follow (or the first draft, until one is
/// agreed), where its risks sit on the matrix as first assessed and with what reduces them, each risk in
/// full with the practices, incidents and plans it explains, and what R24 finds about the draft.
/// </summary>
[Requires(Permission.ReadPlans)]
public class ViewModel(ProportionDbContext db, PlanRecords plans) : ProportionPageModel
{
    public Person Person => Subjects.Person!;
    public Plan Plan => Subjects.Plan!;
    public RiskAssessmentContent Shown { get; private set; } = new();
    /// <summary>The version shown: the agreed one, or the draft when none has been agreed yet.</summary>
    public int ShownVersion { get; private set; }
    public bool ShowingDraft => Plan.AgreedVersion is null;
    public PlanOverview Status { get; private set; } = null!;
    public IReadOnlyList<RiskMatrixTable> Matrices { get; private set; } = [];
    public LinkableRecords Linkable { get; private set; } = new([], [], []);
    public bool CanEdit => Plan.Status != PlanStatus.Closed && Scope.Allows(Permission.EditPlans, Plan.OrganisationId);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid planId)
    {
        if (Plan.Kind != PlanKind.RiskAssessment)
        {
            return NotFound();
        }
        ShownVersion = Plan.AgreedVersion ?? Plan.LatestVersion;
        Shown = (RiskAssessmentContent)(await plans.ContentAsync(Plan, ShownVersion))!;
        Status = await plans.OverviewAsync(Plan);
        Matrices = RiskMatrixTable.Pair($"{Person.KnownAs}'s", Shown.Risks, r => "#risk-" + r.Id);
        Linkable = await RiskAssessmentPageModel.LinkableAsync(db, Person.Id, Plan.Id, Shown.Risks);
        return Page();
    }
}
