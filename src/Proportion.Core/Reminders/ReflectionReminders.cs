using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;

namespace Proportion.Core.Reminders;

/// <summary>
/// Reminds each member of staff involved in an incident, once a day, until they write their reflection
/// (R13). The first reminder goes a day after the incident was recorded (the message at recording is the
/// first ask); reminders stop after <see cref="RemindFor"/>, when the manager's list is the safeguard.
/// </summary>
public sealed class ReflectionReminders(ProportionDbContext db)
{
    public static readonly TimeSpan FirstAfter = TimeSpan.FromDays(1);
    public static readonly TimeSpan RemindFor = TimeSpan.FromDays(14);

    /// <returns>The reminders sent, saved; the caller may also email them.</returns>
    public async Task<IReadOnlyList<Notification>> SendAsync(DateTime nowUtc, CancellationToken ct = default)
    {
        var recordedBefore = nowUtc - FirstAfter;
        var recordedAfter = nowUtc - RemindFor;
        var owed = await (from incident in db.Incidents
                          where incident.RecordedAt < recordedBefore && incident.RecordedAt > recordedAfter
                          from member in incident.Staff
                          where member.UserId != null
                                && !db.IncidentReflections.Any(r => r.IncidentId == incident.Id && r.UserId == member.UserId)
                          select new { incident.Id, incident.OrganisationId, UserId = member.UserId!.Value, incident.OccurredAt,
                              incident.Person!.GivenName, incident.Person.FamilyName })
            .AsNoTracking().ToListAsync(ct);
        if (owed.Count == 0)
        {
            return [];
        }
        var day = UkTime.ToLondon(nowUtc).ToString("yyyy-MM-dd");
        var keys = owed.Select(o => Key(o.Id, day)).ToList();
        var sent = (await db.Notifications.Where(n => n.ReminderKey != null && keys.Contains(n.ReminderKey))
            .Select(n => new { n.UserId, n.ReminderKey }).ToListAsync(ct)).Select(n => (n.UserId, n.ReminderKey!)).ToHashSet();
        var reminders = new List<Notification>();
        foreach (var o in owed.DistinctBy(o => (o.Id, o.UserId)).Where(o => !sent.Contains((o.UserId, Key(o.Id, day)))))
        {
            reminders.Add(new Notification
            {
                OrganisationId = o.OrganisationId, UserId = o.UserId, CreatedAt = nowUtc, ReminderKey = Key(o.Id, day),
                Link = $"/incidents/{o.Id}/reflection",
                Message = $"Reminder: please write your reflection on the incident with {o.GivenName} {o.FamilyName} on {UkTime.Format(o.OccurredAt)}.",
            });
        }
        db.Notifications.AddRange(reminders);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique (user, key) index refused a second copy: another instance sent today's first.
            db.ChangeTracker.Clear();
            return [];
        }
        return reminders;
    }

    private static string Key(Guid incidentId, string day) => $"reflection:{incidentId:N}:{day}";
}
