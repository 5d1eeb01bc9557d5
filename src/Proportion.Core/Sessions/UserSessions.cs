using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;

namespace Proportion.Core.Sessions;

/// <summary>How long a sign-in lasts: <c>SignIn:IdleMinutes</c> without a request, <c>SignIn:AbsoluteHours</c> at most.</summary>
public sealed record SessionLimits(TimeSpan Idle, TimeSpan Lifetime)
{
    public static readonly SessionLimits Default = new(TimeSpan.FromMinutes(30), TimeSpan.FromHours(12));

    /// <summary>
    /// A session's last-seen time is written at most this often, so a busy user costs one small write
    /// a minute rather than one a request; the idle timeout is exact to within this.
    /// </summary>
    public static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);
}

/// <summary>A session as the per-request scope query reads it, and the rules that say whether it is still live.</summary>
public sealed record SessionState(Guid Id, DateTime LastSeenAt, DateTime ExpiresAt, DateTime? EndedAt, SessionEndReason? EndReason)
{
    /// <summary>Why the session no longer signs anyone in, or null while it is live.</summary>
    public SessionEndReason? EndedBecause(DateTime now, SessionLimits limits) =>
        EndedAt is not null ? EndReason ?? SessionEndReason.SignedOut
        : now >= ExpiresAt ? SessionEndReason.LifetimeReached
        : now >= LastSeenAt + limits.Idle ? SessionEndReason.Idle
        : null;

    /// <summary>When the session ends if nothing more is sent: the idle timeout or the lifetime, whichever is first.</summary>
    public DateTime EndsAt(DateTime lastSeen, SessionLimits limits) =>
        lastSeen + limits.Idle < ExpiresAt ? lastSeen + limits.Idle : ExpiresAt;
}

/// <summary>
/// Sign-ins held on the server (ADR 0009). Sessions are read by id or by user only, never listed to
/// anyone, so they carry no tenant filter.
/// </summary>
public sealed class UserSessions(ProportionDbContext db, AuditTrail audit, TimeProvider clock, SessionLimits limits)
{
    /// <summary>The claim in the sign-in cookie that names its session.</summary>
    public const string ClaimType = "proportion:session";

    public SessionLimits Limits => limits;

    public async Task<Guid> StartAsync(Guid userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var organisationId = await db.Users.Where(u => u.Id == userId).Select(u => u.OrganisationId).SingleAsync(ct);
        var session = new UserSession
        {
            UserId = userId, OrganisationId = organisationId, CreatedAt = now, LastSeenAt = now, ExpiresAt = now + limits.Lifetime,
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    /// <summary>
    /// Notes that the session is in use and returns when it will now end. Writes only when the last
    /// write is older than <see cref="SessionLimits.LastSeenResolution"/>.
    /// </summary>
    public async Task<DateTime> KeepAliveAsync(SessionState session, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (now - session.LastSeenAt < SessionLimits.LastSeenResolution)
        {
            return session.EndsAt(session.LastSeenAt, limits);
        }
        await db.UserSessions.Where(s => s.Id == session.Id && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), ct);
        return session.EndsAt(now, limits);
    }

    /// <summary>Ends one session (idle, lifetime reached, its user deactivated); a session already ended keeps its first reason.</summary>
    public async Task EndAsync(Guid sessionId, SessionEndReason reason, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.UserSessions.Where(s => s.Id == sessionId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, reason), ct);
    }

    /// <summary>The user signs out: the session ends for every copy of the cookie, and the audit trail says so.</summary>
    public async Task SignOutAsync(Guid sessionId, CancellationToken ct = default)
    {
        var session = await db.UserSessions.SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return;
        }
        if (session.EndedAt is null)
        {
            session.EndedAt = clock.GetUtcNow().UtcDateTime;
            session.EndReason = SessionEndReason.SignedOut;
        }
        audit.Record(session.OrganisationId, AuditAction.SignedOut, "User", session.UserId, "Signed out");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Ends every live session of a user but <paramref name="keep"/> (the one making the change, if it is
    /// their own): a leaver, a reset password, two-factor turned off. Written at once, inside the
    /// caller's transaction when it has one.
    /// </summary>
    public async Task EndOthersAsync(Guid userId, Guid? keep, SessionEndReason reason, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var keepId = keep ?? Guid.Empty;
        await db.UserSessions.Where(s => s.UserId == userId && s.Id != keepId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, reason), ct);
    }
}
