using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Plans;
using Proportion.Core.Plans.PositiveRisk;
using Proportion.Core.Plans.RiskAssessments;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Plans.PositiveRisk;

/// <summary>The plan's identified risks, each with its agreed safeguards, as a GOV.UK "add another" list.</summary>
[Requires(Permission.EditPlans)]
public class RisksModel(PlanRecords plans, PositiveRiskGate gate) : PositiveRiskPageModel(plans)
{
    [BindProperty]
    public bool? AddAnother { get; set; }

    public RiskAssessmentContent? Assessment { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        Assessment = await gate.AgreedRiskAssessmentAsync(Person.Id, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        if (AddAnother is null)
        {
            ModelState.AddModelError(nameof(AddAnother), Draft.Risks.Count == 0 ? "Select yes if you need to add a risk" : "Select yes if you need to add another risk");
            Assessment = await gate.AgreedRiskAssessmentAsync(Person.Id, HttpContext.RequestAborted);
            return Page();
        }
        return AddAnother == true ? Redirect(Links.PositiveRiskRisk(Person.Id, Plan.Id, null, FromCheck)) : Next(PositiveRiskPart.Risks);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid riskId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        var risk = Draft.Risks.FirstOrDefault(r => r.Id == riskId);
        if (risk is not null && await SaveAsync(Draft with { Risks = [.. Draft.Risks.Where(r => r.Id != riskId)] }, fieldPrefix: ""))
        {
            Confirm($"The risk \"{risk.Description}\" has been removed from the draft.");
        }
        return Redirect(Links.PositiveRiskRisks(Person.Id, Plan.Id, FromCheck));
    }

    public string AssessedRiskName(Guid? id) => PositiveRiskDisplay.AssessedRiskName(Assessment, id);
}
