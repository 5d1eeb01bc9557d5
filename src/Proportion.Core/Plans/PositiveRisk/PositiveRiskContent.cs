using System.ComponentModel.DataAnnotations;
using Proportion.Core.Model;

namespace Proportion.Core.Plans.PositiveRisk;

/// <summary>
/// A positive risk-taking plan for an activity the person wants to do (positive risk-taking guidance):
/// the risks, the agreed safeguards, the person's views, check-ins and escalation, a contingency plan,
/// review timescales, the person's understanding, and staged progression.
/// </summary>
public sealed record PositiveRiskContent : IPlanContent
{
    public const int TextMaxLength = 4000;

    /// <summary>The kind of activity, which says what on the person's register it needs (<see cref="Rules.PositiveRiskRules.Needs"/>).</summary>
    public ActivityKind? Activity { get; init; }
    /// <summary>The activity in the person's own words: "Go to college on the 42 bus on my own".</summary>
    public string? WhatThePersonWantsToDo { get; init; }
    /// <summary>Why it matters to them.</summary>
    public string? WhyItMatters { get; init; }
    /// <summary>Evidence of the person's views: what they said and how it was gathered.</summary>
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
    /// <summary>
    /// When understanding could not be confirmed: the Mental Capacity Act's route. Whether the person can make
    /// this decision is assessed for this decision (s.2-3); if they cannot, the plan is a best-interests decision
    /// (s.4): who made it, who was consulted (family, advocate, an IMCA where there is nobody else), and why
    /// the plan is in their best interests, the least restrictive way (s.1(6)).
    /// </summary>
    public string? BestInterestsDecision { get; init; }
    public List<PlanStage> Stages { get; init; } = [];
    /// <summary>
    /// For a mismatch with the register, the staff guidance or the risk assessment, how the plan and that
    /// record fit together; a mismatch explained here is a warning, not a refusal (R19).
    /// </summary>
    public List<HowTheyFit> HowTheyFit { get; init; } = [];

    public string? FitFor(string mismatchKey) => HowTheyFit.FirstOrDefault(f => f.MismatchKey == mismatchKey)?.Explanation;

    public IEnumerable<PlanSection> Sections() =>
    [
        PlanContents.Section("What I want to do", WhatThePersonWantsToDo),
        PlanContents.Section("Why it matters to me", WhyItMatters),
        PlanContents.Section("What I think", PersonsViews),
        new PlanSection("The risks and how we keep them small", Risks.Count == 0 ? "Not recorded" : null,
            [.. Risks.Select(r => $"{r.Description}: {r.Safeguards ?? "no safeguard yet"}")]),
        PlanContents.Section("How we check in, and who to call", EscalationAndCheckIns),
        PlanContents.Section("If things go wrong", Contingency),
        PlanContents.Section("When we look at this again", ReviewTimescales),
        PlanContents.Section("Understanding the plan", PersonUnderstands switch
        {
            true => $"I understand the plan and the risks. {HowUnderstandingWasConfirmed}".Trim(),
            false => $"It was not possible to confirm I understand: {WhyUnderstandingWasNotPossible} How I was helped to understand: {HowThePersonWasSupportedToUnderstand} How it was decided for me: {BestInterestsDecision}",
            null => null,
        }),
        new PlanSection("Steps", Stages.Count == 0 ? "Not recorded" : null,
            [.. Stages.Select(s => $"{s.Description}. Support: {s.Support ?? "not recorded"}. {(s.PlannedOn is { } d ? $"From {UkTime.Format(d)}." : "")}".Trim())]),
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

/// <summary>How the plan fits with a record it seems to contradict (a practice, staff guidance, an assessed risk).</summary>
public sealed record HowTheyFit(string MismatchKey, string Explanation);

/// <summary>What the person wants to do, as the positive risk-taking guidance's examples group it.</summary>
public enum ActivityKind
{
    [Display(Name = "Cook or prepare food")] Cook = 1,
    [Display(Name = "Travel alone")] TravelAlone = 2,
    [Display(Name = "Manage their money")] ManageMoney = 3,
    [Display(Name = "Go to a new place")] NewPlace = 4,
    [Display(Name = "Volunteer")] Volunteer = 5,
    [Display(Name = "Work")] Work = 6,
    [Display(Name = "Something else")] SomethingElse = 99,
}
