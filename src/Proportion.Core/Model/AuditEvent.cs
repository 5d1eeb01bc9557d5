namespace Proportion.Core.Model;

/// <summary>
/// One entry in the append-only audit trail: every write (who, when, what changed, why) and every view
/// of a person's record. Never updated, never deleted (R16): database triggers refuse both, except
/// sealing, which sets <see cref="Sequence"/> and <see cref="Hash"/> once (ADR 0012).
/// </summary>
public class AuditEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public DateTime At { get; set; }
    public Guid? UserId { get; set; }
    public required string UserName { get; set; }
    public AuditAction Action { get; set; }
    /// <summary>What kind of record: "Person", "RestrictivePractice", "Service", "User".</summary>
    public required string EntityType { get; set; }
    public Guid EntityId { get; set; }
    /// <summary>The person the record is about, so their history can be read in one place.</summary>
    public Guid? PersonId { get; set; }
    /// <summary>A plain-English summary: "Ended practice: Front door locked".</summary>
    public required string Summary { get; set; }
    /// <summary>JSON object of field name to [before, after].</summary>
    public string? Changes { get; set; }
    public string? Reason { get; set; }

    /// <summary>The entry's place in its organisation's hash chain, from 1; null until sealed (AuditChain).</summary>
    public long? Sequence { get; set; }
    /// <summary>SHA-256 of the entry's fields and the previous entry's hash, lower-case hex; null until sealed.</summary>
    public string? Hash { get; set; }
}

public enum AuditAction
{
    Created = 1,
    Updated = 2,
    Ended = 3,
    Viewed = 4,
    SignedIn = 5,
    AccessGranted = 6,
    /// <summary>A sign-in refused: wrong password, unknown email, wrong code.</summary>
    SignInFailed = 7,
    /// <summary>An account locked after too many wrong passwords.</summary>
    LockedOut = 8,
    SignedOut = 9,
    /// <summary>Two-factor sign-in turned on, off or reset.</summary>
    TwoFactorChanged = 10,
    /// <summary>A request refused: out of scope, not found, or not allowed for the user's roles.</summary>
    Refused = 11,
    PasswordChanged = 12,
}
