using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Plans;

/// <summary>Starts a new version of an agreed plan, with the reason for changing it (R19); the agreed version stays in force until the new one is agreed.</summary>
[Requires(Permission.EditPlans)]
public class ReviseModel(PlanRecords plans) : PlanActionPageModel
{
    [BindProperty]
    [StringLength(Plan.ReasonMaxLength, ErrorMessage = "The reason must be 2,000 characters or fewer")]
    public string? Reason { get; set; }

    public IActionResult OnGet(Guid id, Guid planId)
    {
        if (NotApplicable(Plan.Status == PlanStatus.InPlace && !Plan.HasDraft) is { } back)
        {
            return back;
        }
        PlanVersion = Plan.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid planId)
    {
        if (NotApplicable(Plan.Status == PlanStatus.InPlace && !Plan.HasDraft) is { } back)
        {
            return back;
        }
        if (!ModelState.IsValid || !await TryWriteAsync(() => plans.ReviseAsync(planId, PlanVersion, Reason ?? ""), ""))
        {
            return Page();
        }
        Confirm($"A new version of the {KindName} is started. The agreed version stays in force until this one is agreed.");
        return Redirect(Links.EditPlan(id, planId, Plan.Kind));
    }
}
