using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.Profiles;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Plans.Profile;

/// <summary>Starts the person's profile (R23), written with them; a person has one open profile, so an open one is opened instead.</summary>
[Requires(Permission.EditPlans)]
public class StartModel(ProportionDbContext db, PlanRecords plans) : ProportionPageModel
{
    public Person Person => Subjects.Person!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await OpenProfileAsync(id) is { } open)
        {
            return Redirect(Links.Plan(id, open, PlanKind.Profile));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Plan? plan = null;
        if (!await TryWriteAsync(async () => plan = await plans.StartAsync(id, TitleFor(Person), new ProfileContent()), ""))
        {
            return Page();
        }
        return Redirect(Links.EditPlan(id, plan!.Id, PlanKind.Profile));
    }

    public static string TitleFor(Person person) => $"Knowing {person.KnownAs}";

    private Task<Guid?> OpenProfileAsync(Guid personId) =>
        db.Plans.Where(p => p.PersonId == personId && p.Kind == PlanKind.Profile && p.Status != PlanStatus.Closed)
            .Select(p => (Guid?)p.Id).FirstOrDefaultAsync();
}
