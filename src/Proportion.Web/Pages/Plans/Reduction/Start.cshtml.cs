using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Model;
using Proportion.Core.Plans.Reduction;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Plans.Reduction;

/// <summary>Starts a restriction reduction plan for a practice in place (R19); a practice with a plan already goes to it.</summary>
[Requires(Permission.EditPlans)]
[OwnOrganisationSubject]
public class StartModel(ReductionRecords reductions) : ProportionPageModel
{
    public Person Person => Subjects.Person!;
    public RestrictivePractice Practice => Subjects.Practice!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid practiceId) =>
        await reductions.OpenPlanAsync(practiceId) is { } open ? Redirect(Links.Plan(id, open.Id, PlanKind.Reduction)) : Page();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid practiceId)
    {
        if (await reductions.OpenPlanAsync(practiceId) is { } open)
        {
            return Redirect(Links.Plan(id, open.Id, PlanKind.Reduction));
        }
        Plan? plan = null;
        if (!await TryWriteAsync(async () => plan = await reductions.StartAsync(id, practiceId), ""))
        {
            return Page();
        }
        return Redirect(Links.EditPlan(id, plan!.Id, PlanKind.Reduction));
    }
}
