using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Plans;

/// <summary>
/// Any version of a plan, as it was written (R19: what was agreed stays readable): its reason, who drafted
/// and agreed it, and whether it is the draft, the version in force or one replaced since.
/// </summary>
[Requires(Permission.ReadPlans)]
public class VersionModel(ProportionDbContext db, PlanRecords plans) : ProportionPageModel
{
    public Person Person => Subjects.Person!;
    public Plan Plan => Subjects.Plan!;
    public PlanVersionSummary Summary { get; private set; } = null!;
    public PlanSectionsView Sections { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid planId, int number)
    {
        var version = await db.PlanVersions.AsNoTracking().SingleOrDefaultAsync(v => v.PlanId == planId && v.Number == number);
        if (version is null)
        {
            return NotFound();
        }
        var overview = await plans.OverviewAsync(Plan);
        Summary = overview.Versions.Single(v => v.Number == number);
        var gaps = Summary.State == PlanVersionState.Draft ? overview.Refusals.ToList() : [];
        Sections = (PlanSectionsView.Of(PlanContents.FromJson(Plan.Kind, version.Content), Scope.Allows(Permission.ReadTraumaHistory)) with { Gaps = gaps })
            .With(await PlanExtraSections.ForAsync(db, Plan, Person));
        return Page();
    }

    public string StateText => Summary.State switch
    {
        PlanVersionState.InForce => "This is the version in force: the one staff follow.",
        PlanVersionState.Draft => "This is a draft. It is not agreed yet, so staff do not follow it.",
        PlanVersionState.NeverAgreed => "This draft was never agreed: the plan was closed first.",
        _ => "This version has been replaced by a later one. It is kept as it was agreed.",
    };
}
