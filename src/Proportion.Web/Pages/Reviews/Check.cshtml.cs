using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Reviews;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Pages.Reviews;

/// <summary>
/// Check the review: every answer, what is still needed (each naming its rule), the signatures of
/// everyone involved (§7.5), and completing it, which carries the outcome to the practice.
/// </summary>
[Requires(Permission.EditPractices)]
public class CheckModel(ProportionDbContext db, ReviewRecords reviews, TimeProvider clock) : ReviewPageModel(db, reviews)
{
    public override string Slug => "check";

    public IReadOnlyList<Finding> Findings { get; private set; } = [];

    /// <summary>The signature form; bound only by its own handler so the complete button is not refused for its empty fields.</summary>
    public SignatureForm Signature { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, Guid practiceId)
    {
        Signature.SignedOn = DateParts.From(UkTime.Today(clock));
        return await LoadDraftAsync() ?? Show();
    }

    public async Task<IActionResult> OnPostSignatureAsync(Guid id, Guid practiceId, [Bind(Prefix = "Signature")] SignatureForm signature)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        Signature = signature;
        var signedOn = signature.SignedOn.Validate(ModelState, "Signature.SignedOn", "Date signed");
        if (!ModelState.IsValid || !await TryWriteAsync(() => Reviews.RecordSignatureAsync(Review.Id, ReviewVersion, new ReviewSignature
            {
                Name = signature.Name!, SignedAs = signature.SignedAs!, Method = signature.Method!.Value,
                Witness = signature.Witness, SignedOn = signedOn!.Value,
            }), "Signature"))
        {
            return Show();
        }
        Confirm($"{signature.Name!.Trim()}'s signature has been recorded.");
        return Redirect(StepUrl(Slug));
    }

    public async Task<IActionResult> OnPostCompleteAsync(Guid id, Guid practiceId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        PracticeDecision? followUp = null;
        if (!await TryWriteAsync(async () => followUp = await Reviews.CompleteAsync(Review.Id, ReviewVersion), "Review"))
        {
            return Show();
        }
        if (followUp is not null)
        {
            Confirm("The review is complete. Change the guidelines in the new restrictive practice discussion; staff will be asked to read them once they are agreed.");
            return Redirect(Links.DecisionCheck(id, practiceId));
        }
        if (await Db.Reviews.Where(r => r.Id == Review.Id).Select(r => r.ReductionPlanId).SingleAsync() is { } planId)
        {
            Confirm("The review is complete. A restriction reduction plan has started: write its steps, safeguards and assessments, then agree it.");
            return Redirect(Links.Plan(id, planId, PlanKind.Reduction));
        }
        Confirm(Review.Outcome == ReviewOutcome.End
            ? "The review is complete and the practice has ended."
            : $"The review is complete. The next review is due by {UkTime.Format(Review.NextReviewDate)}.");
        return Redirect(PracticeUrl);
    }

    private IActionResult Show()
    {
        Findings = Reviews.Findings(Review);
        return Page();
    }
}
