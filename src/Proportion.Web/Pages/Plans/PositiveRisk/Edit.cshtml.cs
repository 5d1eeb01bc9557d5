using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.PositiveRisk;
using Proportion.Core.Plans.RiskAssessments;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Plans.PositiveRisk;

/// <summary>
/// Check the draft of a positive risk-taking plan before agreeing it: every answer with a change link, the
/// stages, and what R19 finds (each missing part and each record that does not agree with the plan).
/// </summary>
[Requires(Permission.EditPlans)]
public class EditModel(PlanRecords plans, PositiveRiskGate gate) : PositiveRiskPageModel(plans)
{
    public IReadOnlyList<Finding> Findings { get; private set; } = [];
    public IReadOnlyList<PositiveRiskRules.Mismatch> Mismatches { get; private set; } = [];
    public RiskAssessmentContent? Assessment { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        var ct = HttpContext.RequestAborted;
        Findings = await gate.FindingsAsync(Plan, Draft, ct);
        Mismatches = (await gate.MismatchesAsync(Plan, Draft, ct)).Mismatches;
        Assessment = await gate.AgreedRiskAssessmentAsync(Person.Id, ct);
        return Page();
    }

    public string AssessedRiskName(Guid? id) => PositiveRiskDisplay.AssessedRiskName(Assessment, id);
}
