using Proportion.Core.Model;
using Proportion.Core.Plans.PositiveRisk;
using Proportion.Core.Plans.RiskAssessments;

namespace Proportion.Core.Rules;

/// <summary>
/// R19, positive risk-taking plans (positive risk-taking guidance): the required parts, the person's
/// understanding before it is agreed, and the checks that the register, the staff guidance and the risk
/// assessment agree with the plan. Each mismatch refuses the plan by name, unless the plan says how the two
/// fit together, which turns it into a warning everyone can see and challenge.
/// </summary>
public static class PositiveRiskRules
{
    public const string Rule = "R19";
    public const string Source = "Positive risk-taking guidance";

    /// <summary>A practice in place on the person's register.</summary>
    public sealed record PracticeInPlace(Guid Id, string Description, RestrictedThing? Restricts);

    /// <summary>The staff guidance in force for a practice: the latest agreed decision's "when it may be used".</summary>
    public sealed record StaffGuidance(Guid DecisionId, Guid PracticeId, string PracticeDescription, RestrictedThing? Restricts, string? WhenMayBeUsed);

    /// <summary>A record that seems to contradict the plan. <see cref="Key"/> stays the same while the mismatch does, so the plan can say how they fit.</summary>
    public sealed record Mismatch(string Key, string Message);

    /// <summary>What each kind of activity needs that a practice might restrict. "Something else" is checked against nothing.</summary>
    public static IReadOnlyList<RestrictedThing> Needs(ActivityKind? activity) => activity switch
    {
        ActivityKind.Cook => [RestrictedThing.Kitchen, RestrictedThing.FoodOrDrink],
        ActivityKind.TravelAlone or ActivityKind.NewPlace or ActivityKind.Volunteer or ActivityKind.Work =>
            [RestrictedThing.FrontDoor, RestrictedThing.GoingOut],
        ActivityKind.ManageMoney => [RestrictedThing.Money],
        _ => [],
    };

    /// <summary>Every record that contradicts the plan, each named.</summary>
    /// <param name="assessment">The person's agreed risk assessment, or null when they have none.</param>
    public static IReadOnlyList<Mismatch> Mismatches(Guid planId, string planTitle, PositiveRiskContent plan,
        IEnumerable<PracticeInPlace> register, IEnumerable<StaffGuidance> guidance, RiskAssessmentContent? assessment)
    {
        var needs = Needs(plan.Activity);
        var activity = plan.Activity is { } kind ? EnumNames.Of(kind).ToLowerInvariant() : "the activity";
        var found = new List<Mismatch>();
        foreach (var practice in register.Where(p => p.Restricts is { } t && needs.Contains(t)).OrderBy(p => p.Description))
        {
            found.Add(new($"practice:{practice.Id}",
                $"The register: \"{practice.Description}\" is in place and restricts {EnumNames.Of(practice.Restricts!.Value).ToLowerInvariant()}, which the plan to {activity} needs"));
        }
        foreach (var g in guidance.Where(g => g.Restricts is { } t && needs.Contains(t)).OrderBy(g => g.PracticeDescription))
        {
            var when = string.IsNullOrWhiteSpace(g.WhenMayBeUsed) ? "" : $" (staff may use it: {g.WhenMayBeUsed.Trim()})";
            found.Add(new($"guidance:{g.DecisionId}",
                $"Staff guidance: the agreed guidelines for \"{g.PracticeDescription}\" would stop the plan to {activity}{when}"));
        }
        if (assessment is not null)
        {
            var named = plan.Risks.Where(r => r.AssessedRiskId is not null).Select(r => r.AssessedRiskId!.Value).ToHashSet();
            var activityWords = new[] { plan.WhatThePersonWantsToDo, planTitle }.Select(BlanketRule.Normalise).Where(w => w.Length > 0).ToHashSet();
            foreach (var risk in assessment.Risks)
            {
                var forThisActivity = risk.PlanIds.Contains(planId) || activityWords.Contains(BlanketRule.Normalise(risk.Activity));
                if (forThisActivity && !named.Contains(risk.Id))
                {
                    found.Add(new($"unaddressed:{risk.Id}",
                        $"The risk assessment lists \"{risk.WhatCouldHappen}\" for this activity, and the plan does not address it"));
                }
                if (named.Contains(risk.Id) && string.IsNullOrWhiteSpace(risk.WhatReducesIt))
                {
                    found.Add(new($"unreduced:{risk.Id}",
                        $"The risk assessment says nothing reduces \"{risk.WhatCouldHappen}\", which the plan names"));
                }
            }
        }
        return found;
    }

    /// <summary>What stops the plan being agreed (refusals) and what everyone should see (warnings).</summary>
    public static IReadOnlyList<Finding> Findings(PositiveRiskContent plan, IReadOnlyList<Mismatch> mismatches, bool hasAgreedRiskAssessment)
    {
        var findings = new List<Finding>();
        void Missing(string field, string message) => findings.Add(new Finding(Rule, Source, field, message));

        if (plan.Activity is null)
        {
            Missing(nameof(plan.Activity), "Say what kind of activity the plan is for");
        }
        if (string.IsNullOrWhiteSpace(plan.WhatThePersonWantsToDo))
        {
            Missing(nameof(plan.WhatThePersonWantsToDo), "Say what the person wants to do, in their words");
        }
        if (plan.Risks.Count == 0)
        {
            Missing(nameof(plan.Risks), "Name the identified risks, each with its agreed safeguards");
        }
        foreach (var risk in plan.Risks.Where(r => string.IsNullOrWhiteSpace(r.Safeguards)))
        {
            Missing(nameof(plan.Risks), $"The risk \"{risk.Description}\" has no safeguard: agree the safeguards for it");
        }
        if (string.IsNullOrWhiteSpace(plan.PersonsViews))
        {
            Missing(nameof(plan.PersonsViews), "Record the evidence of the person's views");
        }
        if (string.IsNullOrWhiteSpace(plan.EscalationAndCheckIns))
        {
            Missing(nameof(plan.EscalationAndCheckIns), "Record the escalation and check-in arrangements");
        }
        if (string.IsNullOrWhiteSpace(plan.Contingency))
        {
            Missing(nameof(plan.Contingency), "Record the contingency plan: what happens if things go wrong");
        }
        if (string.IsNullOrWhiteSpace(plan.ReviewTimescales))
        {
            Missing(nameof(plan.ReviewTimescales), "Record the review timescales");
        }
        switch (plan.PersonUnderstands)
        {
            case null:
                Missing(nameof(plan.PersonUnderstands),
                    "Confirm the person understands the arrangements and the risks, or record why that was not possible and how they were supported to understand");
                break;
            case true when string.IsNullOrWhiteSpace(plan.HowUnderstandingWasConfirmed):
                Missing(nameof(plan.HowUnderstandingWasConfirmed), "Say how the person's understanding was confirmed");
                break;
            case false:
                if (string.IsNullOrWhiteSpace(plan.WhyUnderstandingWasNotPossible))
                {
                    Missing(nameof(plan.WhyUnderstandingWasNotPossible), "Say why it was not possible to confirm the person understands");
                }
                if (string.IsNullOrWhiteSpace(plan.HowThePersonWasSupportedToUnderstand))
                {
                    Missing(nameof(plan.HowThePersonWasSupportedToUnderstand), "Say how the person was supported to understand");
                }
                // The law goes further than the guidance here (MCA 2005 s.1-4): someone who cannot understand a
                // decision's information, after all practicable help, may lack capacity to make it, and then the
                // plan is made in their best interests, with the people close to them consulted.
                if (string.IsNullOrWhiteSpace(plan.BestInterestsDecision))
                {
                    Missing(nameof(plan.BestInterestsDecision),
                        "Record the capacity assessment for this decision and, if the person lacks capacity to make it, the best-interests decision: who made it, who was consulted and why the plan is in their best interests");
                }
                break;
        }
        foreach (var mismatch in mismatches)
        {
            findings.Add(plan.FitFor(mismatch.Key) is { } fit && !string.IsNullOrWhiteSpace(fit)
                ? new Finding(Rule, Source, nameof(plan.HowTheyFit), $"{mismatch.Message}. How they fit together: {fit.Trim()}", FindingSeverity.Warning)
                : new Finding(Rule, Source, nameof(plan.HowTheyFit), $"{mismatch.Message}. Change one of them, or say how they fit together"));
        }
        if (!hasAgreedRiskAssessment && !plan.Risks.Any(r => r.AssessedRiskId is not null))
        {
            findings.Add(new Finding(Rule, Source, nameof(plan.Risks),
                "The person has no agreed risk assessment, so the plan's risks are not checked against one", FindingSeverity.Warning));
        }
        return findings;
    }
}
