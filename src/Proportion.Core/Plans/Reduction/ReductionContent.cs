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
    public List<PlanStage> Stages { get; init; } = [];
    public string? Safeguards { get; init; }
    public string? ReviewArrangements { get; init; }
    public string? CoProduction { get; init; }
    public string? ProportionalityAssessment { get; init; }
    public string? SafeguardingAssessment { get; init; }

    public IEnumerable<PlanSection> Sections() =>
    [
        PlanContents.Section("What happens now", OriginalRestriction),
        PlanContents.Section("Why it can change", RationaleForChange),
        new PlanSection("The steps", null, [.. Stages.Select(s => s.PlannedOn is { } on ? $"{s.Description} (from {Model.UkTime.Format(on)})" : s.Description)]),
        PlanContents.Section("What keeps me safe", Safeguards),
        PlanContents.Section("How we check it is working", ReviewArrangements),
        PlanContents.Section("Who made this plan", CoProduction),
    ];
}
