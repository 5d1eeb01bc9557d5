using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Monitoring;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Monitoring;

/// <summary>
/// A service's monitoring and audits (§8.3, §8.4, R11): when the next of each is due, the checks in
/// progress, and every one signed off, for the managers, the board and inspectors (§8.6).
/// </summary>
[Requires(Permission.ServiceOpenList)]
[HandlerRequires("Start", Permission.MonitorServices)]
public class IndexModel(ProportionDbContext db, MonitoringRecords records, TimeProvider clock) : MonitoringPageModel(db)
{
    public sealed record Due(MonitoringKind Kind, DateOnly On, bool Overdue, bool DueSoon);

    public sealed record Completed(Guid Id, MonitoringKind Kind, DateOnly On, string By, bool WorksInService, int Actions);

    public sealed record Draft(Guid Id, MonitoringKind Kind, DateTime StartedAt, string StartedBy, DateOnly DueOn);

    public List<Due> Next { get; private set; } = [];
    public List<Draft> Drafts { get; private set; } = [];
    public List<Completed> Done { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var today = UkTime.Today(clock);
        Drafts = await Db.Monitoring.AsNoTracking().Where(m => m.ServiceId == id && m.Status == MonitoringStatus.Draft)
            .OrderBy(m => m.Kind)
            .Select(m => new Draft(m.Id, m.Kind, m.CreatedAt, Db.Users.Where(u => u.Id == m.CreatedById).Select(u => u.DisplayName).FirstOrDefault() ?? "", m.DueOn))
            .ToListAsync();
        Done = await Db.Monitoring.AsNoTracking().Where(m => m.ServiceId == id && m.Status == MonitoringStatus.Completed)
            .OrderByDescending(m => m.CompletedOn).ThenByDescending(m => m.CompletedAt)
            .Select(m => new Completed(m.Id, m.Kind, m.CompletedOn!.Value, m.CompletedByName ?? "", m.CompletedByWorksInService, m.Actions.Count))
            .ToListAsync();
        var started = DateOnly.FromDateTime(UkTime.ToLondon(Service.CreatedAt));
        foreach (var kind in new[] { MonitoringKind.ManagerMonitoring, MonitoringKind.SeniorAudit })
        {
            var last = Done.Where(d => d.Kind == kind).Select(d => (DateOnly?)d.On).Max();
            var due = MonitoringDue.DueOn(kind, last, started);
            Next.Add(new Due(kind, due, MonitoringDue.IsOverdue(due, today), MonitoringDue.IsDueSoon(due, today)));
        }
        return Page();
    }

    public Draft? DraftOf(MonitoringKind kind) => Drafts.FirstOrDefault(d => d.Kind == kind);

    /// <summary>Starts the check of this kind, or opens the one already in progress.</summary>
    /// <remarks>Who may is the page's [HandlerPolicy], checked before the service is loaded.</remarks>
    public async Task<IActionResult> OnPostStartAsync(Guid id, MonitoringKind kind)
    {
        if (!Enum.IsDefined(kind))
        {
            return NotFound();
        }
        var monitoring = await records.StartOrResumeAsync(id, kind);
        return Redirect(Links.MonitoringCheck(id, monitoring.Id));
    }
}
