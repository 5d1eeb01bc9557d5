using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Model;
using Proportion.Core.Plans;

namespace Proportion.Web.Pages.Plans.Reduction;

/// <summary>The agreed safeguards, the review arrangements, and the evidence of co-production with the person and those close to them.</summary>
public class SafeguardsModel(PlanRecords plans) : ReductionPageModel(plans)
{
    public override string Slug => "safeguards";

    [BindProperty(Name = "Input")]
    public Answers Input { get; set; } = new();

    public sealed class Answers
    {
        [StringLength(PlanPageText.MaxLength, ErrorMessage = "The safeguards must be 4,000 characters or fewer")]
        public string? Safeguards { get; set; }
        [StringLength(PlanPageText.MaxLength, ErrorMessage = "The review arrangements must be 4,000 characters or fewer")]
        public string? ReviewArrangements { get; set; }
        [StringLength(PlanPageText.MaxLength, ErrorMessage = "Who made the plan must be 4,000 characters or fewer")]
        public string? CoProduction { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid planId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        Input = new Answers { Safeguards = Draft.Safeguards, ReviewArrangements = Draft.ReviewArrangements, CoProduction = Draft.CoProduction };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid planId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        return await SaveAsync(Draft with
        {
            Safeguards = Text.OrNull(Input.Safeguards),
            ReviewArrangements = Text.OrNull(Input.ReviewArrangements),
            CoProduction = Text.OrNull(Input.CoProduction),
        });
    }
}
