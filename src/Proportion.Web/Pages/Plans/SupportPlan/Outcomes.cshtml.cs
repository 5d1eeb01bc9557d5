using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Plans;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Plans.SupportPlan;

/// <summary>The outcomes the person wants, each with the support that meets it, as a GOV.UK "add another" list (R20).</summary>
[Requires(Permission.EditPlans)]
public class OutcomesModel(PlanRecords plans) : SupportPlanPageModel(plans)
{
    [BindProperty]
    public bool? AddAnother { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadDraftAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        if (AddAnother is null)
        {
            ModelState.AddModelError(nameof(AddAnother), Draft.Outcomes.Count == 0 ? "Select yes if you need to add an outcome" : "Select yes if you need to add another outcome");
            return Page();
        }
        return AddAnother == true ? Redirect(Links.SupportPlanOutcome(Person.Id, Plan.Id, null, FromCheck)) : Next(SupportPlanPart.Outcomes, Draft);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid outcomeId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        var outcome = Draft.Outcomes.FirstOrDefault(o => o.Id == outcomeId);
        if (outcome is not null && await SaveAsync(Draft with { Outcomes = [.. Draft.Outcomes.Where(o => o.Id != outcomeId)] }, fieldPrefix: ""))
        {
            Confirm($"The outcome \"{outcome.InTheirWords}\" has been removed from the draft.");
        }
        return Redirect(Links.SupportPlanOutcomes(Person.Id, Plan.Id, FromCheck));
    }
}
