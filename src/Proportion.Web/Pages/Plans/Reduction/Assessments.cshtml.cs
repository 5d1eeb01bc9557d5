using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Model;
using Proportion.Core.Plans;

namespace Proportion.Web.Pages.Plans.Reduction;

/// <summary>The assessments of proportionality and of ongoing safeguarding, without which the plan cannot be agreed (R19).</summary>
public class AssessmentsModel(PlanRecords plans) : ReductionPageModel(plans)
{
    public override string Slug => "assessments";

    [BindProperty(Name = "Input")]
    public Answers Input { get; set; } = new();

    public sealed class Answers
    {
        [StringLength(PlanPageText.MaxLength, ErrorMessage = "The assessment of proportionality must be 4,000 characters or fewer")]
        public string? ProportionalityAssessment { get; set; }
        [StringLength(PlanPageText.MaxLength, ErrorMessage = "The assessment of ongoing safeguarding must be 4,000 characters or fewer")]
        public string? SafeguardingAssessment { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid planId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        Input = new Answers { ProportionalityAssessment = Draft.ProportionalityAssessment, SafeguardingAssessment = Draft.SafeguardingAssessment };
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
            ProportionalityAssessment = Text.OrNull(Input.ProportionalityAssessment),
            SafeguardingAssessment = Text.OrNull(Input.SafeguardingAssessment),
        });
    }
}
