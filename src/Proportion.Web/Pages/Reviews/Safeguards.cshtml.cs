using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Reviews;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Reviews;

/// <summary>§7.4, the last questions: justifiable and in their best interests, a possible deprivation of liberty, the balance of choice and risk, and the safeguards.</summary>
[Requires(Permission.EditPractices)]
public class SafeguardsModel(ProportionDbContext db, ReviewRecords reviews) : ReviewPageModel(db, reviews)
{
    public override string Slug => "safeguards";

    [BindProperty(Name = "Input")]
    public SafeguardsAnswers Input { get; set; } = new();

    public sealed class SafeguardsAnswers
    {
        public bool? Justifiable { get; set; }
        [StringLength(PracticeReview.TextMaxLength, ErrorMessage = "Why it is justifiable must be 4,000 characters or fewer")]
        public string? JustifiableEvidence { get; set; }
        public bool? PotentialDeprivationOfLiberty { get; set; }
        [StringLength(PracticeReview.TextMaxLength, ErrorMessage = "The reasons must be 4,000 characters or fewer")]
        public string? DeprivationOfLibertyEvidence { get; set; }
        public bool? BalanceJustifiable { get; set; }
        [StringLength(PracticeReview.TextMaxLength, ErrorMessage = "The reasons must be 4,000 characters or fewer")]
        public string? BalanceEvidence { get; set; }
        public bool? SafeguardsAdequate { get; set; }
        [StringLength(PracticeReview.TextMaxLength, ErrorMessage = "The safeguards must be 4,000 characters or fewer")]
        public string? SafeguardsEvidence { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid practiceId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        var r = Review;
        Input = new SafeguardsAnswers
        {
            Justifiable = r.Justifiable, JustifiableEvidence = r.JustifiableEvidence,
            PotentialDeprivationOfLiberty = r.PotentialDeprivationOfLiberty, DeprivationOfLibertyEvidence = r.DeprivationOfLibertyEvidence,
            BalanceJustifiable = r.BalanceJustifiable, BalanceEvidence = r.BalanceEvidence,
            SafeguardsAdequate = r.SafeguardsAdequate, SafeguardsEvidence = r.SafeguardsEvidence,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid practiceId) =>
        await LoadDraftAsync() ?? await SaveStepAsync(r =>
        {
            r.Justifiable = Input.Justifiable;
            r.JustifiableEvidence = Text.OrNull(Input.JustifiableEvidence);
            r.PotentialDeprivationOfLiberty = Input.PotentialDeprivationOfLiberty;
            r.DeprivationOfLibertyEvidence = Text.OrNull(Input.DeprivationOfLibertyEvidence);
            r.BalanceJustifiable = Input.BalanceJustifiable;
            r.BalanceEvidence = Text.OrNull(Input.BalanceEvidence);
            r.SafeguardsAdequate = Input.SafeguardsAdequate;
            r.SafeguardsEvidence = Text.OrNull(Input.SafeguardsEvidence);
        });
}
