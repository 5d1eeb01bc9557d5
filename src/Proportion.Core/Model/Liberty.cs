using System.ComponentModel.DataAnnotations;
using Proportion.Core.Rules;

namespace Proportion.Core.Model;

/// <summary>
/// A screening for a possible deprivation of liberty (R6). The Supreme Court set aside the single "acid
/// test" on 2 June 2026 ([2026] UKSC 16) for a multi-factorial assessment, so each factor is recorded in
/// words and the conclusion is the assessor's, with its legal basis, never computed from one answer.
/// </summary>
public class LibertyScreening : ITenantOwned
{
    public const int TextMaxLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid PersonId { get; set; }
    public Guid ServiceId { get; set; }
    public DateOnly AssessedOn { get; set; }
    public string? SupervisionAndControl { get; set; }
    public string? FreedomToLeave { get; set; }
    public string? Purpose { get; set; }
    public string? RelativeNormality { get; set; }
    /// <summary>The person's expressed wishes, and their contentment or objection.</summary>
    public string? WishesAndObjection { get; set; }
    public string? RestraintAndMedication { get; set; }
    /// <summary>
    /// The person's capacity to consent to the arrangements as a whole (not to one practice). Null on
    /// screenings recorded before it was asked: shown as "Not recorded".
    /// </summary>
    public ArrangementsCapacity? CapacityToConsent { get; set; }
    /// <summary>Whether a person with that capacity consents to the arrangements; null when not asked or not applicable.</summary>
    public bool? ConsentsToArrangements { get; set; }
    public LibertyConclusion Conclusion { get; set; }
    public required string LegalBasis { get; set; }
    /// <summary>The route for the setting at the time, from <see cref="DeprivationOfLibertyRoute"/>.</summary>
    public LibertyRoute Route { get; set; }
    public Guid RecordedById { get; set; }
    public DateTime RecordedAt { get; set; }
}

/// <summary>Capacity to consent to the care arrangements that may deprive the person of their liberty.</summary>
public enum ArrangementsCapacity
{
    [Display(Name = "Has capacity to consent to the arrangements")] HasCapacity = 1,
    [Display(Name = "Lacks capacity to consent to the arrangements")] LacksCapacity = 2,
    [Display(Name = "Not yet assessed")] NotAssessed = 3,
}

public enum LibertyConclusion
{
    [Display(Name = "Likely to be a deprivation of liberty: authorisation needed")] LikelyDeprivation = 1,
    [Display(Name = "Not a deprivation of liberty")] NotDeprivation = 2,
    [Display(Name = "Unclear: seek advice")] Unclear = 3,
}

/// <summary>An application for authority to deprive someone of their liberty, tracked to its outcome and expiry.</summary>
public class LibertyAuthorisation : ITenantOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid PersonId { get; set; }
    public LibertyAuthorisationKind Kind { get; set; }
    public DateOnly RequestedOn { get; set; }
    public LibertyOutcome Outcome { get; set; } = LibertyOutcome.Pending;
    public DateOnly? StartsOn { get; set; }
    public DateOnly? ExpiresOn { get; set; }
    /// <summary>An urgent authorisation may be extended once, by up to 7 days (Appendix 3).</summary>
    public bool Extended { get; set; }
    /// <summary>
    /// An urgent authorisation's end as the managing authority gave it, kept when the supervisory body
    /// extends it so the extension can be checked against it. Null when not extended, and on urgent
    /// authorisations extended before it was kept.
    /// </summary>
    public DateOnly? EndBeforeExtension { get; set; }
    /// <summary>
    /// An urgent authorisation: the request for a standard authorisation it was given with (Sch A1 para 76).
    /// Null on urgent authorisations recorded before the two were linked: shown as such.
    /// </summary>
    public Guid? StandardRequestId { get; set; }
    public DateOnly? CqcNotifiedOn { get; set; }
    /// <summary>
    /// The day the outcome (granted, refused, withdrawn) was first recorded: CQC is told without delay from
    /// then. Null while waiting, and on outcomes recorded before it was kept.
    /// </summary>
    public DateOnly? OutcomeRecordedOn { get; set; }
    public string? Notes { get; set; }
    public DateTime RecordedAt { get; set; }
    public int Version { get; set; } = 1;
}

public enum LibertyAuthorisationKind
{
    /// <summary>Given by the managing authority itself, always with a request for a standard authorisation.</summary>
    [Display(Name = "DoLS urgent authorisation")] UrgentAuthorisation = 1,
    [Display(Name = "DoLS standard authorisation")] StandardAuthorisation = 2,
    [Display(Name = "Court of Protection application")] CourtOfProtection = 3,
}

public enum LibertyOutcome
{
    [Display(Name = "Waiting for a decision")] Pending = 1,
    [Display(Name = "Granted")] Granted = 2,
    [Display(Name = "Refused")] Refused = 3,
    [Display(Name = "Withdrawn")] Withdrawn = 4,
}
