using System.ComponentModel.DataAnnotations;
using Proportion.Core.Rules;

namespace Proportion.Core.Model;

/// <summary>
/// A complex or contested decision referred to a risk review panel (the risk enablement panels of the
/// safeguarding and personalisation guidance; the positive risk-taking guidance on shared decision-making):
/// about a person, and optionally one of their plans, practices or decisions. The panel meets, decides
/// with reasons and any dissent, and sets actions and a review date. Once recorded the decision is never
/// changed: a correction is a <see cref="PanelAmendment"/> kept beside it (docs/rules.md R26).
/// </summary>
public class PanelReferral : ITenantOwned, IVersioned
{
    public const int ShortMaxLength = 200;
    public const int TextMaxLength = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    /// <summary>The person's service, copied so the consistency view groups by service without a join.</summary>
    public Guid ServiceId { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    /// <summary>
    /// The provider's own risk review panel, or the funding council's risk enablement panel (Practical approaches to safeguarding and personalisation), whose
    /// decision a social worker of that council records. Both keep the same records.
    /// </summary>
    public PanelKind Kind { get; set; } = PanelKind.RiskReview;
    /// <summary>The plan the referral is about, if any.</summary>
    public Guid? PlanId { get; set; }
    /// <summary>The restrictive practice the referral is about, if any.</summary>
    public Guid? PracticeId { get; set; }
    /// <summary>The practice's decision (RP2) the referral is about, if any.</summary>
    public Guid? DecisionId { get; set; }
    /// <summary>The risk in the person's risk assessment the referral is about (its id is stable across versions).</summary>
    public Guid? RiskId { get; set; }
    /// <summary>How high the risk stands with what reduces it in place, when the referral is about a risk.</summary>
    public RiskBand? Band { get; set; }
    public PanelReason Reason { get; set; }
    /// <summary>The reason in a few words, when it is none of the usual ones.</summary>
    public string? OtherReason { get; set; }
    /// <summary>What the panel is asked to decide.</summary>
    public required string Question { get; set; }
    /// <summary>The evidence put to the panel; the records named above are linked from the referral.</summary>
    public required string Evidence { get; set; }
    public Guid ReferredById { get; set; }
    public DateTime ReferredAt { get; set; }
    public PanelStatus Status { get; set; } = PanelStatus.Referred;

    // The meeting and its decision, recorded once.
    public DateOnly? MeetingOn { get; set; }
    public bool PersonAttended { get; set; }
    public bool FamilyAttended { get; set; }
    public bool AdvocateAttended { get; set; }
    /// <summary>How the person's view was heard: in person, through an advocate, a recording, their words read out.</summary>
    public string? PersonsView { get; set; }
    /// <summary>A risk enablement panel: whether the person agreed to the family and advocates who attended.</summary>
    public AttendanceAgreement? OthersAttendance { get; set; }
    /// <summary>Who the person agreed may attend, or the best-interests decision about it when they could not decide.</summary>
    public string? AttendanceNote { get; set; }
    /// <summary>A risk enablement panel: who shares responsibility for the risk, by name and role.</summary>
    public string? SharedResponsibility { get; set; }
    public PanelOutcome? Outcome { get; set; }
    public string? Decision { get; set; }
    public string? Reasons { get; set; }
    /// <summary>When the panel looks at it again.</summary>
    public DateOnly? ReviewOn { get; set; }
    public Guid? DecidedById { get; set; }
    public DateTime? DecidedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public Guid? ClosedById { get; set; }
    public int Version { get; set; } = 1;

    public List<PanelMember> Members { get; set; } = [];
    public List<PanelAction> Actions { get; set; } = [];
    public List<PanelAmendment> Amendments { get; set; } = [];

    /// <summary>The reason in words: the usual one's name, or what the referrer wrote.</summary>
    public string ReasonText => Reason == PanelReason.Other && !string.IsNullOrWhiteSpace(OtherReason) ? OtherReason! : EnumNames.Of(Reason);

    /// <summary>"risk review panel" or "risk enablement panel", for sentences.</summary>
    public string KindText => PanelKinds.Describe(Kind);
}

/// <summary>Which panel a referral goes to.</summary>
public enum PanelKind
{
    /// <summary>The provider's own panel: a senior manager records the decision (R26).</summary>
    [Display(Name = "Risk review panel")] RiskReview = 1,
    /// <summary>The funding council's panel: a social worker of that council records the decision (R20, tools for risky choices).</summary>
    [Display(Name = "The council's risk enablement panel")] RiskEnablement = 2,
}

public static class PanelKinds
{
    public static string Describe(PanelKind kind) => kind == PanelKind.RiskEnablement ? "risk enablement panel" : "risk review panel";
}

/// <summary>Whether family and advocates attended a risk enablement panel with the person's agreement.</summary>
public enum AttendanceAgreement
{
    [Display(Name = "The person agreed to them attending")] PersonAgreed = 1,
    [Display(Name = "The person did not agree")] PersonDidNotAgree = 2,
    /// <summary>The person lacks capacity to decide who attends: decided in their best interests (MCA s.4), with the note.</summary>
    [Display(Name = "The person cannot decide who attends: decided in their best interests")] BestInterests = 3,
}

public enum PanelReason
{
    [Display(Name = "A plan with high residual risk")] HighResidualRisk = 1,
    [Display(Name = "The person, family and staff disagree")] Disagreement = 2,
    [Display(Name = "A restriction the manager will not agree")] RestrictionNotAgreed = 3,
    [Display(Name = "Something else")] Other = 4,
}

public enum PanelStatus
{
    [Display(Name = "Waiting for the panel")] Referred = 1,
    [Display(Name = "Decided")] Decided = 2,
    [Display(Name = "Closed")] Closed = 3,
}

/// <summary>What the panel decided about the person's choice.</summary>
public enum PanelOutcome
{
    [Display(Name = "Supported the person's choice")] Supported = 1,
    [Display(Name = "Supported it with changes")] SupportedWithChanges = 2,
    [Display(Name = "Did not support it")] NotSupported = 3,
}

/// <summary>A member of the panel at its meeting, with their discipline or role and any dissent from the decision.</summary>
public class PanelMember : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid ReferralId { get; set; }
    public required string Name { get; set; }
    /// <summary>"Service manager", "Social worker", "Occupational therapist", "Advocate".</summary>
    public required string Discipline { get; set; }
    /// <summary>Their view, when they did not agree with the decision; null when they agreed.</summary>
    public string? Dissent { get; set; }
}

/// <summary>An action the panel set: what, who (a user of the organisation) and by when, until recorded as done.</summary>
public class PanelAction : ITenantOwned, IVersioned
{
    public const int WhatMaxLength = 1000;
    public const int NoteMaxLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid ReferralId { get; set; }
    public required string What { get; set; }
    public Guid AssignedToId { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTime? DoneAt { get; set; }
    public Guid? DoneById { get; set; }
    public string? DoneNote { get; set; }
    public int Version { get; set; } = 1;

    public bool IsDone => DoneAt is not null;
}

/// <summary>A correction to a recorded panel decision: the original stays, and the record shows both.</summary>
public class PanelAmendment : ITenantOwned
{
    public const int ReasonMaxLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid ReferralId { get; set; }
    /// <summary>The part corrected, from <see cref="Amendable"/>.</summary>
    public required string Part { get; set; }
    public string? Previous { get; set; }
    public required string Corrected { get; set; }
    public required string Reason { get; set; }
    public Guid AmendedById { get; set; }
    public DateTime AmendedAt { get; set; }

    /// <summary>The parts of a decision that may be corrected, with the names people know them by.</summary>
    public static readonly IReadOnlyDictionary<string, string> Amendable = new Dictionary<string, string>
    {
        [nameof(PanelReferral.Decision)] = "The decision",
        [nameof(PanelReferral.Reasons)] = "The reasons",
        [nameof(PanelReferral.PersonsView)] = "How the person's view was heard",
        [nameof(PanelReferral.SharedResponsibility)] = "Who shares responsibility for the risk",
        [nameof(PanelReferral.MeetingOn)] = "The date of the meeting",
        [nameof(PanelReferral.ReviewOn)] = "The review date",
    };

    /// <summary>The parts a kind of panel's decision has: who shares responsibility is a risk enablement panel's.</summary>
    public static IEnumerable<KeyValuePair<string, string>> AmendableFor(PanelKind kind) =>
        Amendable.Where(p => kind == PanelKind.RiskEnablement || p.Key != nameof(PanelReferral.SharedResponsibility));
}
