using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Pages.Plans;

/// <summary>
/// Check the draft and agree it (R19): every section as written, what its kind's gate says is missing (each
/// at its section, with a link to change the draft), the warnings, and the review date.
/// </summary>
[Requires(Permission.EditPlans)]
public class AgreeModel(ProportionDbContext db, PlanRecords plans, IEnumerable<IPlanReviewTiming> timings, TimeProvider clock) : PlanActionPageModel
{
    public PlanOverview Overview { get; private set; } = null!;
    /// <summary>The review date suggested: three months from today, or as the plan's kind times its reviews (a support plan's follow its risks).</summary>
    public SuggestedReview Suggestion { get; private set; } = null!;
    public PlanSectionsView Sections { get; private set; } = null!;

    [BindProperty(Name = "Input")]
    public AgreeAnswers Input { get; set; } = new();

    public sealed class AgreeAnswers
    {
        public DateParts ReviewDate { get; set; } = new();
    }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid planId)
    {
        if (NotApplicable(Plan.HasDraft) is { } back)
        {
            return back;
        }
        await LoadAsync();
        Input.ReviewDate = DateParts.From(Plan.ReviewDate is { } d && d >= UkTime.Today(clock) ? d : Suggestion.Date);
        PlanVersion = Plan.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid planId)
    {
        if (NotApplicable(Plan.HasDraft) is { } back)
        {
            return back;
        }
        await LoadAsync();
        var date = Input.ReviewDate.Validate(ModelState, "Input.ReviewDate", "The review date");
        if (date is not { } reviewDate)
        {
            return Page();
        }
        if (!await TryWriteAsync(() => plans.AgreeAsync(planId, PlanVersion, reviewDate),
                field => field switch { "" => "", "ReviewDate" => "Input.ReviewDate", _ => "Draft." + field }))
        {
            return Page();
        }
        Confirm($"Version {Plan.LatestVersion} of the {KindName} is agreed. Staff follow it from now.");
        return Redirect(PlanLink);
    }

    private async Task LoadAsync()
    {
        Overview = await plans.OverviewAsync(Plan);
        var content = await plans.ContentAsync(Plan, Plan.LatestVersion) ?? throw new InvalidOperationException("The draft has no content.");
        var today = UkTime.Today(clock);
        Suggestion = timings.FirstOrDefault(t => t.Kind == Plan.Kind) is { } timing
            ? await timing.SuggestAsync(Plan, content, today, HttpContext.RequestAborted)
            : SuggestedReview.Default(today);
        Sections = (PlanSectionsView.Of(content, Scope.Allows(Permission.ReadTraumaHistory))
            with { Gaps = [.. Overview.Refusals], ChangeLink = Links.EditPlan(Person.Id, Plan.Id, Plan.Kind) }
            ).With(await PlanExtraSections.ForAsync(db, Plan, Person));
    }

    public DateOnly Latest => ReviewDateWithinAYear.Latest(UkTime.Today(clock));
}
