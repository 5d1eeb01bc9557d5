using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.RiskAssessments;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Plans.RiskAssessment;

/// <summary>
/// Removes a risk from the draft, after asking. Only a draft changes: an agreed version keeps every risk it
/// was agreed with, and a risk that no longer applies leaves in a new version, with the reason for it.
/// </summary>
[Requires(Permission.EditPlans)]
[OwnOrganisationSubject]
public class RemoveRiskModel(ProportionDbContext db, PlanRecords plans) : RiskAssessmentPageModel(db, plans)
{
    public AssessedRisk Risk { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid planId, Guid riskId) => await LoadAsync(riskId) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid planId, Guid riskId)
    {
        if (await LoadAsync(riskId) is { } stop)
        {
            return stop;
        }
        if (!await SaveAsync(Draft with { Risks = [.. Draft.Risks.Where(r => r.Id != riskId)] }))
        {
            return Page();
        }
        Confirm($"\"{Risk.ShortName}\" has been removed from the draft.");
        return Redirect(RisksUrl);
    }

    private async Task<IActionResult?> LoadAsync(Guid riskId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        if (Draft.Risks.FirstOrDefault(r => r.Id == riskId) is not { } risk)
        {
            return NotFound();
        }
        Risk = risk;
        return null;
    }
}
