using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.Support;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Plans.SupportPlan;

/// <summary>Starts the person's support plan (R20), written with them; a person has one open support plan, so an open one is opened instead.</summary>
[Requires(Permission.EditPlans)]
[OwnOrganisationSubject]
public class StartModel(ProportionDbContext db, PlanRecords plans) : ProportionPageModel
{
    public Person Person => Subjects.Person!;

    public async Task<IActionResult> OnGetAsync(Guid id) =>
        await OpenPlanAsync(id) is { } open ? Redirect(Links.Plan(id, open, PlanKind.SupportPlan)) : Page();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await OpenPlanAsync(id) is { } open)
        {
            return Redirect(Links.Plan(id, open, PlanKind.SupportPlan));
        }
        Plan? plan = null;
        if (!await TryWriteAsync(async () => plan = await plans.StartAsync(id, TitleFor(Person), new SupportPlanContent()), ""))
        {
            return Page();
        }
        return Redirect(Links.SupportPlanOutcomes(id, plan!.Id));
    }

    public static string TitleFor(Person person) => $"{person.KnownAs}'s support plan";

    private Task<Guid?> OpenPlanAsync(Guid personId) =>
        db.Plans.Where(p => p.PersonId == personId && p.Kind == PlanKind.SupportPlan && p.Status != PlanStatus.Closed)
            .Select(p => (Guid?)p.Id).FirstOrDefaultAsync();
}
