namespace Proportion.Core.Model;

/// <summary>A row that belongs to one provider organisation; the tenancy boundary (docs/architecture.md).</summary>
public interface ITenantOwned
{
    Guid OrganisationId { get; }
}

/// <summary>An editable record: its version stops a stale edit silently overwriting a newer one.</summary>
public interface IVersioned
{
    int Version { get; set; }
}
