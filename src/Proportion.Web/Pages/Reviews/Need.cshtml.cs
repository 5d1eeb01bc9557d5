using System.ComponentModel.DataAnnotations;
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

/// <summary>§7.4, the first questions: does the risk remain, does the practice work, is it still the least restrictive, and what it does to the person's life.</summary>
[Requires(Permission.EditPractices)]
public class NeedModel(ProportionDbContext db, ReviewRecords reviews, TimeProvider clock) : ReviewPageModel(db, reviews)
{
    public override string Slug => "need";

    // Named, so a post missing every field cannot bind to an empty prefix and dodge the field keys.
    [BindProperty(Name = "Input")]
    public NeedAnswers Input { get; set; } = new();

    public sealed class NeedAnswers
    {
        public DateParts HeldOn { get; set; } = new();
        public bool? RiskContinues { get; set; }
        [StringLength(PracticeReview.TextMaxLength, ErrorMessage = "The evidence must be 4,000 characters or fewer")]
        public string? RiskContinuesEvidence { get; set; }
        public bool? MeasuresEffective { get; set; }
        [StringLength(PracticeReview.TextMaxLength, ErrorMessage = "The evidence must be 4,000 characters or fewer")]
        public string? MeasuresEffectiveEvidence { get; set; }
        public bool? StillLeastRestrictive { get; set; }
        [StringLength(PracticeReview.TextMaxLength, ErrorMessage = "The evidence must be 4,000 characters or fewer")]
        public string? StillLeastRestrictiveEvidence { get; set; }
        [StringLength(PracticeReview.TextMaxLength, ErrorMessage = "The impact on their quality of life must be 4,000 characters or fewer")]
        public string? QualityOfLifeImpact { get; set; }
    }

    /// <summary>Incidents recorded using this practice, collated to inform the review (§8.11).</summary>
    public int IncidentCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid practiceId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        var r = Review;
        Input = new NeedAnswers
        {
            HeldOn = DateParts.From(r.HeldOn), RiskContinues = r.RiskContinues, RiskContinuesEvidence = r.RiskContinuesEvidence,
            MeasuresEffective = r.MeasuresEffective, MeasuresEffectiveEvidence = r.MeasuresEffectiveEvidence,
            StillLeastRestrictive = r.StillLeastRestrictive, StillLeastRestrictiveEvidence = r.StillLeastRestrictiveEvidence,
            QualityOfLifeImpact = r.QualityOfLifeImpact,
        };
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid practiceId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        var heldOn = Input.HeldOn.Validate(ModelState, "Input.HeldOn", "The date the review was held", required: false);
        if (ReviewCompleteness.IsHeldInTheFuture(heldOn, UkTime.Today(clock)))
        {
            ModelState.AddModelError("Input.HeldOn", ReviewCompleteness.HeldInTheFuture);
        }
        await ShowAsync();
        return await SaveStepAsync(r =>
        {
            r.HeldOn = heldOn;
            r.RiskContinues = Input.RiskContinues;
            r.RiskContinuesEvidence = Text.OrNull(Input.RiskContinuesEvidence);
            r.MeasuresEffective = Input.MeasuresEffective;
            r.MeasuresEffectiveEvidence = Text.OrNull(Input.MeasuresEffectiveEvidence);
            r.StillLeastRestrictive = Input.StillLeastRestrictive;
            r.StillLeastRestrictiveEvidence = Text.OrNull(Input.StillLeastRestrictiveEvidence);
            r.QualityOfLifeImpact = Text.OrNull(Input.QualityOfLifeImpact);
        });
    }

    private async Task<IActionResult> ShowAsync()
    {
        IncidentCount = await Db.Incidents.CountAsync(i => i.PracticeId == Practice.Id);
        return Page();
    }
}
