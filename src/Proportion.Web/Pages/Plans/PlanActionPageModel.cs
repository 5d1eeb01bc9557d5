using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Plans;

/// <summary>
/// The shared actions on a plan (agree, revise, review, close): the plan the route names, the version the
/// user saw (so a change by someone else meanwhile is refused as stale), and the way back to the plan.
/// </summary>
public abstract class PlanActionPageModel : ProportionPageModel
{
    public Person Person => Subjects.Person!;
    public Plan Plan => Subjects.Plan!;

    /// <summary>The plan's version when the form was shown, posted back and claimed by the write.</summary>
    [BindProperty]
    public int PlanVersion { get; set; }

    public string PlanLink => Links.Plan(Person.Id, Plan.Id, Plan.Kind);
    public string KindName => Display.Name(Plan.Kind).ToLowerInvariant();

    /// <summary>Back to the plan when the action does not apply to it as it stands (closed, or nothing to agree).</summary>
    protected IActionResult? NotApplicable(bool applies) => applies ? null : Redirect(PlanLink);
}
