namespace Proportion.Core.Model;

/// <summary>
/// A council's own identity provider, for its staff to sign in with (R27, ADR 0036): OpenID Connect, with the
/// client the council registered there. The secret is kept protected by the app's data protection keys and never
/// shown again. The council's staff still have their Proportion accounts, which hold their roles.
/// </summary>
public class CouncilSignOn : IVersioned
{
    public const int AuthorityMaxLength = 500;
    public const int ClientIdMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public required string Authority { get; set; }
    public required string ClientId { get; set; }
    public string? ProtectedSecret { get; set; }
    public bool Enabled { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; } = 1;
}
