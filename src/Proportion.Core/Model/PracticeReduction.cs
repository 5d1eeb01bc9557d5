using System.ComponentModel.DataAnnotations;

namespace Proportion.Core.Model;

/// <summary>
/// A reduction achieved through a restriction reduction plan: a practice ended, or its hours or scope
/// reduced, by a step of the plan taken and achieved (positive risk-taking guidance, R19). Written in the
/// step's own transaction, so the charts and the organisation picture count reductions from this table
/// and never read plan content. Kept for good; the manager confirms here that the care plan held outside
/// Proportion reflects the change.
/// </summary>
public class PracticeReduction : ITenantOwned
{
    public const int WhatChangedMaxLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid ServiceId { get; set; }
    public Guid PersonId { get; set; }
    public Guid PracticeId { get; set; }
    public Guid PlanId { get; set; }
    /// <summary>The step's id in the plan's content.</summary>
    public Guid StageId { get; set; }
    public Guid StageOutcomeId { get; set; }
    public ReductionKind Kind { get; set; }
    /// <summary>The day the step was taken.</summary>
    public DateOnly AchievedOn { get; set; }
    /// <summary>What the practice was, and what it became, as people read it.</summary>
    public required string WhatChanged { get; set; }
    public DateTime RecordedAt { get; set; }
    public Guid RecordedById { get; set; }
    /// <summary>The manager confirmed the care plan held outside Proportion reflects the change.</summary>
    public DateTime? CarePlanConfirmedAt { get; set; }
    public Guid? CarePlanConfirmedById { get; set; }
}

/// <summary>What a reduction achieved: the practice ended, or its scope or hours reduced.</summary>
public enum ReductionKind
{
    [Display(Name = "Practice ended")] Ended = 1,
    [Display(Name = "Scope reduced")] ScopeReduced = 2,
    [Display(Name = "Hours reduced")] HoursReduced = 3,
}
