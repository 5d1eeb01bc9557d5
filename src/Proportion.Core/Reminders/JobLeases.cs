using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;

namespace Proportion.Core.Reminders;

/// <summary>
/// Takes or renews a named lease in the database. Taking it is one conditional update (or, the first time,
/// an insert the primary key lets only one instance make), so the database decides between instances.
/// </summary>
public sealed class JobLeases(ProportionDbContext db)
{
    /// <returns>True when <paramref name="holder"/> holds the lease until <paramref name="nowUtc"/> + <paramref name="length"/>.</returns>
    public async Task<bool> TryTakeAsync(string name, string holder, DateTime nowUtc, TimeSpan length, CancellationToken ct = default)
    {
        var until = nowUtc + length;
        var taken = await db.JobLeases
            .Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt < nowUtc))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), ct);
        if (taken == 1)
        {
            return true;
        }
        if (await db.JobLeases.AnyAsync(l => l.Name == name, ct))
        {
            return false;
        }
        db.JobLeases.Add(new JobLease { Name = name, Holder = holder, ExpiresAt = until });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance created it first.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Lets the lease go early, so another instance need not wait for it to lapse.</summary>
    public async Task ReleaseAsync(string name, string holder, CancellationToken ct = default) =>
        await db.JobLeases.Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, DateTime.UnixEpoch), ct);
}
