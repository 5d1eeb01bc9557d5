using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Pdf;

namespace Proportion.Web.Pages.Plans;

/// <summary>An agreed version of a plan as an easy-read PDF for the person and their representatives (<see cref="PlanEasyReadPdf"/>); a draft has none.</summary>
[Requires(Permission.ReadPlans)]
public class EasyReadModel(ProportionDbContext db, TimeProvider clock) : ProportionPageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid planId, int number)
    {
        var plan = Subjects.Plan!;
        var version = await db.PlanVersions.AsNoTracking().SingleOrDefaultAsync(v => v.PlanId == planId && v.Number == number && v.AgreedAt != null);
        if (version is null)
        {
            return NotFound();
        }
        var person = Subjects.Person!;
        var header = await FormHeaders.ForAsync(db, clock, person.OrganisationId, PlanEasyReadPdf.FormName(plan.Kind), person.KnownAs);
        var pdf = PlanEasyReadPdf.For(plan, version, PlanContents.FromJson(plan.Kind, version.Content), person, header,
            await PlanExtraSections.ForAsync(db, plan, person));
        return File(pdf, "application/pdf", FormHeaders.FileName("easy-read-plan", person.FamilyName, number));
    }
}
