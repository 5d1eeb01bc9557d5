using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Plans;

/// <summary>Closes a plan for good, with the reason (R19); it stays readable, and nothing is deleted.</summary>
[Requires(Permission.EditPlans)]
public class CloseModel(PlanRecords plans) : PlanActionPageModel
{
    [BindProperty]
    [StringLength(Plan.ReasonMaxLength, ErrorMessage = "The reason must be 2,000 characters or fewer")]
    public string? Reason { get; set; }

    public IActionResult OnGet(Guid id, Guid planId)
    {
        if (NotApplicable(Plan.Status != PlanStatus.Closed) is { } back)
        {
            return back;
        }
        PlanVersion = Plan.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid planId)
    {
        if (NotApplicable(Plan.Status != PlanStatus.Closed) is { } back)
        {
            return back;
        }
        if (!ModelState.IsValid || !await TryWriteAsync(() => plans.CloseAsync(planId, PlanVersion, Reason ?? ""), ""))
        {
            return Page();
        }
        Confirm($"The {KindName} is closed. It stays readable on {Person.KnownAs}'s plans.");
        return Redirect(Links.PersonPlans(id));
    }
}
