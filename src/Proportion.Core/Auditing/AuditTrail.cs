using System.Text.Json;
using Proportion.Core.Data;
using Proportion.Core.Model;

namespace Proportion.Core.Auditing;

/// <summary>
/// Adds audit events to the same unit of work as the change they describe, so a write and its audit
/// entry are saved together or not at all. The actor comes from the context's scope.
/// </summary>
public sealed class AuditTrail(ProportionDbContext db, TimeProvider clock)
{
    public void Record(Guid organisationId, AuditAction action, string entityType, Guid entityId, string summary,
        Guid? personId = null, ChangeSet? changes = null, string? reason = null)
    {
        db.AuditEvents.Add(new AuditEvent
        {
            OrganisationId = organisationId,
            // Stored as both databases keep it, so the hash sealed later reads the same everywhere.
            At = AuditChain.ToStoredPrecision(clock.GetUtcNow().UtcDateTime),
            UserId = db.Scope.UserId == Guid.Empty ? null : db.Scope.UserId,
            UserName = Truncate(db.Scope.UserName, AppUser.DisplayNameMaxLength),
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            PersonId = personId,
            Summary = Truncate(summary, 500),
            Changes = changes is { IsEmpty: false } ? changes.ToJson() : null,
            Reason = reason,
        });
    }

    // Summaries are built from user text; the audit entry must never fail the write it describes.
    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "…";
}

/// <summary>The fields a write changed, each with its value before and after, in plain-English field names.</summary>
public sealed class ChangeSet
{
    private readonly Dictionary<string, string?[]> _changes = [];

    public bool IsEmpty => _changes.Count == 0;

    public ChangeSet Track<T>(string field, T before, T after)
    {
        if (!EqualityComparer<T>.Default.Equals(before, after))
        {
            _changes[field] = [before?.ToString(), after?.ToString()];
        }
        return this;
    }

    /// <summary>A new record: every field is "after".</summary>
    public ChangeSet Set<T>(string field, T value)
    {
        _changes[field] = [null, value?.ToString()];
        return this;
    }

    public string ToJson() => JsonSerializer.Serialize(_changes);

    public static IReadOnlyDictionary<string, string?[]> Parse(string? json) =>
        string.IsNullOrEmpty(json) ? new Dictionary<string, string?[]>()
            : JsonSerializer.Deserialize<Dictionary<string, string?[]>>(json) ?? [];
}
