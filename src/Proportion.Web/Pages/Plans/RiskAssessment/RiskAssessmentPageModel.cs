using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.RiskAssessments;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Plans.RiskAssessment;

/// <summary>
/// What the risk assessment's draft pages share (R24): the person and the plan the route names, the draft
/// being written, and saving it whole, version-claimed, so a change made meanwhile by someone else is refused
/// rather than overwritten. A plan of another kind is not found here; a plan with no draft goes to its page.
/// </summary>
public abstract class RiskAssessmentPageModel(ProportionDbContext db, PlanRecords plans) : ProportionPageModel
{
    protected ProportionDbContext Db => db;
    protected PlanRecords Plans => plans;

    public Person Person => Subjects.Person!;
    public Plan Plan => Subjects.Plan!;
    public RiskAssessmentContent Draft { get; private set; } = new();

    /// <summary>The plan's version the form was built from.</summary>
    [BindProperty]
    public int PlanRowVersion { get; set; }

    public string PlanUrl => Links.Plan(Person.Id, Plan.Id, PlanKind.RiskAssessment);
    public string RisksUrl => Links.RiskAssessmentRisks(Person.Id, Plan.Id);

    /// <summary>Loads the draft; answers not found for another kind of plan, and sends a plan with no draft back to its page.</summary>
    protected async Task<IActionResult?> LoadDraftAsync()
    {
        if (Plan.Kind != PlanKind.RiskAssessment)
        {
            return NotFound();
        }
        if (!Plan.HasDraft)
        {
            return Redirect(PlanUrl);
        }
        Draft = await plans.LatestContentAsync<RiskAssessmentContent>(Plan);
        if (Request.Method == HttpMethods.Get)
        {
            PlanRowVersion = Plan.Version;
        }
        return null;
    }

    /// <summary>Saves the whole draft; false (with the errors on the page) when refused or stale.</summary>
    protected Task<bool> SaveAsync(RiskAssessmentContent content) =>
        TryWriteAsync(() => plans.SaveDraftAsync(Plan.Id, PlanRowVersion, Plan.Title, content));

    /// <summary>The person's practices, incidents and other plans a risk may name, each with what it is called.</summary>
    public static async Task<LinkableRecords> LinkableAsync(ProportionDbContext db, Guid personId, Guid planId, IEnumerable<AssessedRisk> risks)
    {
        var linked = risks.ToList();
        var practiceIds = linked.SelectMany(r => r.PracticeIds).ToHashSet();
        var incidentIds = linked.SelectMany(r => r.IncidentIds).ToList();
        var practices = await db.Practices.AsNoTracking().Where(p => p.PersonId == personId && (p.Status != PracticeStatus.Ended || practiceIds.Contains(p.Id)))
            .OrderBy(p => p.Description).Select(p => new { p.Id, p.Description, p.Status }).ToListAsync();
        // Recent incidents: the last twenty, and any already linked however old.
        var recent = await db.Incidents.AsNoTracking().Where(i => i.PersonId == personId).OrderByDescending(i => i.OccurredAt).Take(20)
            .Select(i => new { i.Id, i.OccurredAt, i.Kind }).ToListAsync();
        var older = incidentIds.Count == 0 ? [] : await db.Incidents.AsNoTracking().Where(i => i.PersonId == personId && incidentIds.Contains(i.Id))
            .Select(i => new { i.Id, i.OccurredAt, i.Kind }).ToListAsync();
        var plansOfPerson = await db.Plans.AsNoTracking().Where(p => p.PersonId == personId && p.Id != planId && p.Status != PlanStatus.Closed)
            .OrderBy(p => p.Title).Select(p => new { p.Id, p.Title, p.Kind }).ToListAsync();
        return new LinkableRecords(
            [.. practices.Select(p => new LinkableRecord(p.Id, p.Status == PracticeStatus.Ended ? $"{p.Description} (ended)" : p.Description))],
            [.. recent.Concat(older).DistinctBy(i => i.Id).OrderByDescending(i => i.OccurredAt)
                .Select(i => new LinkableRecord(i.Id, $"{UkTime.Format(i.OccurredAt)}: {Display.Name(i.Kind).ToLowerInvariant()}"))],
            [.. plansOfPerson.Select(p => new LinkableRecord(p.Id, $"{p.Title} ({Display.Name(p.Kind).ToLowerInvariant()})", p.Kind))]);
    }
}

/// <param name="Kind">A plan's kind, for its link; null for practices and incidents.</param>
public sealed record LinkableRecord(Guid Id, string Name, PlanKind? Kind = null);

public sealed record LinkableRecords(IReadOnlyList<LinkableRecord> Practices, IReadOnlyList<LinkableRecord> Incidents, IReadOnlyList<LinkableRecord> Plans)
{
    public string NameOf(IReadOnlyList<LinkableRecord> records, Guid id) => records.FirstOrDefault(r => r.Id == id)?.Name ?? "Not one of the person's records";
}
