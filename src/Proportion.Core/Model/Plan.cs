using System.ComponentModel.DataAnnotations;

namespace Proportion.Core.Model;

/// <summary>
/// A plan written with the person to reduce restriction or enable them (positive risk-taking guidance;
/// §5.1, §7.4): their profile, risk assessment, positive behaviour support plan, a positive risk-taking plan
/// for an activity, or a reduction plan for one practice. Every kind is versioned the same way: each change
/// is a new <see cref="PlanVersion"/> with a reason, and what was agreed stays readable (docs/rules.md R19).
/// </summary>
public class Plan : ITenantOwned, IVersioned
{
    public const int TitleMaxLength = 200;
    public const int ReasonMaxLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    /// <summary>The person's service, copied so service and organisation counts need no join.</summary>
    public Guid ServiceId { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public PlanKind Kind { get; set; }
    /// <summary>What the plan is about in a few words: "Travel to college by bus alone", "Front door kept locked".</summary>
    public required string Title { get; set; }
    /// <summary>A reduction plan's practice; a plan of any other kind is about the person.</summary>
    public Guid? PracticeId { get; set; }
    public PlanStatus Status { get; set; } = PlanStatus.Draft;
    /// <summary>The number of the latest version, draft or agreed; versions are numbered from 1.</summary>
    public int LatestVersion { get; set; } = 1;
    /// <summary>The version staff follow: the latest agreed one; null until the first is agreed.</summary>
    public int? AgreedVersion { get; set; }
    /// <summary>When the plan is next reviewed; set when it is agreed and by each review.</summary>
    public DateOnly? ReviewDate { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid CreatedById { get; set; }
    public DateTime? ClosedAt { get; set; }
    public Guid? ClosedById { get; set; }
    public string? ClosedReason { get; set; }
    public int Version { get; set; } = 1;

    /// <summary>A draft waits to be agreed: the first one, or a revision of an agreed plan.</summary>
    public bool HasDraft => Status != PlanStatus.Closed && LatestVersion != AgreedVersion;
}

public enum PlanKind
{
    [Display(Name = "Profile")] Profile = 1,
    [Display(Name = "Risk assessment")] RiskAssessment = 2,
    [Display(Name = "Positive behaviour support plan")] BehaviourSupport = 3,
    [Display(Name = "Positive risk-taking plan")] PositiveRisk = 4,
    [Display(Name = "Restriction reduction plan")] Reduction = 5,
    /// <summary>The person's personalised support plan: their outcomes, how their personal budget is managed, and its risks (R20).</summary>
    [Display(Name = "Support plan")] SupportPlan = 6,
    /// <summary>Who helps the person make their own decisions, and how (MCA s.1(3); the supported decision-making tool of Practical approaches to safeguarding and personalisation).</summary>
    [Display(Name = "Supported decision-making agreement")] DecisionMaking = 7,
    /// <summary>Made with the person: the money, recruiting and employing help, training, when things go wrong, who can help.</summary>
    [Display(Name = "Keeping safe plan")] KeepingSafe = 8,
}

public enum PlanStatus
{
    /// <summary>Written, not yet agreed: staff do not follow it yet.</summary>
    [Display(Name = "Draft")] Draft = 1,
    /// <summary>Agreed: staff follow the agreed version, even while a revision is drafted.</summary>
    [Display(Name = "In place")] InPlace = 2,
    /// <summary>No longer followed, with a reason; kept for good.</summary>
    [Display(Name = "Closed")] Closed = 3,
}

/// <summary>
/// One version of a plan. Its content is a kind's <c>IPlanContent</c> as JSON, so every kind is versioned,
/// kept and printed by the same code. A draft is changed in place; once agreed, a version never changes.
/// </summary>
public class PlanVersion : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid PlanId { get; set; }
    public int Number { get; set; }
    public required string Content { get; set; }
    /// <summary>Why this version was written: null for the first.</summary>
    public string? ChangeReason { get; set; }
    public DateTime DraftedAt { get; set; }
    public Guid DraftedById { get; set; }
    public DateTime? AgreedAt { get; set; }
    public Guid? AgreedById { get; set; }

    public bool IsAgreed => AgreedAt is not null;
}

/// <summary>A member of staff confirming they have read an agreed version of a plan (as with guidelines, §7.5).</summary>
public class PlanReading : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid PlanId { get; set; }
    public int VersionNumber { get; set; }
    public Guid UserId { get; set; }
    public DateTime At { get; set; }
}

/// <summary>A review of a plan in place: what was found, and what happens next.</summary>
public class PlanReview : ITenantOwned
{
    public const int NotesMaxLength = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid PlanId { get; set; }
    public DateOnly ReviewedOn { get; set; }
    public PlanReviewOutcome Outcome { get; set; }
    public required string Notes { get; set; }
    /// <summary>The next review, for a plan kept or changed; null when the review closed it.</summary>
    public DateOnly? NextReviewDate { get; set; }
    public DateTime RecordedAt { get; set; }
    public Guid RecordedById { get; set; }
}

public enum PlanReviewOutcome
{
    [Display(Name = "Keep the plan as it is")] Keep = 1,
    [Display(Name = "Change the plan")] Change = 2,
    [Display(Name = "Close the plan")] Close = 3,
}

/// <summary>
/// What happened at one planned stage of a staged plan (a positive risk-taking plan's progression, a
/// reduction plan's steps), recorded as it is taken, so support visibly reduces as independence grows.
/// Kept for good; a stage may be recorded again (tried again after stepping back).
/// </summary>
public class StageOutcome : ITenantOwned
{
    public const int NotesMaxLength = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid PlanId { get; set; }
    /// <summary>The stage's id in the plan's content (stable across versions).</summary>
    public Guid StageId { get; set; }
    /// <summary>The plan version the stage belonged to when it was taken.</summary>
    public int VersionNumber { get; set; }
    public DateOnly TakenOn { get; set; }
    public StageResult Result { get; set; }
    public required string Notes { get; set; }
    public DateTime RecordedAt { get; set; }
    public Guid RecordedById { get; set; }
}

public enum StageResult
{
    [Display(Name = "Achieved")] Achieved = 1,
    [Display(Name = "Partly achieved")] PartlyAchieved = 2,
    [Display(Name = "Not achieved: stepped back")] SteppedBack = 3,
}
