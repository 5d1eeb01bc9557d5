using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Decisions;
using Proportion.Core.Incidents;
using Proportion.Core.Liberty;
using Proportion.Core.Model;
using Proportion.Core.Oversight;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;
using Proportion.Web.Pages.Incidents;

namespace Proportion.Web.Pages.Organisation;

/// <summary>
/// The organisation's whole picture for the board and senior managers: each service's practices by
/// status, reviews overdue (R9), discussions waiting for sign-off, and incidents with their duties late.
/// Each figure is one grouped query, so the page costs the same for 3 services or 300.
/// </summary>
[Requires(Permission.OrganisationOverview)]
public class IndexModel(ProportionDbContext db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<Proportion.Core.Rules.RuleSettings> rules, DecisionRecords decisions) : ProportionPageModel
{
    /// <summary>Incidents are counted over this many days.</summary>
    public const int IncidentDays = 90;

    public sealed record Row(Guid ServiceId, string Service, int People, int Proposed, int Agreed, int UnderReview, int ReviewsOverdue,
        int AwaitingSignOff, int Incidents, int Prone, int ReviewsOverdue48h, int EarlyReviews, int ReductionNotConsidered, Due? NextMonitoring = null, Due? NextAudit = null);

    /// <summary>When the next monitoring or audit is due, and whether that has passed (R11).</summary>
    public sealed record Due(DateOnly On, bool Overdue);

    public List<Row> Rows { get; private set; } = [];

    /// <summary>The service's incident list filtered to the days counted here, so each figure links to its incidents.</summary>
    public string IncidentsQuery { get; private set; } = "";

    /// <summary>The same days, incidents with prone restraint only.</summary>
    public string ProneQuery { get; private set; } = "";
    public Row? Total { get; private set; }

    /// <summary>
    /// R6 and CQC Regulation 18 in each service: decisions or urgent authorisations past their date, renewals
    /// due within the month or late, authorisations ended with nothing after them, outcomes CQC has not been
    /// told of, and people whose practices call for a screening.
    /// </summary>
    public sealed record LibertyRow(Guid ServiceId, string Service, int DecisionsOverdue, int RenewalsDue, int Ended, int TellCqc, int ScreeningsPrompted);

    public List<LibertyRow> LibertyRows { get; private set; } = [];
    /// <summary>R19: each service's restriction reduction plans in place and the reductions they achieved.</summary>
    public Dictionary<Guid, Proportion.Core.Plans.Reduction.ReductionCounts.ServiceReductions> Reductions { get; private set; } = [];
    /// <summary>Plans in place per service by kind, and their reviews overdue (R19, R23-R25).</summary>
    public Dictionary<Guid, Proportion.Core.Plans.PlanCounts.ServicePlans> Plans { get; private set; } = [];
    public LibertyRow? LibertyTotal { get; private set; }

    public async Task OnGetAsync()
    {
        var today = UkTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var services = await db.Services.AsNoTracking().Where(s => s.OrganisationId == Scope.OrganisationId)
            .OrderBy(s => s.Name).Select(s => new { s.Id, s.Name, s.CreatedAt }).ToListAsync();
        var people = await db.People.Where(p => p.OrganisationId == Scope.OrganisationId)
            .GroupBy(p => p.ServiceId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var practices = await db.Practices.Where(p => p.OrganisationId == Scope.OrganisationId && p.Status != PracticeStatus.Ended)
            .GroupBy(p => new { p.ServiceId, p.Status })
            .Select(g => new { g.Key.ServiceId, g.Key.Status, Count = g.Count() })
            .ToListAsync();
        var reviewsOverdue = await PracticeQueries.ReviewsOverdue(db.Practices.Where(p => p.OrganisationId == Scope.OrganisationId), today)
            .GroupBy(p => p.ServiceId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        // Only drafts whose one remaining gap is an agreement are waiting for a sign-off (AwaitingSignOff).
        var drafts = new Dictionary<Guid, int>();
        foreach (var draft in await db.Decisions.Where(d => d.OrganisationId == Scope.OrganisationId && d.Status == DecisionStatus.Draft).AsNoTracking().ToListAsync())
        {
            if (AwaitingSignOff.IsWaiting(await decisions.FindingsAsync(draft)))
            {
                drafts[draft.ServiceId] = drafts.GetValueOrDefault(draft.ServiceId) + 1;
            }
        }
        var window = IncidentFilter.LastDays(today, IncidentDays);
        IncidentsQuery = window.ToQueryString();
        ProneQuery = IncidentFilter.LastDays(today, IncidentDays, InterventionType.PhysicalProne).ToQueryString();
        var incidents = await window.Apply(db.Incidents.Where(i => i.OrganisationId == Scope.OrganisationId), new ModelStateDictionary(), today)!
            .GroupBy(i => i.ServiceId)
            .Select(g => new { g.Key, Count = g.Count(), Prone = g.Count(i => i.Interventions.Any(x => x.Type == InterventionType.PhysicalProne)) })
            .ToDictionaryAsync(g => g.Key);
        var late = await IncidentQueries.ManagerReviewsOverdue(db, now).Where(i => i.OrganisationId == Scope.OrganisationId)
            .GroupBy(i => i.ServiceId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var early = await IncidentQueries.EarlyReviewsPending(db).Where(i => i.OrganisationId == Scope.OrganisationId)
            .GroupBy(i => i.ServiceId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);

        var stale = await PracticeQueries.ReductionNotConsidered(db.Practices.Where(p => p.OrganisationId == Scope.OrganisationId), today,
                rules.Value.ReductionConsideredWithinMonths)
            .GroupBy(p => p.ServiceId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var monitored = await MonitoringQueries.LastCompletedAsync(db.Monitoring.Where(m => m.OrganisationId == Scope.OrganisationId));
        Due Next(Guid service, DateTime createdAt, MonitoringKind kind)
        {
            var on = monitored.NextDue(service, createdAt, kind);
            return new Due(on, MonitoringDue.IsOverdue(on, today));
        }

        int Practices(Guid service, PracticeStatus status) => practices.Where(p => p.ServiceId == service && p.Status == status).Sum(p => p.Count);
        Rows = [.. services.Select(s => new Row(s.Id, s.Name, people.GetValueOrDefault(s.Id),
            Practices(s.Id, PracticeStatus.Proposed), Practices(s.Id, PracticeStatus.Agreed), Practices(s.Id, PracticeStatus.UnderReview),
            reviewsOverdue.GetValueOrDefault(s.Id), drafts.GetValueOrDefault(s.Id),
            incidents.TryGetValue(s.Id, out var inc) ? inc.Count : 0, inc?.Prone ?? 0, late.GetValueOrDefault(s.Id), early.GetValueOrDefault(s.Id), stale.GetValueOrDefault(s.Id),
            Next(s.Id, s.CreatedAt, MonitoringKind.ManagerMonitoring), Next(s.Id, s.CreatedAt, MonitoringKind.SeniorAudit)))];
        var liberty = (await LibertyDue.ForPeopleAsync(db, db.People.Where(p => p.OrganisationId == Scope.OrganisationId), today)).ToLookup(i => i.ServiceId);
        int Liberty(Guid service, Func<LibertyItem, bool> which) => liberty[service].Count(which);
        Reductions = await Proportion.Core.Plans.Reduction.ReductionCounts.ByServiceAsync(db);
        Plans = await Proportion.Core.Plans.PlanCounts.ByServiceAsync(db, today);
        LibertyRows = [.. services.Select(s => new LibertyRow(s.Id, s.Name,
            Liberty(s.Id, i => i.Overdue && i.Kind is LibertyDeadlineKind.Decision or LibertyDeadlineKind.UrgentEnds),
            Liberty(s.Id, i => i.Kind == LibertyDeadlineKind.Renew && i.Due <= today.AddDays(LibertyDue.ShownWithinDays)),
            Liberty(s.Id, i => i.Overdue && i.Kind == LibertyDeadlineKind.Ends),
            Liberty(s.Id, i => i.Kind == LibertyDeadlineKind.TellCqc),
            Liberty(s.Id, i => i.IsScreeningPrompt)))];
        LibertyTotal = new LibertyRow(Guid.Empty, "All services", LibertyRows.Sum(r => r.DecisionsOverdue), LibertyRows.Sum(r => r.RenewalsDue),
            LibertyRows.Sum(r => r.Ended), LibertyRows.Sum(r => r.TellCqc), LibertyRows.Sum(r => r.ScreeningsPrompted));
        Total = new Row(Guid.Empty, "All services", Rows.Sum(r => r.People), Rows.Sum(r => r.Proposed), Rows.Sum(r => r.Agreed),
            Rows.Sum(r => r.UnderReview), Rows.Sum(r => r.ReviewsOverdue), Rows.Sum(r => r.AwaitingSignOff), Rows.Sum(r => r.Incidents),
            Rows.Sum(r => r.Prone), Rows.Sum(r => r.ReviewsOverdue48h), Rows.Sum(r => r.EarlyReviews), Rows.Sum(r => r.ReductionNotConsidered));
    }
}
