using System.ComponentModel.DataAnnotations;

namespace Proportion.Core.Model;

/// <summary>
/// Form RP2A: the review of an agreed restrictive practice (§7). Every practice is temporary (§3.4, §7.1),
/// so each review asks again whether it should continue (the nine questions of §7.4), with the person,
/// their family and advocates involved (§7.3), and is signed by everyone involved (§7.5). A draft while
/// the review goes on; once completed it is never changed.
/// </summary>
public class PracticeReview : ITenantOwned, IVersioned
{
    public const int TextMaxLength = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid ServiceId { get; set; }
    public Guid PersonId { get; set; }
    public Guid PracticeId { get; set; }
    public RestrictivePractice? Practice { get; set; }
    /// <summary>1 for the practice's first review, 2 for the next, and so on.</summary>
    public int Number { get; set; } = 1;
    public ReviewStatus Status { get; set; } = ReviewStatus.Draft;
    /// <summary>The review date the practice had when this review began, so a late review stays visible as late.</summary>
    public DateOnly? DueOn { get; set; }
    /// <summary>Why the review is being held now, when it is early: an incident, a concern, changed circumstances (R8).</summary>
    public string? BroughtForwardBecause { get; set; }

    // The nine questions of §7.4, each answered yes or no with the evidence for the answer.
    public bool? RiskContinues { get; set; }
    public string? RiskContinuesEvidence { get; set; }
    public bool? MeasuresEffective { get; set; }
    public string? MeasuresEffectiveEvidence { get; set; }
    public bool? StillLeastRestrictive { get; set; }
    public string? StillLeastRestrictiveEvidence { get; set; }
    public string? QualityOfLifeImpact { get; set; }
    public string? PersonView { get; set; }
    public CommunicationMethods ViewGatheredBy { get; set; }
    public bool? Justifiable { get; set; }
    public string? JustifiableEvidence { get; set; }
    public bool? PotentialDeprivationOfLiberty { get; set; }
    public string? DeprivationOfLibertyEvidence { get; set; }
    public bool? BalanceJustifiable { get; set; }
    public string? BalanceEvidence { get; set; }
    public bool? SafeguardsAdequate { get; set; }
    public string? SafeguardsEvidence { get; set; }

    // Who took part (§7.3).
    public bool? PersonTookPart { get; set; }
    /// <summary>How the person took part, or why they did not.</summary>
    public string? PersonParticipation { get; set; }
    /// <summary>Family, representatives and advocates who took part, or why none did.</summary>
    public string? FamilyAndAdvocates { get; set; }
    /// <summary>Other agencies' input: social worker, health professionals, behaviour support (§7.3 multi-agency input).</summary>
    public string? OtherAgencies { get; set; }

    // The outcome.
    /// <summary>R18: whether reducing or ending the practice was considered, and what was considered.</summary>
    public bool? ReductionConsidered { get; set; }
    public string? ReductionDetail { get; set; }
    public ReviewOutcome? Outcome { get; set; }
    public string? OutcomeReasons { get; set; }
    /// <summary>The next review when the practice goes on: never more than a year away (R1).</summary>
    public DateOnly? NextReviewDate { get; set; }
    /// <summary>§7.5: the person's support or care plan was amended and updated as necessary.</summary>
    public bool CarePlanUpdated { get; set; }
    /// <summary>The day the review was held.</summary>
    public DateOnly? HeldOn { get; set; }

    public List<ReviewSignature> Signatures { get; set; } = [];

    public DateTime CreatedAt { get; set; }
    public Guid CreatedById { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public Guid? CompletedById { get; set; }
    /// <summary>For a change or reduction: the new discussion (RP2) opened to write the changed guidelines.</summary>
    public Guid? FollowUpDecisionId { get; set; }
    /// <summary>For a reduction: the draft restriction reduction plan started when the review was completed.</summary>
    public Guid? ReductionPlanId { get; set; }
    public int Version { get; set; } = 1;
}

public enum ReviewStatus
{
    Draft = 1,
    Completed = 2,
}

/// <summary>What the review decided (§7.4: whether the practice should continue to be agreed).</summary>
public enum ReviewOutcome
{
    [Display(Name = "Continue as agreed")] Continue = 1,
    [Display(Name = "Change the practice")] Change = 2,
    [Display(Name = "Reduce the practice")] Reduce = 3,
    [Display(Name = "End the practice")] End = 4,
}

/// <summary>A signature on the review (§7.5): who, in what capacity, how, and on what date. Part of its review.</summary>
public class ReviewSignature : Auditing.ISignature
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public required string SignedAs { get; set; }
    public SignatureMethod Method { get; set; }
    public string? Witness { get; set; }
    public DateOnly SignedOn { get; set; }
    public Guid RecordedById { get; set; }
    public DateTime RecordedAt { get; set; }
}
