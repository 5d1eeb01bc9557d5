using System.ComponentModel.DataAnnotations;
using Proportion.Core.Model;

namespace Proportion.Core.Plans.Reduction;

/// <summary>
/// A plan to reduce or end one restrictive practice, step by step (positive risk-taking guidance; §3.4,
/// §7.4): the original restriction, why it can change, staged steps with success criteria, safeguards,
/// review arrangements, co-production, and the proportionality and safeguarding assessments it needs.
/// </summary>
public sealed record ReductionContent : IPlanContent
{
    /// <summary>The restriction as it was when the plan started, copied from the practice.</summary>
    public string? OriginalRestriction { get; init; }
    public string? RationaleForChange { get; init; }
    /// <summary>The steps, in order; each says what it changes about the practice when achieved.</summary>
    public List<ReductionStep> Stages { get; init; } = [];
    public string? Safeguards { get; init; }
    public string? ReviewArrangements { get; init; }
    public string? CoProduction { get; init; }
    public string? ProportionalityAssessment { get; init; }
    public string? SafeguardingAssessment { get; init; }

    public IEnumerable<PlanSection> Sections() =>
    [
        PlanContents.Section("What happens now", OriginalRestriction),
        PlanContents.Section("Why it can change", RationaleForChange),
        new PlanSection("The steps", null, [.. Stages.Select((s, i) => $"Step {i + 1}: {s.Description}{(s.PlannedOn is { } on ? $" (from {UkTime.Format(on)})" : "")}. {s.WhatChanges()}")]),
        PlanContents.Section("What keeps me safe", Safeguards),
        PlanContents.Section("How we check it is working", ReviewArrangements),
        PlanContents.Section("Who made this plan", CoProduction),
    ];
}

/// <summary>
/// One step of a reduction plan: what happens, from when, how everyone will know it worked, and what it
/// changes about the practice once achieved. Its id stays the same across versions, like every plan stage.
/// </summary>
public sealed record ReductionStep
{
    public const int TextMaxLength = 2000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string Description { get; init; } = "";
    public DateOnly? PlannedOn { get; init; }
    public string? SuccessCriteria { get; init; }
    /// <summary>The support in place at this step, so support visibly lessens step by step.</summary>
    public string? Support { get; init; }
    public StepChange? Change { get; init; }
    /// <summary>For a narrowing or fewer hours: the practice as it will read on the register.</summary>
    public string? NewDescription { get; init; }
    /// <summary>For a narrowing or fewer hours: when it may be used, as staff will read it in the guidelines.</summary>
    public string? NewWhenMayBeUsed { get; init; }
    /// <summary>For a narrowing or fewer hours: when it must not be used; the guidelines in force are kept when blank.</summary>
    public string? NewWhenMustNotBeUsed { get; init; }

    public bool ChangesThePractice => Change is StepChange.EndPractice or StepChange.NarrowScope or StepChange.ReduceHours;

    /// <summary>What the step does to the practice, in a sentence.</summary>
    public string WhatChanges() => Change switch
    {
        StepChange.EndPractice => "The practice ends.",
        StepChange.NarrowScope => $"The practice becomes: {NewDescription}",
        StepChange.ReduceHours => $"The practice is used for fewer hours: {NewDescription}",
        StepChange.NoChange => "The practice stays as it is while this step is tried.",
        _ => "",
    };
}

/// <summary>What a step of a reduction plan changes about the practice when it is achieved.</summary>
public enum StepChange
{
    [Display(Name = "End the practice")] EndPractice = 1,
    [Display(Name = "Narrow when it may be used")] NarrowScope = 2,
    [Display(Name = "Use it for fewer hours")] ReduceHours = 3,
    [Display(Name = "Nothing yet: the practice stays as it is")] NoChange = 4,
}
