using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Oversight;
using Proportion.Core.Rules;
using Proportion.Core.Links;

namespace Proportion.Core.Reminders;

/// <summary>
/// Reminds managers of the safeguards over time (R6, R9, R11, R18, and CQC Regulation 18 for deprivation of
/// liberty outcomes) as they fall due, and escalates what is
/// overdue to the organisation's senior managers (R9: "overdue ones are visible to managers above").
/// Each reminder has a key naming the item and its due date, so it is sent once however often the job
/// runs and however many instances run it; a new due date is a new reminder.
/// </summary>
public sealed class OversightReminders(ProportionDbContext db, IOptions<RuleSettings> rules, IRecordLinks links)
{
    /// <summary>Reviews and monitoring are first reminded this many days before they are due.</summary>
    public const int RemindDaysBefore = 7;

    /// <returns>The reminders sent, saved; the caller may also email them.</returns>
    public async Task<IReadOnlyList<Notification>> SendAsync(DateTime nowUtc, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(UkTime.ToLondon(nowUtc));
        var items = (await new DueWork(db, new FixedClock(nowUtc), rules, links).ForScopeAsync(ct: ct))
            .Where(i => i.Kind != DueKind.EarlyReview && i.Kind != DueKind.IncidentReview48Hours) // told at once when the incident was recorded
            // R20: safeguarding work shows only in My tasks, read through the user's own scope, where the query filter
            // keeps a concern from the alleged source of harm; a reminder sent from here could not (ADR 0030).
            .Where(i => i.Kind is not (DueKind.SafeguardingDecision or DueKind.SafeguardingPlanReview
                or DueKind.SafeguardingCouncilAction or DueKind.SafeguardingProviderAction))
            .Where(i => i.Overdue || i.Due <= today.AddDays(RemindDaysBefore))
            .ToList();
        if (items.Count == 0)
        {
            return [];
        }
        var serviceIds = items.Select(i => i.ServiceId).Distinct().ToList();
        var organisationOf = await db.Services.Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.OrganisationId, ct);
        var organisationIds = organisationOf.Values.Distinct().ToList();
        var managers = await (from user in db.Users
                              join userRole in db.UserRoles on user.Id equals userRole.UserId
                              join role in db.Roles on userRole.RoleId equals role.Id
                              where user.IsActive && organisationIds.Contains(user.OrganisationId)
                                    && (role.Name == Roles.ServiceManager || role.Name == Roles.SeniorManager)
                              select new { user.Id, user.OrganisationId, Role = role.Name }).ToListAsync(ct);
        var assignments = await db.ServiceAssignments.Where(a => serviceIds.Contains(a.ServiceId)).Select(a => new { a.UserId, a.ServiceId }).ToListAsync(ct);
        IEnumerable<Guid> ServiceManagers(Guid serviceId) => managers.Where(m => m.Role == Roles.ServiceManager
            && assignments.Any(a => a.UserId == m.Id && a.ServiceId == serviceId)).Select(m => m.Id);
        IEnumerable<Guid> SeniorManagers(Guid serviceId) => managers.Where(m => m.Role == Roles.SeniorManager && m.OrganisationId == organisationOf[serviceId]).Select(m => m.Id);

        var wanted = new List<Notification>();
        foreach (var item in items)
        {
            var escalate = item.Overdue && item.Kind is DueKind.PracticeReview or DueKind.Monitoring or DueKind.MonitoringAction
                or DueKind.LibertyDeadline or DueKind.LibertyCqcNotification or DueKind.PlanReview;
            // R26: a panel's action reminds the user given it; once overdue, the service's managers too.
            var recipients = item.Kind == DueKind.PanelAction && item.AssignedToId is { } assignee
                ? (item.Overdue ? ServiceManagers(item.ServiceId).Prepend(assignee) : [assignee])
                : item.Kind == DueKind.Audit ? SeniorManagers(item.ServiceId)
                // R20: a draft concern a day old reminds the one who raised it and the service's managers.
                : item.Kind == DueKind.SafeguardingDraft && item.AssignedToId is { } raiser ? ServiceManagers(item.ServiceId).Prepend(raiser)
                : escalate ? ServiceManagers(item.ServiceId).Concat(SeniorManagers(item.ServiceId))
                : ServiceManagers(item.ServiceId);
            // R20: the member of staff a safeguarding concern names as the alleged source is never told of it.
            recipients = recipients.Where(id => id != item.HiddenFromId);
            var key = $"{item.Kind}:{item.RecordId:N}:{item.Due:yyyy-MM-dd}:{(item.Overdue ? "overdue" : "due")}";
            // A reminder may be emailed: one about a safeguarding concern names the service, never the person (R20).
            var about = item.Kind is DueKind.SafeguardingDraft or DueKind.SafeguardingPersonNotTold ? $" ({item.Service})"
                : item.Person is null ? "" : $" ({item.Person}, {item.Service})";
            var message = $"{(item.Overdue ? "Overdue" : "Due " + UkTime.Format(item.Due))}: {item.What}{about}. Rule {item.Rule}.";
            foreach (var userId in recipients.Distinct())
            {
                wanted.Add(new Notification
                {
                    OrganisationId = organisationOf[item.ServiceId], UserId = userId, CreatedAt = nowUtc, ReminderKey = key, Link = item.Link,
                    Message = message.Length <= Notification.MessageMaxLength ? message : message[..(Notification.MessageMaxLength - 1)] + "…",
                });
            }
        }
        return await ReminderOutbox.SendOnceAsync(db, wanted, ct);
    }

    /// <summary>The job's moment, so every deadline is judged at the time it was given.</summary>
    private sealed class FixedClock(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
    }
}
