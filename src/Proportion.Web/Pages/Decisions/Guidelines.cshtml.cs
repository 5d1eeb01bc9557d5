using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Data;
using Proportion.Core.Decisions;
using Proportion.Core.Model;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure.Forms;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Decisions;

/// <summary>§5.9, §6.1, §5.12, §5.11: when it may and must not be used, others' rights, and the review date.</summary>
[Requires(Permission.EditPractices)]
[OwnOrganisationSubject]
public class GuidelinesModel(ProportionDbContext db, DecisionRecords decisions, TimeProvider clock) : DecisionPageModel(db, decisions)
{
    public override string Slug => "guidelines";

    // Named, so a post missing every field cannot bind to an empty prefix and dodge the field keys.
    [BindProperty(Name = "Input")]
    public GuidelinesForm Input { get; set; } = new();

    public sealed class GuidelinesForm
    {
        [StringLength(PracticeDecision.TextMaxLength, ErrorMessage = "When it may be used must be 4,000 characters or fewer")]
        public string? WhenMayBeUsed { get; set; }

        [StringLength(PracticeDecision.TextMaxLength, ErrorMessage = "When it must not be used must be 4,000 characters or fewer")]
        public string? WhenMustNotBeUsed { get; set; }

        [StringLength(PracticeDecision.TextMaxLength, ErrorMessage = "How others' rights are protected must be 4,000 characters or fewer")]
        public string? OthersRightsProtection { get; set; }

        public DateParts ReviewDate { get; set; } = new();
    }

    public DateOnly Suggested { get; private set; }
    public DateOnly Latest { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid practiceId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        SetDates();
        Input = new GuidelinesForm
        {
            WhenMayBeUsed = Decision.WhenMayBeUsed, WhenMustNotBeUsed = Decision.WhenMustNotBeUsed,
            OthersRightsProtection = Decision.OthersRightsProtection, ReviewDate = DateParts.From(Decision.ReviewDate ?? Suggested),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid practiceId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        SetDates();
        var review = Input.ReviewDate.Validate(ModelState, "Input.ReviewDate", "Review date", required: false);
        if (review is { } date && ReviewDateWithinAYear.Check(UkTime.Today(clock), date) is { } problem)
        {
            ModelState.AddModelError("Input.ReviewDate", problem.ToString());
        }
        return await SaveStepAsync(Slug, d =>
        {
            d.WhenMayBeUsed = Text.OrNull(Input.WhenMayBeUsed);
            d.WhenMustNotBeUsed = Text.OrNull(Input.WhenMustNotBeUsed);
            d.OthersRightsProtection = Text.OrNull(Input.OthersRightsProtection);
            d.ReviewDate = review;
        });
    }

    private void SetDates()
    {
        var today = UkTime.Today(clock);
        Suggested = SuggestedReviewDate.For(Practice.Category, today);
        Latest = ReviewDateWithinAYear.Latest(today);
    }
}
