namespace Proportion.Core.Plans.BehaviourSupport;

/// <summary>
/// A positive behaviour support plan (Positive and Proactive Care): what the behaviour communicates,
/// prevention first, responses to early warning signs, reactive strategies that use only agreed practices,
/// and support after an incident.
/// </summary>
public sealed record BehaviourSupportContent : IPlanContent
{
    public string? WhatTheBehaviourCommunicates { get; init; }
    public string? PreventionEnvironment { get; init; }
    public string? PreventionActivity { get; init; }
    public string? PreventionSkills { get; init; }
    public string? EarlyWarningResponses { get; init; }
    public string? ReactiveStrategies { get; init; }
    /// <summary>The agreed practices the reactive strategies may use; nothing else may be used.</summary>
    public List<Guid> ReactivePracticeIds { get; init; } = [];
    public string? SupportAfterAnIncident { get; init; }

    public IEnumerable<PlanSection> Sections() =>
    [
        PlanContents.Section("What the behaviour tells us", WhatTheBehaviourCommunicates),
        PlanContents.Section("Keeping things calm: the place around me", PreventionEnvironment),
        PlanContents.Section("Keeping things calm: what I do", PreventionActivity),
        PlanContents.Section("Keeping things calm: skills I am learning", PreventionSkills),
        PlanContents.Section("When I start to become distressed", EarlyWarningResponses),
        PlanContents.Section("If I am in crisis", ReactiveStrategies),
        PlanContents.Section("After a difficult time", SupportAfterAnIncident),
    ];
}
