using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Data;
using Proportion.Core.Rules;
using Proportion.Core.Safeguarding;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Pages.Council.Safeguarding;

/// <summary>
/// A review of the safety plan (R20, Making Safeguarding Personal): what the person says about how safe they feel
/// and how the plan is working, the notes, and when it is next reviewed (that date becomes the plan's review date).
/// </summary>
public class ReviewModel(ProportionDbContext db, SafeguardingResponses responses) : CouncilConcernPageModel(db, responses)
{
    [BindProperty(Name = "Input")]
    public ReviewForm Input { get; set; } = new();

    public sealed class ReviewForm
    {
        public string? PersonsView { get; set; }
        public string? Notes { get; set; }
        public DateParts NextReviewOn { get; set; } = new();
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        await LoadAsync(id, "a safeguarding concern to review its safety plan");
        if (!IsDecidedAndOpen || Concern.SafetyPlan is null)
        {
            return Redirect(Links.CouncilSafeguardingConcern(id));
        }
        Input.Version = Concern.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        await LoadAsync(id);
        var next = Input.NextReviewOn.Validate(ModelState, "Input.NextReviewOn", "The date of the next review", required: false);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!await TryWriteAsync(() => Responses.ReviewAsync(id, Input.Version, new SafeguardingReviewInput(Input.PersonsView, Input.Notes, next))))
        {
            return Page();
        }
        Confirm("The review of the safety plan is recorded.");
        return Redirect(Links.CouncilSafeguardingConcern(id));
    }
}
