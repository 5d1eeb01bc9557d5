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
    private const int KeysPerQuery = 1000;

    /// <returns>The reminders saved; none when another instance sent them first.</returns>
    public static async Task<IReadOnlyList<Notification>> SendOnceAsync(ProportionDbContext db, IReadOnlyList<Notification> wanted, CancellationToken ct)
    {
        if (wanted.Count == 0)
        {
            return [];
        }
        // Everyone's notifications in the organisation, not only a user's: the job's scope (UserScope.SystemForOrganisation)
        // sees them all, and the keys name records, so no other organisation's reminder could match. Asked a thousand
        // keys at a time: an organisation's first round can want a hundred thousand reminders, and SQLite allows a
        // statement at most 32,766 parameters.
        var sent = new HashSet<(Guid, string)>();
        foreach (var keys in wanted.Select(n => n.ReminderKey!).Distinct().Chunk(KeysPerQuery))
        {
            sent.UnionWith((await db.Notifications.Where(n => n.ReminderKey != null && keys.Contains(n.ReminderKey))
                .Select(n => new { n.UserId, n.ReminderKey }).ToListAsync(ct)).Select(n => (n.UserId, n.ReminderKey!)));
        }
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
