using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.KeepingSafe;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Plans.KeepingSafe;

/// <summary>
/// Starts the person's keeping safe plan (R20, tools for risky choices), made with them. A person has one open at
/// a time, so an open one is opened instead. Who can help starts from the person's recorded representatives.
/// </summary>
[Requires(Permission.EditPlans)]
public class StartModel(ProportionDbContext db, PlanRecords plans) : ProportionPageModel
{
    public Person Person => Subjects.Person!;
    public SafeguardingHelplines Helplines { get; private set; } = new([]);

    [BindProperty(Name = "Input")]
    public StartAnswers Input { get; set; } = new();

    public sealed class StartAnswers
    {
        [StringLength(Plan.TitleMaxLength, ErrorMessage = "What the plan is called must be 200 characters or fewer")]
        public string? Title { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await OpenPlanAsync(id) is { } open)
        {
            return Redirect(Links.Plan(id, open, PlanKind.KeepingSafe));
        }
        Helplines = await SafeguardingHelplines.ForPersonAsync(db, id);
        Input.Title = $"Keeping {Person.KnownAs} safe";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await OpenPlanAsync(id) is { } open)
        {
            return Redirect(Links.Plan(id, open, PlanKind.KeepingSafe));
        }
        Helplines = await SafeguardingHelplines.ForPersonAsync(db, id);
        var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == id);
        var content = new KeepingSafeContent
        {
            WhoCanHelp = [.. person.Representatives.Select(r => new HelpContact { Name = r.Name, WhoTheyAre = r.Relationship, HowToReach = r.ContactDetails })],
        };
        Plan? plan = null;
        if (!ModelState.IsValid || !await TryWriteAsync(async () => plan = await plans.StartAsync(id, Input.Title ?? "", content)))
        {
            return Page();
        }
        return Redirect(Links.EditPlan(id, plan!.Id, PlanKind.KeepingSafe));
    }

    private Task<Guid?> OpenPlanAsync(Guid personId) =>
        db.Plans.Where(p => p.PersonId == personId && p.Kind == PlanKind.KeepingSafe && p.Status != PlanStatus.Closed)
            .Select(p => (Guid?)p.Id).FirstOrDefaultAsync();
}
