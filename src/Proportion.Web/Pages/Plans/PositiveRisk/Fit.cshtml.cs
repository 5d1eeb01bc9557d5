using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.PositiveRisk;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Plans.PositiveRisk;

/// <summary>
/// The records that do not agree with the plan (R19: a practice that forbids what the plan allows, staff
/// guidance that would stop it, a risk assessment that says otherwise), each with room to say how the plan
/// and that record fit together. An explained mismatch stops refusing the plan but stays on show as a warning.
/// </summary>
[Requires(Permission.EditPlans)]
public class FitModel(PlanRecords plans, PositiveRiskGate gate) : PositiveRiskPageModel(plans)
{
    /// <summary>How each mismatch fits, by its key (the form posts Fits[key]).</summary>
    [BindProperty]
    public Dictionary<string, string?> Fits { get; set; } = [];

    public IReadOnlyList<PositiveRiskRules.Mismatch> Mismatches { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } stop)
        {
            return stop;
        }
        Fits = Mismatches.ToDictionary(m => m.Key, m => Draft.FitFor(m.Key));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } stop)
        {
            return stop;
        }
        var explained = new List<HowTheyFit>();
        foreach (var mismatch in Mismatches)
        {
            var text = Text.OrNull(Fits.GetValueOrDefault(mismatch.Key));
            if (text?.Length > PositiveRiskContent.TextMaxLength)
            {
                ModelState.AddModelError($"Fits[{mismatch.Key}]", "How they fit together must be 4,000 characters or fewer");
            }
            else if (text is not null)
            {
                explained.Add(new HowTheyFit(mismatch.Key, text));
            }
        }
        // Explanations of mismatches no longer found are kept: the mismatch may come back with the record.
        var kept = Draft.HowTheyFit.Where(f => Mismatches.All(m => m.Key != f.MismatchKey));
        if (!ModelState.IsValid || !await SaveAsync(Draft with { HowTheyFit = [.. kept, .. explained] }, fieldPrefix: ""))
        {
            return Page();
        }
        return Redirect(CheckUrl);
    }

    private async Task<IActionResult?> LoadAsync()
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        Mismatches = (await gate.MismatchesAsync(Plan, Draft, HttpContext.RequestAborted)).Mismatches;
        return null;
    }
}
