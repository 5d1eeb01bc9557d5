using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Reviews;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Pages.Reviews;

/// <summary>The outcome: whether reducing it was considered (R18), continue, change, reduce or end, the reasons, the next review (R1) and the care plan (§7.5).</summary>
[Requires(Permission.EditPractices)]
public class OutcomeModel(ProportionDbContext db, ReviewRecords reviews, TimeProvider clock) : ReviewPageModel(db, reviews)
{
    public override string Slug => "outcome";

    [BindProperty(Name = "Input")]
    public OutcomeAnswers Input { get; set; } = new();

    public sealed class OutcomeAnswers
    {
        public bool? ReductionConsidered { get; set; }
        [StringLength(PracticeReview.TextMaxLength, ErrorMessage = "What was considered must be 4,000 characters or fewer")]
        public string? ReductionDetail { get; set; }
        [EnumDataType(typeof(ReviewOutcome), ErrorMessage = "Select the outcome of the review")]
        public ReviewOutcome? Outcome { get; set; }
        [StringLength(PracticeReview.TextMaxLength, ErrorMessage = "The reasons must be 4,000 characters or fewer")]
        public string? OutcomeReasons { get; set; }
        public DateParts NextReviewDate { get; set; } = new();
        public bool CarePlanUpdated { get; set; }
    }

    public static readonly List<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> CarePlanOption = [new("The person's care plan has been updated to match this outcome", "true")];

    public DateOnly Latest { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid practiceId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        var r = Review;
        Input = new OutcomeAnswers
        {
            ReductionConsidered = r.ReductionConsidered, ReductionDetail = r.ReductionDetail, Outcome = r.Outcome, OutcomeReasons = r.OutcomeReasons,
            NextReviewDate = DateParts.From(r.NextReviewDate), CarePlanUpdated = r.CarePlanUpdated,
        };
        return Show();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid practiceId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        Show();
        var next = Input.NextReviewDate.Validate(ModelState, "Input.NextReviewDate", "The next review date", required: false);
        if (next is { } date && ReviewCompleteness.NextReviewDateProblem(Review.HeldOn ?? UkTime.Today(clock), date) is { } problem)
        {
            ModelState.AddModelError("Input.NextReviewDate", problem.ToString());
        }
        return await SaveStepAsync(r =>
        {
            r.ReductionConsidered = Input.ReductionConsidered;
            r.ReductionDetail = Text.OrNull(Input.ReductionDetail);
            r.Outcome = Input.Outcome;
            r.OutcomeReasons = Text.OrNull(Input.OutcomeReasons);
            r.NextReviewDate = Input.Outcome == ReviewOutcome.End ? null : next;
            r.CarePlanUpdated = Input.CarePlanUpdated;
        });
    }

    private IActionResult Show()
    {
        Latest = ReviewDateWithinAYear.Latest(Review.HeldOn ?? UkTime.Today(clock));
        return Page();
    }
}
