using Proportion.Core.Rules;

namespace Proportion.Core.Model;

/// <summary>
/// Form RP2: a restrictive practice discussion and its decision (§5, §6). Kept as a draft while the
/// discussion goes on, so it can be saved part-way and resumed; once agreed it is never changed again.
/// A later change to the practice is a new decision with the next number (earlier ones stay readable).
/// </summary>
public class PracticeDecision : ITenantOwned, IVersioned
{
    public const int TextMaxLength = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid ServiceId { get; set; }
    public Guid PersonId { get; set; }
    public Guid PracticeId { get; set; }
    public RestrictivePractice? Practice { get; set; }
    /// <summary>1 for the first agreement of the practice, 2 for the next change, and so on.</summary>
    public int Number { get; set; } = 1;
    public DecisionStatus Status { get; set; } = DecisionStatus.Draft;
    /// <summary>Why an agreed practice is being changed; every decision after the first has one.</summary>
    public string? ChangeReason { get; set; }

    // The risk and its proportionality (§5.3).
    public string? Risk { get; set; }
    /// <summary>Likelihood of harm, 1 (rare) to 5 (almost certain): the risk matrix of Practical approaches to safeguarding and personalisation (Department of Health, 2010).</summary>
    public int? Likelihood { get; set; }
    /// <summary>Seriousness of harm, 1 (minor) to 5 (catastrophic).</summary>
    public int? Seriousness { get; set; }
    public string? TriedBefore { get; set; }
    public string? ConsequencesOfUsing { get; set; }
    public string? ConsequencesOfNotUsing { get; set; }
    public string? Proportionality { get; set; }

    /// <summary>Less restrictive alternatives considered, each with why it was not chosen (§5.7).</summary>
    public List<DecisionAlternative> Alternatives { get; set; } = [];

    // Views (§5.4, §5.5) and advice (§5.7).
    public string? PersonViews { get; set; }
    public CommunicationMethods ViewsGatheredBy { get; set; }
    public PersonResponse? PersonResponse { get; set; }
    public string? RepresentativesViews { get; set; }
    public string? RepresentativesNotInvolvedReason { get; set; }
    public string? MultiDisciplinaryAdvice { get; set; }

    // Capacity to consent to this practice: the MCA functional test (§5.6, Appendix 2).
    public bool? CanUnderstand { get; set; }
    public bool? CanRetain { get; set; }
    public bool? CanUseOrWeigh { get; set; }
    public bool? CanCommunicate { get; set; }
    public bool? HasImpairmentOfMindOrBrain { get; set; }
    public bool? InabilityIsBecauseOfImpairment { get; set; }
    public string? CapacityEvidence { get; set; }

    // Best interests, when capacity is lacking: the MCA s.4 checklist (§5.14).
    public string? CouldRegainCapacity { get; set; }
    public string? HowTheyTookPart { get; set; }
    public string? WishesAndFeelings { get; set; }
    public string? BeliefsAndValues { get; set; }
    public string? ConsulteesViews { get; set; }
    public string? BestInterestsConclusion { get; set; }

    // The guidelines staff follow (§5.9, §5.12, §6.1) and the review date (§5.11).
    public string? WhenMayBeUsed { get; set; }
    public string? WhenMustNotBeUsed { get; set; }
    public string? OthersRightsProtection { get; set; }
    public DateOnly? ReviewDate { get; set; }

    // The law (MCA 2005): the legal basis, the evidence for "lacks capacity", who decides and who was
    // consulted. Decisions agreed before these were asked keep null here: unknown, shown as "Not recorded".
    public LegalBasis? LegalBasis { get; set; }
    /// <summary>Which authorisation, order, section or statute, with its reference.</summary>
    public string? LegalBasisDetail { get; set; }
    public string? CapacityAssessorName { get; set; }
    public string? CapacityAssessorRole { get; set; }
    public DateOnly? CapacityAssessedOn { get; set; }
    public string? UnderstandEvidence { get; set; }
    public string? RetainEvidence { get; set; }
    public string? UseOrWeighEvidence { get; set; }
    public string? CommunicateEvidence { get; set; }
    /// <summary>The impairment of, or disturbance in, the functioning of the mind or brain: what it is.</summary>
    public string? ImpairmentDescription { get; set; }
    /// <summary>The practicable steps taken to help the person decide (MCA s.1(3)).</summary>
    public string? PracticableStepsTaken { get; set; }
    /// <summary>The assessor confirms the conclusion does not rest on the decision being unwise (MCA s.1(4)).</summary>
    public bool? NotBasedOnUnwiseDecision { get; set; }
    /// <summary>The attorney or deputy who makes the decision (MCA s.6(6)); null when they are not the decision-maker.</summary>
    public Guid? DecisionMakerRepresentativeId { get; set; }
    /// <summary>Who decides, as recorded at the time: the attorney or deputy, or the best-interests decision-maker's name and role.</summary>
    public string? DecisionMakerName { get; set; }
    /// <summary>When an attorney or deputy is recorded but does not decide: why their authority does not cover this decision.</summary>
    public string? AuthorityNotCoveringReason { get; set; }
    public string? AttorneyDecision { get; set; }
    public bool? AttorneyAgrees { get; set; }
    public bool? ImcaInstructed { get; set; }
    public string? ImcaName { get; set; }
    public string? ImcaNotInstructedReason { get; set; }
    /// <summary>Everyone consulted about the person's best interests. Older decisions hold these as text in <see cref="ConsulteesViews"/>.</summary>
    public List<DecisionConsultee> Consultees { get; set; } = [];

    public CapacityEvidenceAnswers CapacityEvidenceAnswers => new(
        CapacityAssessorName, CapacityAssessorRole, CapacityAssessedOn, UnderstandEvidence, RetainEvidence, UseOrWeighEvidence,
        CommunicateEvidence, ImpairmentDescription, PracticableStepsTaken, NotBasedOnUnwiseDecision);

    /// <summary>Those consulted, one a line: how the list reads where older records held free text.</summary>
    public string? ConsulteesSummary => Consultees.Count == 0 ? null
        : string.Join("\n", Consultees.Select(c => $"{c.Name} ({c.Relationship}), consulted {UkTime.Format(c.ConsultedOn)}: {c.View}"));

    public DecisionMakerAnswers DecisionMakerAnswers => new(DecisionMakerRepresentativeId, DecisionMakerName, AuthorityNotCoveringReason, AttorneyDecision, AttorneyAgrees);

    public List<DecisionSignOff> SignOffs { get; set; } = [];

    /// <summary>Everyone who contributed, signing the guidelines: the person, family, key worker, professionals (§5.13).</summary>
    public List<DecisionSignature> Signatures { get; set; } = [];

    public DateTime CreatedAt { get; set; }
    public Guid CreatedById { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? AgreedAt { get; set; }
    public int Version { get; set; } = 1;

    public CapacityTestAnswers CapacityAnswers =>
        new(CanUnderstand, CanRetain, CanUseOrWeigh, CanCommunicate, HasImpairmentOfMindOrBrain, InabilityIsBecauseOfImpairment);

    public CapacityToConsent? Capacity => CapacityAssessment.Conclude(CapacityAnswers).Conclusion;

    public DecisionAnswers Answers => new(
        Risk, Likelihood, Seriousness, TriedBefore, ConsequencesOfUsing, ConsequencesOfNotUsing, Proportionality,
        [.. Alternatives.Select(a => new ConsideredAlternative(a.Description, a.WhyRejected))],
        PersonViews, ViewsGatheredBy != CommunicationMethods.None, RepresentativesViews, RepresentativesNotInvolvedReason,
        MultiDisciplinaryAdvice, Capacity,
        new BestInterestsAnswers(CouldRegainCapacity, HowTheyTookPart, WishesAndFeelings, BeliefsAndValues, ConsulteesViews ?? ConsulteesSummary, BestInterestsConclusion),
        WhenMayBeUsed, WhenMustNotBeUsed, OthersRightsProtection, ReviewDate, Signatures.Count);
}

public enum DecisionStatus
{
    Draft = 1,
    Agreed = 2,
}

/// <summary>A less restrictive alternative the discussion considered. Part of its decision.</summary>
public class DecisionAlternative
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Description { get; set; }
    public required string WhyRejected { get; set; }
}

/// <summary>An agreement given to the decision, by role (R3, R4, R5). Part of its decision.</summary>
public class DecisionSignOff
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public SignOffRole Role { get; set; }
    public required string Name { get; set; }
    public Guid? UserId { get; set; }
    public string? RegistrationNumber { get; set; }
    public string? Council { get; set; }
    /// <summary>For a senior manager: whether they are assigned to the service (R4 asks for someone external).</summary>
    public bool WorksInTheService { get; set; }
    /// <summary>For the commissioner informed: how and by whom they were told.</summary>
    public string? Note { get; set; }
    public DateTime At { get; set; }
}

/// <summary>A signature on the decision (§5.13): who, in what capacity, how, and on what date. Part of its decision.</summary>
public class DecisionSignature : Auditing.ISignature
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    /// <summary>Why they sign, in plain words: "Sam himself", "mother", "key worker", "occupational therapist".</summary>
    public required string SignedAs { get; set; }
    public SignatureMethod Method { get; set; }
    /// <summary>Who witnessed a verbal agreement.</summary>
    public string? Witness { get; set; }
    public DateOnly SignedOn { get; set; }
    public Guid RecordedById { get; set; }
    public DateTime RecordedAt { get; set; }
}

public enum SignatureMethod
{
    [System.ComponentModel.DataAnnotations.Display(Name = "In person")] InPerson = 1,
    [System.ComponentModel.DataAnnotations.Display(Name = "On paper, kept on file")] OnPaper = 2,
    [System.ComponentModel.DataAnnotations.Display(Name = "Verbally, with a witness")] VerballyWithWitness = 3,
}
