using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.Reduction;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Plans.Reduction;

/// <summary>
/// A restriction reduction plan (R19): its status and what is missing before it can be agreed, the draft with
/// links to change each part, the agreed plan with each step's outcomes, taking a step, and the reductions it
/// has achieved, each with the check that every operational document reflects it.
/// </summary>
[Requires(Permission.ReadPlans)]
public class ViewModel(ProportionDbContext db, PlanRecords plans) : ProportionPageModel
{
    public Person Person => Subjects.Person!;
    public Plan Plan => Subjects.Plan!;
    public RestrictivePractice? Practice { get; private set; }
    public ReductionContent? Draft { get; private set; }
    public ReductionContent? Agreed { get; private set; }
    public PlanOverview Status { get; private set; } = null!;
    public ILookup<Guid, StageOutcome> Outcomes { get; private set; } = Array.Empty<StageOutcome>().ToLookup(o => o.StageId);
    public Dictionary<Guid, PracticeReduction> Reductions { get; private set; } = [];
    public PracticeReview? StartedBy { get; private set; }
    public bool CanEdit => Scope.Allows(Permission.EditPlans, Plan.OrganisationId) && Plan.Status != PlanStatus.Closed;
    public bool CanTakeSteps => CanEdit && Plan.Status == PlanStatus.InPlace && Practice?.IsInPlace == true;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid planId)
    {
        if (Plan.Kind != PlanKind.Reduction)
        {
            return NotFound();
        }
        Practice = await db.Practices.AsNoTracking().SingleOrDefaultAsync(p => p.Id == Plan.PracticeId);
        if (Plan.HasDraft)
        {
            Draft = await plans.LatestContentAsync<ReductionContent>(Plan);
        }
        Agreed = await plans.AgreedContentAsync<ReductionContent>(Plan);
        Status = await plans.OverviewAsync(Plan);
        Outcomes = (await db.StageOutcomes.AsNoTracking().Where(o => o.PlanId == Plan.Id).OrderBy(o => o.RecordedAt).ToListAsync()).ToLookup(o => o.StageId);
        Reductions = await db.PracticeReductions.AsNoTracking().Where(r => r.PlanId == Plan.Id).ToDictionaryAsync(r => r.StageId);
        StartedBy = await db.Reviews.AsNoTracking().FirstOrDefaultAsync(r => r.ReductionPlanId == Plan.Id);
        return Page();
    }
}
