using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.KeepingSafe;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Plans.KeepingSafe;

/// <summary>
/// The person's keeping safe plan (R20): where it stands, the council's safeguarding helpline as it is now (or,
/// plainly, that none is set), and the version in force (or the draft, with its gaps at their parts).
/// </summary>
[Requires(Permission.ReadPlans)]
public class ViewModel(ProportionDbContext db, PlanRecords plans) : ProportionPageModel
{
    public Person Person => Subjects.Person!;
    public PlanOverview Status { get; private set; } = null!;
    public PlanSectionsView? Sections { get; private set; }
    public SafeguardingHelplines Helplines { get; private set; } = new([]);
    public int ShownVersion { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid planId)
    {
        var plan = Subjects.Plan!;
        if (plan.Kind != PlanKind.KeepingSafe)
        {
            return NotFound();
        }
        Status = await plans.OverviewAsync(plan);
        Helplines = await SafeguardingHelplines.ForPersonAsync(db, id);
        ShownVersion = plan.AgreedVersion ?? plan.LatestVersion;
        if (await plans.ContentAsync(plan, ShownVersion) is { } content)
        {
            Sections = PlanSectionsView.Of(content, Scope.Allows(Permission.ReadTraumaHistory))
                with { Gaps = plan.AgreedVersion is null ? [.. Status.Refusals] : [] };
        }
        return Page();
    }
}
