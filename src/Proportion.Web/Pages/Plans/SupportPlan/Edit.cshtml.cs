using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Plans;
using Proportion.Core.Plans.Support;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Plans.SupportPlan;

/// <summary>Check the draft of a support plan before agreeing it: every answer with a change link, the risk matrix, and what R20 finds.</summary>
[Requires(Permission.EditPlans)]
public class EditModel(PlanRecords plans, SupportPlanGate gate) : SupportPlanPageModel(plans)
{
    public IReadOnlyList<Finding> Findings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        Findings = await gate.FindingsAsync(Plan, Draft, HttpContext.RequestAborted);
        return Page();
    }
}
