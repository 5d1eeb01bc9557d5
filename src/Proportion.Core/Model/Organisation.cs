namespace Proportion.Core.Model;

/// <summary>A care provider or a council. Councils fund people and employ social workers and commissioners.</summary>
public class Organisation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public OrganisationKind Kind { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum OrganisationKind
{
    Provider = 1,
    Council = 2,
}
