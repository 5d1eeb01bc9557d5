using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;

namespace Proportion.Core.Notifications;

/// <summary>
/// Messages to users inside the app. They are added to the same unit of work as the record that caused
/// them, so an incident and the messages about it are saved together or not at all.
/// </summary>
public sealed class InAppNotifications(ProportionDbContext db, TimeProvider clock)
{
    public void Send(Guid organisationId, IEnumerable<Guid> userIds, string message, string link)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var text = message.Length <= Notification.MessageMaxLength ? message : message[..(Notification.MessageMaxLength - 1)] + "…";
        foreach (var userId in userIds.Distinct())
        {
            db.Notifications.Add(new Notification { OrganisationId = organisationId, UserId = userId, Message = text, Link = link, CreatedAt = now });
        }
    }

    /// <summary>
    /// A message about one thing, sent to a user once: <paramref name="key"/> names the thing, and the unique
    /// (user, key) index refuses a second copy (<see cref="Reminders.ReminderOutbox"/> sends such messages).
    /// </summary>
    public Notification Once(Guid organisationId, Guid userId, string message, string link, string key) => new()
    {
        OrganisationId = organisationId, UserId = userId, Link = link, ReminderKey = key, CreatedAt = clock.GetUtcNow().UtcDateTime,
        Message = message.Length <= Notification.MessageMaxLength ? message : message[..(Notification.MessageMaxLength - 1)] + "…",
    };

    /// <summary>
    /// The active service managers assigned to a service, and the organisation's active senior managers,
    /// in one query: recording an incident asks for both.
    /// </summary>
    public async Task<(IReadOnlyList<Guid> ServiceManagers, IReadOnlyList<Guid> SeniorManagers)> ManagersToTellAsync(
        Guid organisationId, Guid serviceId, CancellationToken ct = default)
    {
        var managers = await (from user in db.Users
                              join userRole in db.UserRoles on user.Id equals userRole.UserId
                              join role in db.Roles on userRole.RoleId equals role.Id
                              where user.OrganisationId == organisationId && user.IsActive
                                    && ((role.Name == Roles.ServiceManager && db.ServiceAssignments.Any(a => a.UserId == user.Id && a.ServiceId == serviceId))
                                        || role.Name == Roles.SeniorManager)
                              select new { user.Id, role.Name })
            .ToListAsync(ct);
        return ([.. managers.Where(m => m.Name == Roles.ServiceManager).Select(m => m.Id).Distinct()],
            [.. managers.Where(m => m.Name == Roles.SeniorManager).Select(m => m.Id).Distinct()]);
    }

    /// <summary>The signed-in user's messages, newest first.</summary>
    public IQueryable<Notification> Mine() =>
        db.Notifications.Where(n => n.UserId == db.Scope.UserId).OrderByDescending(n => n.CreatedAt);

    public async Task MarkAllReadAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var unread = await db.Notifications.Where(n => n.UserId == db.Scope.UserId && n.ReadAt == null).ToListAsync(ct);
        foreach (var n in unread)
        {
            n.ReadAt = now;
        }
        await db.SaveChangesAsync(ct);
    }
}
