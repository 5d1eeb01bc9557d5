using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.BehaviourSupport;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Plans.BehaviourSupport;

/// <summary>Starts a person's positive behaviour support plan (R25); a person has one open at a time, so an open one is resumed instead.</summary>
[Requires(Permission.EditPlans)]
public class StartModel(ProportionDbContext db, PlanRecords plans) : ProportionPageModel
{
    public Person Person => Subjects.Person!;

    [BindProperty(Name = "Input")]
    public StartAnswers Input { get; set; } = new();

    public sealed class StartAnswers
    {
        [StringLength(Plan.TitleMaxLength, ErrorMessage = "What the plan is about must be 200 characters or fewer")]
        public string? Title { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await OpenPlanAsync(id) is { } open)
        {
            return Redirect(Links.Plan(id, open, PlanKind.BehaviourSupport));
        }
        Input.Title = $"Supporting {Person.KnownAs} when they are distressed";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await OpenPlanAsync(id) is { } open)
        {
            return Redirect(Links.Plan(id, open, PlanKind.BehaviourSupport));
        }
        Plan? plan = null;
        if (!ModelState.IsValid || !await TryWriteAsync(async () => plan = await plans.StartAsync(id, Input.Title ?? "", new BehaviourSupportContent())))
        {
            return Page();
        }
        return Redirect(Links.EditPlan(id, plan!.Id, PlanKind.BehaviourSupport));
    }

    private async Task<Guid?> OpenPlanAsync(Guid personId) =>
        await db.Plans.Where(p => p.PersonId == personId && p.Kind == PlanKind.BehaviourSupport && p.Status != PlanStatus.Closed)
            .Select(p => (Guid?)p.Id).FirstOrDefaultAsync();
}
