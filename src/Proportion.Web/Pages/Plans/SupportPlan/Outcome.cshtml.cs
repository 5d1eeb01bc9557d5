using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.Support;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Plans.SupportPlan;

/// <summary>Adds or changes one outcome the person wants, in their words, and the support that meets it (R20).</summary>
[Requires(Permission.EditPlans)]
public class OutcomeModel(PlanRecords plans) : SupportPlanPageModel(plans)
{
    [BindProperty(Name = "Input")]
    public OutcomeForm Input { get; set; } = new();

    public bool IsNew { get; private set; }

    public sealed class OutcomeForm
    {
        [Required(ErrorMessage = "Enter what the person wants, in their own words")]
        [StringLength(SupportOutcome.WordsMaxLength, ErrorMessage = "What the person wants must be 1,000 characters or fewer")]
        public string? InTheirWords { get; set; }
        [StringLength(SupportPlanContent.TextMaxLength, ErrorMessage = "The support must be 4,000 characters or fewer")]
        public string? Support { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid? outcomeId)
    {
        if (await LoadAsync(outcomeId) is { } stop)
        {
            return stop;
        }
        var outcome = Draft.Outcomes.FirstOrDefault(o => o.Id == outcomeId);
        Input = new OutcomeForm { InTheirWords = outcome?.InTheirWords, Support = outcome?.Support };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? outcomeId)
    {
        if (await LoadAsync(outcomeId) is { } stop)
        {
            return stop;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var changed = new SupportOutcome { Id = outcomeId ?? Guid.CreateVersion7(), InTheirWords = Input.InTheirWords!.Trim(), Support = Text.OrNull(Input.Support) };
        List<SupportOutcome> outcomes = IsNew ? [.. Draft.Outcomes, changed] : [.. Draft.Outcomes.Select(o => o.Id == outcomeId ? changed : o)];
        if (!await SaveAsync(Draft with { Outcomes = outcomes }))
        {
            return Page();
        }
        return Redirect(Links.SupportPlanOutcomes(Person.Id, Plan.Id, FromCheck));
    }

    private async Task<IActionResult?> LoadAsync(Guid? outcomeId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        if (outcomeId is { } id && Draft.Outcomes.All(o => o.Id != id))
        {
            return NotFound();
        }
        IsNew = outcomeId is null;
        return null;
    }
}
