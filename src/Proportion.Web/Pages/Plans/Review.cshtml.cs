using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Pages.Plans;

/// <summary>Reviews a plan in place (R19): keep it with a next review date, change it (a new draft), or close it; with what the review found.</summary>
[Requires(Permission.EditPlans)]
public class ReviewModel(PlanRecords plans, TimeProvider clock) : PlanActionPageModel
{
    [BindProperty(Name = "Input")]
    public ReviewAnswers Input { get; set; } = new();

    public sealed class ReviewAnswers
    {
        [Required(ErrorMessage = "Select the outcome of the review")]
        [EnumDataType(typeof(PlanReviewOutcome), ErrorMessage = "Select the outcome of the review")]
        public PlanReviewOutcome? Outcome { get; set; }
        public DateParts NextReviewDate { get; set; } = new();
        [StringLength(PlanReview.NotesMaxLength, ErrorMessage = "What the review found must be 4,000 characters or fewer")]
        public string? Notes { get; set; }
    }

    public DateOnly Today => UkTime.Today(clock);
    public DateOnly Latest => ReviewDateWithinAYear.Latest(Today);

    public IActionResult OnGet(Guid id, Guid planId)
    {
        if (SupportPlanReview() is { } outcomeFocused)
        {
            return outcomeFocused;
        }
        if (NotApplicable(Plan.Status == PlanStatus.InPlace) is { } back)
        {
            return back;
        }
        PlanVersion = Plan.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid planId)
    {
        if (SupportPlanReview() is { } outcomeFocused)
        {
            return outcomeFocused;
        }
        if (NotApplicable(Plan.Status == PlanStatus.InPlace) is { } back)
        {
            return back;
        }
        var next = Input.NextReviewDate.Validate(ModelState, "Input.NextReviewDate", "The date of the next review", required: false);
        if (!ModelState.IsValid || Input.Outcome is not { } outcome)
        {
            return Page();
        }
        if (!await TryWriteAsync(() => plans.RecordReviewAsync(planId, PlanVersion, outcome, Input.Notes ?? "", next)))
        {
            return Page();
        }
        switch (outcome)
        {
            case PlanReviewOutcome.Close:
                Confirm($"The review is recorded and the {KindName} is closed.");
                return Redirect(Links.PersonPlans(id));
            case PlanReviewOutcome.Change:
                Confirm($"The review is recorded. Change the new draft of the {KindName}, then agree it.");
                return Redirect(Links.EditPlan(id, planId, Plan.Kind));
            default:
                Confirm($"The review is recorded. The {KindName} stays as it is until {UkTime.Format(next, "its next review")}.");
                return Redirect(PlanLink);
        }
    }

    /// <summary>A support plan is reviewed by its outcomes (R20), on its own review page: every link to review a plan leads there.</summary>
    private IActionResult? SupportPlanReview() =>
        Plan.Kind == PlanKind.SupportPlan ? Redirect(Links.ReviewSupportPlan(Plan.PersonId, Plan.Id)) : null;
}
