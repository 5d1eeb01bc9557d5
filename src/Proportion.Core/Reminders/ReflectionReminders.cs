using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Links;

namespace Proportion.Core.Reminders;

/// <summary>
/// Reminds each member of staff involved in an incident, once a day, until they write their reflection
/// (R13). The first reminder goes a day after the incident was recorded (the message at recording is the
/// first ask); reminders stop after <see cref="RemindFor"/>, when the manager's list is the safeguard.
/// </summary>
public sealed class ReflectionReminders(ProportionDbContext db, IRecordLinks links)
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
        var wanted = owed.Select(o => new Notification
        {
            OrganisationId = o.OrganisationId, UserId = o.UserId, CreatedAt = nowUtc, ReminderKey = Key(o.Id, day),
            Link = links.IncidentReflection(o.Id),
            Message = $"Reminder: please write your reflection on the incident with {o.GivenName} {o.FamilyName} on {UkTime.Format(o.OccurredAt)}.",
        }).ToList();
        return await ReminderOutbox.SendOnceAsync(db, wanted, ct);
    }

    private static string Key(Guid incidentId, string day) => $"reflection:{incidentId:N}:{day}";
}
