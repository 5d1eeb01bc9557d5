using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Plans;

namespace Proportion.Web.Pages.Plans.Reduction;

/// <summary>The steps of the draft as an "add another" list: each step shown with its change and remove actions.</summary>
public class StepsModel(PlanRecords plans) : ReductionPageModel(plans)
{
    public override string Slug => "steps";

    public async Task<IActionResult> OnGetAsync(Guid id, Guid planId) => await LoadDraftAsync() ?? Page();

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid planId, Guid stepId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        var step = Draft.Stages.SingleOrDefault(s => s.Id == stepId);
        if (step is null)
        {
            return Redirect(QuestionUrl(Slug));
        }
        var result = await SaveAsync(Draft with { Stages = [.. Draft.Stages.Where(s => s.Id != stepId)] }, QuestionUrl(Slug));
        if (ModelState.IsValid)
        {
            Confirm($"The step “{step.Description}” has been removed.");
        }
        return result;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid planId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        return Redirect(Request.Form.ContainsKey("later") ? PlanUrl : QuestionUrl("safeguards"));
    }
}
