using System.ComponentModel.DataAnnotations;

namespace Proportion.Core.Model;

/// <summary>Someone who uses a service and whose restrictive practices are recorded.</summary>
public class Person : ITenantOwned, IVersioned
{
    public const int NameMaxLength = 100;
    public const int CommunicationNeedsMaxLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid ServiceId { get; set; }
    public Service? Service { get; set; }
    public required string GivenName { get; set; }
    public required string FamilyName { get; set; }
    public string? PreferredName { get; set; }
    public DateOnly DateOfBirth { get; set; }
    /// <summary>Ten digits, no spaces, already checked by <see cref="Model.NhsNumber"/>.</summary>
    public string? NhsNumber { get; set; }
    public string? CommunicationNeeds { get; set; }
    public CommunicationMethods CommunicationMethods { get; set; }
    /// <summary>The council organisation that funds the placement; its commissioners see this person.</summary>
    public Guid? FundingCouncilId { get; set; }
    public Organisation? FundingCouncil { get; set; }
    /// <summary>The council social worker allocated to this person; they see this person.</summary>
    public Guid? SocialWorkerId { get; set; }
    public AppUser? SocialWorker { get; set; }
    public List<Representative> Representatives { get; set; } = [];

    // Equality information (ADR 0023): each optional; null until the question is asked.
    public EthnicCategory? Ethnicity { get; set; }
    public Sex? Sex { get; set; }
    public DisabilityAnswer? Disability { get; set; }
    public ReligionOrBelief? ReligionOrBelief { get; set; }
    public SexualOrientation? SexualOrientation { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; } = 1;

    public string FullName => $"{GivenName} {FamilyName}";
    /// <summary>The name to use when talking about the person: their preferred name if they have one.</summary>
    public string KnownAs => NameKnownBy(GivenName, FamilyName, PreferredName);

    /// <summary><see cref="KnownAs"/> from its parts, for a query that reads only the names.</summary>
    public static string NameKnownBy(string givenName, string familyName, string? preferredName) =>
        string.IsNullOrWhiteSpace(preferredName) ? $"{givenName} {familyName}" : $"{preferredName} {familyName}";
}

/// <summary>How the person's views are best gathered (docs/rules.md: RP2 "how they were gathered").</summary>
[Flags]
public enum CommunicationMethods
{
    None = 0,
    [Display(Name = "Spoken English")] Speech = 1,
    [Display(Name = "British Sign Language (BSL)")] BritishSignLanguage = 2,
    [Display(Name = "Makaton")] Makaton = 4,
    [Display(Name = "Symbols or pictures")] Symbols = 8,
    [Display(Name = "Objects of reference")] ObjectsOfReference = 16,
    [Display(Name = "Easy read")] EasyRead = 32,
    [Display(Name = "Observation of behaviour")] Observation = 64,
    [Display(Name = "Through someone who knows them well")] Proxy = 128,
    [Display(Name = "Interpreter for another language")] Interpreter = 256,
}
