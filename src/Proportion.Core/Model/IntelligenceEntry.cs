using System.ComponentModel.DataAnnotations;

namespace Proportion.Core.Model;

/// <summary>
/// Something a council heard about a provider (R27): a concern or information, from any source, graded, and linked
/// to the provider and, where it is about them, a person the council funds. The council's own record: no provider
/// ever sees it. Never changed once recorded: a correction is an <see cref="IntelligenceAmendment"/> with a reason,
/// and each disclosure to a partner is an <see cref="IntelligenceShare"/>.
/// </summary>
public class IntelligenceEntry
{
    public const int SummaryMaxLength = 200;
    public const int TextMaxLength = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CouncilId { get; set; }
    public Guid ProviderId { get; set; }
    public Guid? PersonId { get; set; }
    public IntelligenceSource Source { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public SourceReliability Reliability { get; set; }
    public ConcernLevel Concern { get; set; }
    public required string Summary { get; set; }
    public required string Details { get; set; }
    public Guid RecordedById { get; set; }
    public required string RecordedByName { get; set; }
    public DateTime RecordedAt { get; set; }

    public List<IntelligenceAmendment> Amendments { get; set; } = [];
    public List<IntelligenceShare> Shares { get; set; } = [];
}

/// <summary>Where commissioners hear about restrictive practice, as their guidance lists the sources.</summary>
public enum IntelligenceSource
{
    [Display(Name = "The person supported")] Person = 1,
    [Display(Name = "A peer advocate or quality checker")] PeerAdvocate = 2,
    [Display(Name = "Family or friends")] Family = 3,
    [Display(Name = "The provider's staff")] Staff = 4,
    [Display(Name = "A visiting professional")] Professional = 5,
    [Display(Name = "CQC or Ofsted")] Regulator = 6,
    [Display(Name = "An independent advocate")] Advocate = 7,
    [Display(Name = "A complaint")] Complaint = 8,
    [Display(Name = "A safeguarding enquiry")] SafeguardingEnquiry = 9,
    [Display(Name = "The council's own contract or review visit")] CouncilVisit = 10,
    [Display(Name = "Someone else")] Other = 11,
}

/// <summary>How far the source can be relied on: a plain three-point scale, as intelligence logs grade a source apart from what it says.</summary>
public enum SourceReliability
{
    [Display(Name = "Reliable: first-hand and known to be accurate")] Reliable = 1,
    [Display(Name = "Not yet tested")] Untested = 2,
    [Display(Name = "Doubtful")] Doubtful = 3,
}

/// <summary>How worrying the information is, whatever its source.</summary>
public enum ConcernLevel
{
    [Display(Name = "Information only")] Information = 1,
    [Display(Name = "Low concern")] Low = 2,
    [Display(Name = "Medium concern")] Medium = 3,
    [Display(Name = "High concern")] High = 4,
}

/// <summary>A correction to an entry, with why; the entry itself stays as first recorded.</summary>
public class IntelligenceAmendment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EntryId { get; set; }
    public required string Correction { get; set; }
    public required string Reason { get; set; }
    public Guid AmendedById { get; set; }
    public required string AmendedByName { get; set; }
    public DateTime AmendedAt { get; set; }
}

/// <summary>
/// A disclosure of an entry to a named partner: who received it, why, and on what lawful basis (UK GDPR and the Data
/// Protection Act 2018). Proportion records the share; it does not send anything.
/// </summary>
public class IntelligenceShare
{
    public const int NameMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EntryId { get; set; }
    public SharingPartner Partner { get; set; }
    public required string PartnerName { get; set; }
    public required string Recipient { get; set; }
    public required string Purpose { get; set; }
    public LawfulBasis LawfulBasis { get; set; }
    public DateOnly SharedOn { get; set; }
    public Guid SharedById { get; set; }
    public required string SharedByName { get; set; }
    public DateTime RecordedAt { get; set; }
}

public enum SharingPartner
{
    [Display(Name = "Health commissioners (the integrated care board)")] HealthCommissioners = 1,
    [Display(Name = "The safeguarding adults team")] SafeguardingTeam = 2,
    [Display(Name = "CQC")] Cqc = 3,
    [Display(Name = "Education commissioners or Ofsted")] Education = 4,
    [Display(Name = "Another partner")] Other = 5,
}

/// <summary>
/// The lawful basis for disclosing personal data, and for health data the condition as well (UK GDPR articles 6 and 9,
/// Data Protection Act 2018 schedule 1). A council shares for its public task far more often than on consent.
/// </summary>
public enum LawfulBasis
{
    [Display(Name = "Public task, for health or social care (UK GDPR 6(1)(e) and 9(2)(h))")] PublicTaskCare = 1,
    [Display(Name = "Public task, to safeguard an adult at risk (UK GDPR 6(1)(e); DPA 2018 schedule 1 paragraph 18)")] Safeguarding = 2,
    [Display(Name = "Legal obligation, such as a request CQC makes under its powers (UK GDPR 6(1)(c))")] LegalObligation = 3,
    [Display(Name = "Vital interests, when someone's life is at risk (UK GDPR 6(1)(d) and 9(2)(c))")] VitalInterests = 4,
    [Display(Name = "The person's explicit consent (UK GDPR 6(1)(a) and 9(2)(a))")] Consent = 5,
    [Display(Name = "No personal data is shared")] NoPersonalData = 6,
}
