using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Plans.RiskAssessment;

/// <summary>
/// The draft's risks, as a GOV.UK "add another" list: each risk with where it sits on the matrix, changed or
/// removed from here; the draft's matrix; and what R24 still needs before the draft can be agreed.
/// </summary>
[Requires(Permission.EditPlans)]
[OwnOrganisationSubject]
public class RisksModel(ProportionDbContext db, PlanRecords plans) : RiskAssessmentPageModel(db, plans)
{
    public IReadOnlyList<Finding> Findings { get; private set; } = [];
    public IReadOnlyList<RiskMatrixTable> Matrices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid planId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        Findings = await Plans.FindingsAsync(Plan);
        Matrices = RiskMatrixTable.Pair($"{Person.KnownAs}'s", Draft.Risks, r => "#risk-" + r.Id);
        return Page();
    }
}
