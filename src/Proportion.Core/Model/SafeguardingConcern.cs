using System.ComponentModel.DataAnnotations;

namespace Proportion.Core.Model;

/// <summary>
/// A safeguarding concern about an adult (Care Act 2014 s.42; Making Safeguarding Personal; docs/rules.md R20).
/// A provider's staff raise it and send it to the safeguarding adults team of the council for the area the
/// person lives in; the council decides whether a s.42 enquiry is needed, makes a safety plan with the person,
/// reviews it and closes it, asking the person whether the outcomes they wanted were met.
/// The person stays in control: their consent is sought first, their outcomes are recorded in their words
/// at the start, advocacy is offered and an independent advocate arranged where the Care Act requires one.
/// The most sensitive records in the system: only named roles read them, every view is logged, the alleged
/// source of harm never sees them, and staff who raised one see only that it was received.
/// Once sent, what was raised is never changed in place; the council's steps are added to it.
/// </summary>
public class SafeguardingConcern : ITenantOwned, IVersioned
{
    public const int ShortMaxLength = 200;
    public const int TextMaxLength = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The provider whose staff raised it; the person's organisation.</summary>
    public Guid OrganisationId { get; set; }
    public Guid ServiceId { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    /// <summary>The council whose safeguarding adults team receives it: the council for the area the service is in (s.42 "in its area").</summary>
    public Guid CouncilId { get; set; }

    // Who it is about, as the referral said at the time: the council's team sees these, never the person's whole record.
    public required string PersonName { get; set; }
    public DateOnly PersonDateOfBirth { get; set; }
    public required string ServiceName { get; set; }
    public required string ProviderName { get; set; }

    // Where the worry arose.
    public ConcernSource Source { get; set; }
    /// <summary>The incident it arose from, when it did (an allegation of abuse on an incident prompts one).</summary>
    public Guid? IncidentId { get; set; }
    /// <summary>The practice review it arose from, when it did.</summary>
    public Guid? ReviewId { get; set; }

    // What happened.
    public HarmKinds Kinds { get; set; }
    /// <summary>What was seen or said, in the words used.</summary>
    public string? WhatHappened { get; set; }
    /// <summary>When it happened or was noticed, if known.</summary>
    public DateTime? HappenedAt { get; set; }
    public AllegedSourceKind? AllegedSourceKind { get; set; }
    /// <summary>Who may have caused the harm, in a few words ("a visitor", "a member of night staff").</summary>
    public string? AllegedSource { get; set; }
    /// <summary>The user account of the alleged source when they use Proportion: they never see the concern.</summary>
    public Guid? AllegedSourceUserId { get; set; }
    /// <summary>What was done straight away to keep the person and others safe.</summary>
    public string? ImmediateAction { get; set; }

    // The person's consent and voice (Making Safeguarding Personal).
    public ConsentAnswer? Consent { get; set; }
    /// <summary>Why it goes ahead without consent: only reasons the law accepts.</summary>
    public ProceedWithoutConsent ProceedReasons { get; set; }
    public string? ProceedExplanation { get; set; }
    /// <summary>When the person lacks capacity to consent: who made the best-interests decision to go ahead, and why (MCA s.4).</summary>
    public string? BestInterestsDecision { get; set; }
    /// <summary>Whether the person has been told it goes ahead without their consent.</summary>
    public bool? PersonTold { get; set; }
    /// <summary>How and when they were told; or, when not yet, why telling them now would put them or others at greater risk.</summary>
    public string? PersonToldNote { get; set; }
    /// <summary>The outcomes the person wants, in their words, recorded at the start.</summary>
    public string? OutcomesWanted { get; set; }
    /// <summary>How the person wants to take part: meetings, a phone call, through someone they trust.</summary>
    public string? HowPersonTakesPart { get; set; }

    // Advocacy (Care Act s.68).
    public bool? AdvocacyOffered { get; set; }
    /// <summary>Whether the person would have substantial difficulty being involved (s.68(4)).</summary>
    public bool? SubstantialDifficulty { get; set; }
    /// <summary>An appropriate person (not paid to care for them) to support their involvement, if there is one (s.68(5)).</summary>
    public string? AppropriatePerson { get; set; }
    /// <summary>The independent advocate arranged, when one is.</summary>
    public string? AdvocateName { get; set; }

    public SafeguardingStatus Status { get; set; } = SafeguardingStatus.Draft;
    public Guid RaisedById { get; set; }
    public DateTime RaisedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public Guid? SentById { get; set; }

    // The council's steps.
    public DateTime? ReceivedAt { get; set; }
    public Guid? ReceivedById { get; set; }
    /// <summary>Whether a s.42 enquiry is needed.</summary>
    public bool? EnquiryNeeded { get; set; }
    /// <summary>Why, for the council's record; not shown to the provider.</summary>
    public string? DecisionReason { get; set; }
    /// <summary>Who makes enquiries when one is needed: the council itself or, at its request, the provider.</summary>
    public EnquiryBy? EnquiryBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public Guid? DecidedById { get; set; }
    /// <summary>The safety or protection plan made with the person.</summary>
    public string? SafetyPlan { get; set; }
    /// <summary>How the person took part in making the plan.</summary>
    public string? PlanMadeWithPerson { get; set; }
    public DateOnly? PlanReviewOn { get; set; }

    // Closure: the person is asked whether their outcomes were met.
    public OutcomesMet? OutcomesMet { get; set; }
    /// <summary>The person's own words at closure; or why they could not or chose not to say.</summary>
    public string? PersonsViewAtClosure { get; set; }
    public string? ClosureReason { get; set; }
    public DateTime? ClosedAt { get; set; }
    public Guid? ClosedById { get; set; }
    public int Version { get; set; } = 1;

    public List<SafeguardingAction> Actions { get; set; } = [];
    public List<SafeguardingReview> Reviews { get; set; } = [];
}

/// <summary>Where the worry arose.</summary>
public enum ConcernSource
{
    [Display(Name = "An incident")] Incident = 1,
    [Display(Name = "A review")] Review = 2,
    [Display(Name = "A visit")] Visit = 3,
    [Display(Name = "A phone call")] PhoneCall = 4,
    [Display(Name = "The person told us")] PersonToldUs = 5,
    [Display(Name = "Something staff saw or heard")] Observed = 6,
    [Display(Name = "Somewhere else")] Other = 7,
}

/// <summary>The kinds of abuse and neglect of the Care and Support Statutory Guidance (14.17).</summary>
[Flags]
public enum HarmKinds
{
    None = 0,
    [Display(Name = "Physical abuse")] Physical = 1,
    [Display(Name = "Sexual abuse")] Sexual = 2,
    [Display(Name = "Psychological or emotional abuse")] Psychological = 4,
    [Display(Name = "Financial or material abuse")] Financial = 8,
    [Display(Name = "Neglect or acts of omission")] Neglect = 16,
    [Display(Name = "Discriminatory abuse")] Discriminatory = 32,
    [Display(Name = "Organisational abuse")] Organisational = 64,
    [Display(Name = "Domestic abuse")] DomesticAbuse = 128,
    [Display(Name = "Modern slavery")] ModernSlavery = 256,
    [Display(Name = "Self-neglect")] SelfNeglect = 512,
}

public enum AllegedSourceKind
{
    [Display(Name = "A member of staff")] Staff = 1,
    [Display(Name = "Another person who uses the service")] AnotherPerson = 2,
    [Display(Name = "A family member, friend or partner")] FamilyOrFriend = 3,
    [Display(Name = "Someone else they know")] SomeoneKnown = 4,
    [Display(Name = "A stranger")] Stranger = 5,
    [Display(Name = "An organisation")] Organisation = 6,
    [Display(Name = "Not known")] NotKnown = 7,
}

/// <summary>Whether the person agreed to the safeguarding procedure starting.</summary>
public enum ConsentAnswer
{
    [Display(Name = "Yes, they agreed")] Given = 1,
    [Display(Name = "No, they did not agree")] Refused = 2,
    [Display(Name = "They could not be asked, or lack capacity to decide")] NotAbleToConsent = 3,
}

/// <summary>The reasons the law accepts for going ahead without the person's consent.</summary>
[Flags]
public enum ProceedWithoutConsent
{
    None = 0,
    [Display(Name = "Other people are at risk")] OthersAtRisk = 1,
    [Display(Name = "The person may die or be seriously injured")] RiskOfDeathOrSeriousInjury = 2,
    [Display(Name = "A crime may have been committed, or it is in the public interest")] CrimeOrPublicInterest = 4,
    [Display(Name = "The person may be under coercion or undue influence")] Coercion = 8,
    [Display(Name = "Staff or a service are implicated")] StaffImplicated = 16,
    [Display(Name = "The person lacks capacity to consent, and it is in their best interests")] LacksCapacity = 32,
}

public enum SafeguardingStatus
{
    /// <summary>Being written; not yet sent to the council.</summary>
    [Display(Name = "Not sent yet")] Draft = 1,
    [Display(Name = "Sent to the council")] Sent = 2,
    [Display(Name = "Received by the council")] Received = 3,
    [Display(Name = "Enquiry under way")] Enquiry = 4,
    [Display(Name = "No enquiry needed")] NoEnquiry = 5,
    [Display(Name = "Closed")] Closed = 6,
}

/// <summary>Who makes enquiries under s.42(2): the council, or another body it asks (usually the provider).</summary>
public enum EnquiryBy
{
    [Display(Name = "The council")] Council = 1,
    [Display(Name = "The provider, at the council's request")] Provider = 2,
    [Display(Name = "Another organisation, such as the police or the NHS")] OtherOrganisation = 3,
}

public enum OutcomesMet
{
    [Display(Name = "Fully met")] Fully = 1,
    [Display(Name = "Partly met")] Partly = 2,
    [Display(Name = "Not met")] NotMet = 3,
    [Display(Name = "The person could not or chose not to say")] NotExpressed = 4,
}

/// <summary>Who an action of the safety plan belongs to; the provider sees its own actions and no others.</summary>
public enum ActionOwner
{
    [Display(Name = "The council")] Council = 1,
    [Display(Name = "The provider")] Provider = 2,
    [Display(Name = "The person")] Person = 3,
    [Display(Name = "Another organisation")] OtherOrganisation = 4,
}

/// <summary>An action of the safety or protection plan: what, whose, by when, until done.</summary>
public class SafeguardingAction : ITenantOwned, IVersioned
{
    public const int WhatMaxLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The concern's provider organisation.</summary>
    public Guid OrganisationId { get; set; }
    public Guid ConcernId { get; set; }
    public required string What { get; set; }
    public ActionOwner Owner { get; set; }
    /// <summary>Who in particular, in a few words ("the person's sister", "Northshire police").</summary>
    public string? OwnerName { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTime? DoneAt { get; set; }
    public Guid? DoneById { get; set; }
    public string? DoneNote { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid CreatedById { get; set; }
    public int Version { get; set; } = 1;
}

/// <summary>A review of the safety plan: how it is going for the person, and when it is next looked at.</summary>
public class SafeguardingReview : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid ConcernId { get; set; }
    public DateTime ReviewedAt { get; set; }
    public Guid ReviewedById { get; set; }
    /// <summary>What the person says about how safe they feel and how the plan is working.</summary>
    public required string PersonsView { get; set; }
    public required string Notes { get; set; }
    public DateOnly? NextReviewOn { get; set; }
}
