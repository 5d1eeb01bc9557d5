using System.ComponentModel.DataAnnotations;

namespace Proportion.Core.Model;

/// <summary>
/// One potentially restrictive practice in place for a person: a line of their register (form RP1).
/// Ongoing arrangements (a locked door, a sensor mat) count as much as reactive interventions (§1).
/// </summary>
public class RestrictivePractice : ITenantOwned, IVersioned
{
    public const int DescriptionMaxLength = 2000;
    public const int ReasonMaxLength = 2000;
    public const int RestrictedThingInOwnWordsMaxLength = 100;
    public const int SameRestrictionKeyMaxLength = 120;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    /// <summary>The service where the practice is in place; copied from the person so service lists need no join.</summary>
    public Guid ServiceId { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public PracticeCategory Category { get; set; }
    /// <summary>What it is, in plain words: "Front door kept locked; key code not shared with Sam".</summary>
    public required string Description { get; set; }
    public PracticeKind Kind { get; set; }

    /// <summary>
    /// R12: what the practice restricts, so the same restriction can be found across a service. Null for
    /// practices recorded before this was asked: unknown, and never counted as "the same" as anything.
    /// </summary>
    public RestrictedThing? RestrictedThing { get; set; }
    /// <summary>What it restricts in the manager's own words, when <see cref="RestrictedThing"/> is "Something else".</summary>
    public string? RestrictedThingInOwnWords { get; set; }
    /// <summary>
    /// R12: the comparison key written with the two fields above (<see cref="Rules.BlanketRule.SameRestrictionKey"/>),
    /// so the database can count people with the same restriction without reading anyone's record.
    /// </summary>
    public string? SameRestrictionKey { get; set; }

    /// <summary>What it restricts as people read it; null when it was never recorded (show "Not recorded").</summary>
    public string? WhatItRestricts() => RestrictedThing switch
    {
        null => null,
        Model.RestrictedThing.SomethingElse => RestrictedThingInOwnWords,
        { } listed => EnumNames.Of(listed),
    };

    public PracticeStatus Status { get; set; }
    /// <summary>
    /// The day the practice started: the day it was agreed (RP2), set when it is agreed. A proposal has not
    /// started: it holds the day it was proposed, which no page shows (<see cref="StartedOn"/>).
    /// </summary>
    public DateOnly StartDate { get; set; }
    /// <summary>Set when the practice is agreed (R1); a proposal may carry a suggested one.</summary>
    public DateOnly? ReviewDate { get; set; }
    /// <summary>Why the practice was proposed: the risk it is meant to manage.</summary>
    public string? ProposalReason { get; set; }
    /// <summary>
    /// R18: the day a completed review last considered reducing or ending the practice. Kept on the
    /// practice, by the review that sets it, so finding practices never considered for reduction reads
    /// one table instead of asking every practice about its reviews.
    /// </summary>
    public DateOnly? ReductionConsideredOn { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? EndReason { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid CreatedById { get; set; }
    public int Version { get; set; } = 1;

    /// <summary>In place (RP1's total): agreed, or agreed and now under review. A proposal is not in place until agreed.</summary>
    public bool IsInPlace => Status is PracticeStatus.Agreed or PracticeStatus.UnderReview;

    /// <summary>The start date to show: none for a proposal, whatever the row holds.</summary>
    public DateOnly? StartedOn => Status == PracticeStatus.Proposed ? null : StartDate;

    /// <summary>The start date as every page shows it: "Not started" for a proposal.</summary>
    public static string StartText(PracticeStatus status, DateOnly? startDate) =>
        status == PracticeStatus.Proposed ? "Not started" : UkTime.Format(startDate, "Not recorded");
}

/// <summary>
/// Categories of restrictive practice: the restrictive interventions of Positive and Proactive Care
/// (Department of Health, 2014), with chemical restraint for its rapid tranquillisation (the NDIS
/// regulated restrictive practices define these first five most sharply); then the wider practices
/// CQC's 2023 policy position on restrictive practice counts as restrictive (docs/rules.md).
/// </summary>
public enum PracticeCategory
{
    [Display(Name = "Physical restraint")] PhysicalRestraint = 1,
    [Display(Name = "Mechanical restraint")] MechanicalRestraint = 2,
    [Display(Name = "Chemical restraint")] ChemicalRestraint = 3,
    [Display(Name = "Seclusion")] Seclusion = 4,
    [Display(Name = "Environmental restraint")] EnvironmentalRestraint = 5,
    [Display(Name = "Long-term segregation")] LongTermSegregation = 6,
    [Display(Name = "Surveillance and monitoring")] SurveillanceAndMonitoring = 7,
    [Display(Name = "Restriction of choice or rules")] RestrictionOfChoice = 8,
    [Display(Name = "Enforced supervision levels")] EnforcedSupervision = 9,
    [Display(Name = "Covert medication")] CovertMedication = 10,
}

/// <summary>
/// R12: what a practice restricts, in a short list of the things most often restricted for everyone in a
/// home (where blanket rules arise), with "Something else" for the rest, said in the manager's own words.
/// The list is the same for every category; the category is part of "the same restriction" too.
/// </summary>
public enum RestrictedThing
{
    [Display(Name = "The front door or other ways out")] FrontDoor = 1,
    [Display(Name = "The kitchen")] Kitchen = 2,
    [Display(Name = "The garden or outside space")] OutsideSpace = 3,
    [Display(Name = "Food or drink")] FoodOrDrink = 4,
    [Display(Name = "Money")] Money = 5,
    [Display(Name = "Internet, phone or devices")] InternetOrPhone = 6,
    [Display(Name = "Going out")] GoingOut = 7,
    [Display(Name = "Visitors")] Visitors = 8,
    [Display(Name = "Daily routines (getting up, meals, going to bed)")] DailyRoutines = 9,
    [Display(Name = "Smoking or alcohol")] SmokingOrAlcohol = 10,
    [Display(Name = "Getting out of bed")] GettingOutOfBed = 11,
    [Display(Name = "Something else")] SomethingElse = 99,
}

/// <summary>Planned practices are agreed in advance and written into guidelines; reactive ones are unforeseen (§9.2).</summary>
public enum PracticeKind
{
    [Display(Name = "Planned")] Planned = 1,
    [Display(Name = "Reactive")] Reactive = 2,
}

public enum PracticeStatus
{
    [Display(Name = "Proposed")] Proposed = 1,
    [Display(Name = "Agreed")] Agreed = 2,
    [Display(Name = "Under review")] UnderReview = 3,
    [Display(Name = "Ended")] Ended = 4,
}
