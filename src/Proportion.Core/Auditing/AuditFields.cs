namespace Proportion.Core.Auditing;

/// <summary>Names of fields an audit entry records beside a record's own, written once so every entry reads alike.</summary>
public static class AuditFields
{
    /// <summary>The address a request came from (after the proxy's forwarded headers are applied), for account events.</summary>
    public const string IpAddress = "IP address";
}
