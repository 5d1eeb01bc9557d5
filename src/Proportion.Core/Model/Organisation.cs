namespace Proportion.Core.Model;

/// <summary>A care provider or a council. Councils fund people and employ social workers and commissioners.</summary>
public class Organisation : IVersioned
{
    public const int HelplineMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public OrganisationKind Kind { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>
    /// A council's safeguarding adults helpline, as people should ring it: "01632 960200 (24 hours)". Set by the
    /// council's administrator; every keeping safe plan for a person the council funds, or who lives in its area,
    /// shows it (R20, tools for risky choices). Null for a provider, and for a council that has not set it yet.
    /// </summary>
    public string? SafeguardingHelpline { get; set; }
    public int Version { get; set; } = 1;
}

public enum OrganisationKind
{
    Provider = 1,
    Council = 2,
}
