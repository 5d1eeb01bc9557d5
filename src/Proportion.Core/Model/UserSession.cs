namespace Proportion.Core.Model;

/// <summary>
/// One sign-in, held on the server. The cookie only names it, so signing out, an idle spell, the end
/// of its lifetime or an administrator's action ends it for every copy of the cookie at once.
/// </summary>
public class UserSession
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public Guid OrganisationId { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>The last request seen, to the minute: the idle timeout counts from here.</summary>
    public DateTime LastSeenAt { get; set; }
    /// <summary>The absolute end of the session, however active it is.</summary>
    public DateTime ExpiresAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public SessionEndReason? EndReason { get; set; }
}

public enum SessionEndReason
{
    SignedOut = 1,
    /// <summary>No request for longer than the idle timeout.</summary>
    Idle = 2,
    /// <summary>The absolute lifetime passed.</summary>
    LifetimeReached = 3,
    Deactivated = 4,
    PasswordReset = 5,
    TwoFactorTurnedOff = 6,
}

/// <summary>
/// A form posted after its sender's sign-in lapsed, held (encrypted) until they sign in again and send
/// it, so nothing they typed is lost. Used once, then deleted; purged when it expires.
/// </summary>
public class UnsentForm
{
    public const int PathMaxLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    /// <summary>Where it was posted, with its query string (a page handler).</summary>
    public required string Path { get; set; }
    /// <summary>The posted fields, protected with ASP.NET Core data protection: never readable in the database.</summary>
    public required string ProtectedFields { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
}
