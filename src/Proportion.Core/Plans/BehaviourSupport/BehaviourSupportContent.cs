namespace Proportion.Core.Plans.BehaviourSupport;

/// <summary>
/// A positive behaviour support plan (Positive and Proactive Care): what the behaviour communicates,
/// prevention first, responses to early warning signs, reactive strategies that use only agreed practices,
/// and support after an incident (rule R25).
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
    /// <summary>The reactive strategies use no restrictive practice at all (so none need be chosen).</summary>
    public bool NoRestrictivePractice { get; init; }
    public string? SupportAfterAnIncident { get; init; }
    /// <summary>The incidents that informed the plan: what was learned from them.</summary>
    public List<Guid> IncidentIds { get; init; } = [];

    /// <summary>The longest any one part may be.</summary>
    public const int TextMaxLength = 4000;

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
