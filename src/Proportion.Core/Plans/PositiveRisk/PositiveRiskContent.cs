namespace Proportion.Core.Plans.PositiveRisk;

/// <summary>
/// A positive risk-taking plan for an activity the person wants to do (positive risk-taking guidance):
/// the risks, the agreed safeguards, the person's views, check-ins and escalation, a contingency plan,
/// review timescales, the person's understanding, and staged progression.
/// </summary>
public sealed record PositiveRiskContent : IPlanContent
{
    public string? WhatThePersonWantsToDo { get; init; }
    public string? PersonsViews { get; init; }
    public List<PlanRisk> Risks { get; init; } = [];
    public string? EscalationAndCheckIns { get; init; }
    public string? Contingency { get; init; }
    public string? ReviewTimescales { get; init; }
    /// <summary>True when the person confirmed they understand the arrangements and the risks.</summary>
    public bool? PersonUnderstands { get; init; }
    public string? HowUnderstandingWasConfirmed { get; init; }
    public string? WhyUnderstandingWasNotPossible { get; init; }
    public string? HowThePersonWasSupportedToUnderstand { get; init; }
    public List<PlanStage> Stages { get; init; } = [];

    public IEnumerable<PlanSection> Sections() =>
    [
        PlanContents.Section("What I want to do", WhatThePersonWantsToDo),
        PlanContents.Section("What I think", PersonsViews),
        new PlanSection("The risks and how we keep them small", null, [.. Risks.Select(r => $"{r.Description}: {r.Safeguards ?? "no safeguard yet"}")]),
        PlanContents.Section("How we check in, and who to call", EscalationAndCheckIns),
        PlanContents.Section("If things go wrong", Contingency),
        PlanContents.Section("When we look at this again", ReviewTimescales),
        new PlanSection("Steps", null, [.. Stages.Select(s => s.Description)]),
    ];
}

/// <summary>A risk the plan names, with the safeguards agreed for it; linked to the risk assessment's risk when there is one.</summary>
public sealed record PlanRisk
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string Description { get; init; } = "";
    public Guid? AssessedRiskId { get; init; }
    public string? Safeguards { get; init; }
}
