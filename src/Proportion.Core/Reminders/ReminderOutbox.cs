using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;

namespace Proportion.Core.Reminders;

/// <summary>
/// The one way a reminder is sent once (ADR 0006): each carries a key naming what it is about, those a
/// user already has are dropped, and the unique (user, key) index catches a race with another instance.
/// </summary>
public static class ReminderOutbox
{
    /// <returns>The reminders saved; none when another instance sent them first.</returns>
    public static async Task<IReadOnlyList<Notification>> SendOnceAsync(ProportionDbContext db, IReadOnlyList<Notification> wanted, CancellationToken ct)
    {
        if (wanted.Count == 0)
        {
            return [];
        }
        var keys = wanted.Select(n => n.ReminderKey!).Distinct().ToList();
        // Everyone's notifications, not only the scope's user's: the job runs with no user, over one organisation
        // at a time, and the keys name records, so no other organisation's reminder can match.
        var sent = (await db.Notifications.IgnoreQueryFilters().Where(n => n.ReminderKey != null && keys.Contains(n.ReminderKey))
            .Select(n => new { n.UserId, n.ReminderKey }).ToListAsync(ct)).Select(n => (n.UserId, n.ReminderKey!)).ToHashSet();
        var reminders = wanted.DistinctBy(n => (n.UserId, n.ReminderKey)).Where(n => !sent.Contains((n.UserId, n.ReminderKey!))).ToList();
        db.Notifications.AddRange(reminders);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique (user, key) index refused a second copy: another instance sent it first.
            db.ChangeTracker.Clear();
            return [];
        }
        return reminders;
    }
}
