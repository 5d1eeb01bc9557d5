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

    /// <summary>Active users of the organisation in a role; for a service, only those assigned to it.</summary>
    public async Task<IReadOnlyList<Guid>> UsersInRoleAsync(Guid organisationId, string role, Guid? serviceId, CancellationToken ct = default)
    {
        var inRole = from user in db.Users
                     join userRole in db.UserRoles on user.Id equals userRole.UserId
                     join r in db.Roles on userRole.RoleId equals r.Id
                     where user.OrganisationId == organisationId && user.IsActive && r.Name == role
                     select user.Id;
        if (serviceId is { } id)
        {
            inRole = inRole.Where(u => db.ServiceAssignments.Any(a => a.UserId == u && a.ServiceId == id));
        }
        return await inRole.Distinct().ToListAsync(ct);
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
