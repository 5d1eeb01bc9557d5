using Microsoft.AspNetCore.Identity;

namespace Proportion.Core.Model;

/// <summary>A person who signs in. Belongs to one organisation: a provider or a council.</summary>
public class AppUser : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 100;

    public AppUser() => Id = Guid.CreateVersion7();

    public required string DisplayName { get; set; }
    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    /// <summary>Social workers' Social Work England registration number, e.g. SW12345.</summary>
    public string? RegistrationNumber { get; set; }
    /// <summary>A deactivated user cannot sign in; users are never deleted because records name them.</summary>
    public bool IsActive { get; set; } = true;
    /// <summary>The email the council's identity provider gives for this person, when their council signs in that way (ADR 0036).</summary>
    public string? SignOnEmail { get; set; }
    /// <summary>
    /// Set when someone other than the user chose the password (the first administrator's one-time
    /// password): until they choose their own, every page sends them to change it.
    /// </summary>
    public bool MustChangePassword { get; set; }
    /// <summary>The RFC 6238 time-step of the last authenticator code accepted, so that code (or an older one) cannot be used again.</summary>
    public long? LastAuthenticatorTimeStep { get; set; }
}

public class AppRole : IdentityRole<Guid>
{
    public AppRole() => Id = Guid.CreateVersion7();
}

/// <summary>A user's assignment to a service of their organisation (care workers, service managers).</summary>
public class ServiceAssignment
{
    public Guid UserId { get; set; }
    public Guid ServiceId { get; set; }
    public Guid OrganisationId { get; set; }
}

/// <summary>Time-limited, read-only access for an inspector or auditor to one service (§8.2, §8.6).</summary>
public class InspectorGrant
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid UserId { get; set; }
    public Guid ServiceId { get; set; }
    public DateTime GrantedAt { get; set; }
    public Guid GrantedById { get; set; }
    public DateTime ExpiresAt { get; set; }
}
