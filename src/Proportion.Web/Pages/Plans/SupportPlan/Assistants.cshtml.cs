using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Plans;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Plans.SupportPlan;

/// <summary>The personal assistants employed through a direct payment, each with the employer's checks, as a GOV.UK "add another" list (R20).</summary>
[Requires(Permission.EditPlans)]
public class AssistantsModel(PlanRecords plans) : SupportPlanPageModel(plans)
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
            ModelState.AddModelError(nameof(AddAnother), Draft.Assistants.Count == 0 ? "Select yes if you need to add a personal assistant" : "Select yes if you need to add another personal assistant");
            return Page();
        }
        return AddAnother == true ? Redirect(Links.SupportPlanAssistant(Person.Id, Plan.Id, null, FromCheck)) : Next(SupportPlanPart.Assistants, Draft);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid assistantId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        var assistant = Draft.Assistants.FirstOrDefault(a => a.Id == assistantId);
        if (assistant is not null && await SaveAsync(Draft with { Assistants = [.. Draft.Assistants.Where(a => a.Id != assistantId)] }, fieldPrefix: ""))
        {
            Confirm($"{assistant.Name} has been removed from the draft.");
        }
        return Redirect(Links.SupportPlanAssistants(Person.Id, Plan.Id, FromCheck));
    }
}
