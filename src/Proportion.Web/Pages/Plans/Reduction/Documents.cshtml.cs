using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.Reduction;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Plans.Reduction;

/// <summary>
/// After a step changed the practice: every operational document, and whether it reflects the new arrangement
/// (R19): the register, the guidelines, the positive behaviour support plan, the risk assessment and positive
/// risk-taking plans that name the practice, and the care plan held outside Proportion, which the manager confirms.
/// </summary>
[Requires(Permission.ReadPlans)]
[HandlerRequires("Confirm", Permission.EditPlans)]
public class DocumentsModel(ProportionDbContext db, PlanRecords plans, ReductionRecords reductions) : ProportionPageModel
{
    public Person Person => Subjects.Person!;
    public Plan Plan => Subjects.Plan!;
    public PracticeReduction Reduction { get; private set; } = null!;
    public int Number { get; private set; }
    public IReadOnlyList<ReductionDocuments.Check> Checks { get; private set; } = [];
    public bool CanConfirm => Scope.Allows(Permission.EditPlans, Plan.OrganisationId) && Reduction.CarePlanConfirmedAt is null;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid planId, Guid stageId) => await LoadAsync(stageId) ?? Page();

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, Guid planId, Guid stageId)
    {
        if (await LoadAsync(stageId) is { } stop)
        {
            return stop;
        }
        await reductions.ConfirmCarePlanAsync(Reduction.Id);
        Confirm("You have confirmed the care plan reflects the change.");
        return Redirect(Links.ReductionDocuments(id, planId, stageId));
    }

    /// <summary>Where each document is read or changed.</summary>
    public string? UrlOf(ReductionDocuments.Check check) => check.Document switch
    {
        OperationalDocument.Register => Links.PracticeRegister(Person.Id),
        OperationalDocument.Guidelines => Links.PracticeDetails(Person.Id, Reduction.PracticeId),
        OperationalDocument.BehaviourSupportPlan when check.PlanId is { } planId => Links.Plan(Person.Id, planId, PlanKind.BehaviourSupport),
        OperationalDocument.RiskAssessment when check.PlanId is { } planId => Links.Plan(Person.Id, planId, PlanKind.RiskAssessment),
        OperationalDocument.PositiveRiskPlan when check.PlanId is { } planId => Links.Plan(Person.Id, planId, PlanKind.PositiveRisk),
        _ => null,
    };

    private async Task<IActionResult?> LoadAsync(Guid stageId)
    {
        if (Plan.Kind != PlanKind.Reduction)
        {
            return NotFound();
        }
        var reduction = await db.PracticeReductions.AsNoTracking().SingleOrDefaultAsync(r => r.PlanId == Plan.Id && r.StageId == stageId);
        var content = await plans.ContentAsync(Plan, await db.StageOutcomes.Where(o => o.Id == reduction!.StageOutcomeId).Select(o => o.VersionNumber).SingleOrDefaultAsync()) as ReductionContent;
        var index = content?.Stages.FindIndex(s => s.Id == stageId) ?? -1;
        if (reduction is null || index < 0)
        {
            return NotFound();
        }
        Reduction = reduction;
        Number = index + 1;
        Checks = await reductions.DocumentChecksAsync(reduction, content!.Stages[index]);
        return null;
    }
}
