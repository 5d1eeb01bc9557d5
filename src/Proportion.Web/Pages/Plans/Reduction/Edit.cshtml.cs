using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Model;
using Proportion.Core.Plans;

namespace Proportion.Web.Pages.Plans.Reduction;

/// <summary>The first question of the draft: the original restriction (copied from the practice) and the rationale for change.</summary>
public class EditModel(PlanRecords plans) : ReductionPageModel(plans)
{
    public override string Slug => "restriction";

    [BindProperty(Name = "Input")]
    public Answers Input { get; set; } = new();

    public sealed class Answers
    {
        [StringLength(PlanPageText.MaxLength, ErrorMessage = "The original restriction must be 4,000 characters or fewer")]
        public string? OriginalRestriction { get; set; }
        [StringLength(PlanPageText.MaxLength, ErrorMessage = "The rationale for change must be 4,000 characters or fewer")]
        public string? RationaleForChange { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid planId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        Input = new Answers { OriginalRestriction = Draft.OriginalRestriction, RationaleForChange = Draft.RationaleForChange };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid planId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        return await SaveAsync(Draft with { OriginalRestriction = Text.OrNull(Input.OriginalRestriction), RationaleForChange = Text.OrNull(Input.RationaleForChange) });
    }
}

/// <summary>The longest answer a plan's question takes, as the other records' long answers.</summary>
public static class PlanPageText
{
    public const int MaxLength = 4000;
}
