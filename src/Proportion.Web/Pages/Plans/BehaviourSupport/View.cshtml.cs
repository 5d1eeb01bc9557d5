using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.BehaviourSupport;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Plans.BehaviourSupport;

/// <summary>
/// A person's positive behaviour support plan (R25): the version staff follow and the draft being written,
/// what is missing before the draft is agreed, and whether incidents say the plan in place needs review now.
/// </summary>
[Requires(Permission.ReadPlans)]
public class ViewModel(ProportionDbContext db, PlanRecords plans, BehaviourSupportReviews reviews, TimeProvider clock) : ProportionPageModel
{
    public sealed record Version(int Number, BehaviourSupportContent Content, bool IsDraft);

    public Person Person => Subjects.Person!;
    public Plan Plan => Subjects.Plan!;
    public Version? Agreed { get; private set; }
    public Version? Draft { get; private set; }
    public PlanOverview Status { get; private set; } = null!;
    /// <summary>R25: why incidents say the plan in place needs review now.</summary>
    public IReadOnlyList<Finding> ReviewNow { get; private set; } = [];
    /// <summary>R25: restraint or seclusion in place that the plan in place does not name.</summary>
    public IReadOnlyList<Finding> Unnamed { get; private set; } = [];
    public Dictionary<Guid, BehaviourSupportRules.PracticeFact> Practices { get; private set; } = [];
    public Dictionary<Guid, Incident> Incidents { get; private set; } = [];
    public bool CanEdit => Scope.Allows(Permission.EditPlans, Plan.OrganisationId);
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid planId)
    {
        if (Plan.Kind != PlanKind.BehaviourSupport)
        {
            return NotFound();
        }
        Today = UkTime.Today(clock);
        Status = await plans.OverviewAsync(Plan);
        if (await plans.AgreedContentAsync<BehaviourSupportContent>(Plan) is { } agreed)
        {
            Agreed = new Version(Plan.AgreedVersion!.Value, agreed, false);
        }
        if (Plan.HasDraft)
        {
            Draft = new Version(Plan.LatestVersion, await plans.LatestContentAsync<BehaviourSupportContent>(Plan), true);
        }
        var practices = await BehaviourSupportGate.PracticesOfAsync(db, Person.Id);
        Practices = practices.ToDictionary(p => p.Id);
        if (Agreed is not null && Plan.Status == PlanStatus.InPlace)
        {
            ReviewNow = await reviews.ForPlanAsync(Plan);
            Unnamed = [.. BehaviourSupportRules.UnnamedRestraints(practices, Agreed.Content.ReactivePracticeIds)];
        }
        var incidentIds = new[] { Agreed, Draft }.Where(v => v is not null).SelectMany(v => v!.Content.IncidentIds).Distinct().ToList();
        Incidents = await db.Incidents.AsNoTracking().Where(i => incidentIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id);
        return Page();
    }

    public string? ChangeUrl(Version version, string part) =>
        version.IsDraft && CanEdit ? Links.EditBehaviourSupportPart(Person.Id, Plan.Id, part) : null;
}
