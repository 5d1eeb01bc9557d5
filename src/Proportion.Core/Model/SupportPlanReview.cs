using System.ComponentModel.DataAnnotations;

namespace Proportion.Core.Model;

/// <summary>
/// An outcome-focused review of a support plan (R20; Practical approaches to safeguarding and personalisation,
/// "Outcomes review"): what is working and what is not for the person, whether each outcome they want is met,
/// and whether the resources, support or controls change. One per <see cref="PlanReview"/> of a support plan,
/// written in the same transaction; kept for good.
/// </summary>
public class SupportPlanReview : ITenantOwned
{
    public const int TextMaxLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid PlanId { get; set; }
    public Guid PlanReviewId { get; set; }
    public required string WhatIsWorking { get; set; }
    public required string WhatIsNotWorking { get; set; }
    /// <summary>What changes: the resources, the support, the controls; none when nothing changes.</summary>
    public SupportChanges Changes { get; set; }
    public string? WhatChanges { get; set; }
    /// <summary>Each outcome of the agreed version, as worded then, and whether it is met.</summary>
    public List<SupportOutcomeReview> Outcomes { get; set; } = [];
    public DateTime RecordedAt { get; set; }
    public Guid RecordedById { get; set; }
}

/// <summary>Whether one outcome the person wants is met, at a review. Part of its <see cref="SupportPlanReview"/>.</summary>
public class SupportOutcomeReview
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The outcome's id in the plan's content (the same across versions).</summary>
    public Guid OutcomeId { get; set; }
    /// <summary>The outcome in the person's words, as the reviewed version put it.</summary>
    public required string Outcome { get; set; }
    public OutcomesMet Met { get; set; }
}

/// <summary>What a review of a support plan changes (the guidance: "changes can be made to the resources, support or controls").</summary>
[Flags]
public enum SupportChanges
{
    None = 0,
    [Display(Name = "The resources: the personal budget, or how it is managed")] Resources = 1,
    [Display(Name = "The support")] Support = 2,
    [Display(Name = "The controls: the checks on how the money is spent and the support is given")] Controls = 4,
}
