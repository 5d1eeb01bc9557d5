using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Plans.DecisionMaking;

/// <summary>The person's supported decision-making agreement (R20): where it stands, and the version in force (or the draft, with its gaps at their parts).</summary>
[Requires(Permission.ReadPlans)]
public class ViewModel(PlanRecords plans) : ProportionPageModel
{
    public Person Person => Subjects.Person!;
    public PlanOverview Status { get; private set; } = null!;
    public PlanSectionsView? Sections { get; private set; }
    public int ShownVersion { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid planId)
    {
        var plan = Subjects.Plan!;
        if (plan.Kind != PlanKind.DecisionMaking)
        {
            return NotFound();
        }
        Status = await plans.OverviewAsync(plan);
        ShownVersion = plan.AgreedVersion ?? plan.LatestVersion;
        if (await plans.ContentAsync(plan, ShownVersion) is { } content)
        {
            Sections = PlanSectionsView.Of(content, Scope.Allows(Permission.ReadTraumaHistory))
                with { Gaps = plan.AgreedVersion is null ? [.. Status.Refusals] : [] };
        }
        return Page();
    }
}
