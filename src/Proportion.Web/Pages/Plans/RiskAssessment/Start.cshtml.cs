using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.RiskAssessments;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Plans.RiskAssessment;

/// <summary>Starts the person's risk assessment (§5.1): one open at a time, so an open one is continued instead.</summary>
[Requires(Permission.EditPlans)]
[OwnOrganisationSubject]
public class StartModel(ProportionDbContext db, PlanRecords plans) : ProportionPageModel
{
    public const string Title = "Risk assessment";

    public Person Person => Subjects.Person!;

    public async Task<IActionResult> OnGetAsync(Guid id) =>
        await OpenAsync() is { } open ? Redirect(Links.Plan(Person.Id, open, PlanKind.RiskAssessment)) : Page();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await OpenAsync() is { } open)
        {
            return Redirect(Links.Plan(Person.Id, open, PlanKind.RiskAssessment));
        }
        Plan? plan = null;
        if (!await TryWriteAsync(async () => plan = await plans.StartAsync(Person.Id, Title, new RiskAssessmentContent()), ""))
        {
            return Page();
        }
        return Redirect(Links.EditPlan(Person.Id, plan!.Id, PlanKind.RiskAssessment));
    }

    private async Task<Guid?> OpenAsync() =>
        await db.Plans.Where(p => p.PersonId == Person.Id && p.Kind == PlanKind.RiskAssessment && p.Status != PlanStatus.Closed)
            .Select(p => (Guid?)p.Id).FirstOrDefaultAsync();
}
