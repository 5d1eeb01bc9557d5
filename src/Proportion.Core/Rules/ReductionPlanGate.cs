using Proportion.Core.Plans.Reduction;

namespace Proportion.Core.Rules;

/// <summary>
/// R19, restriction reduction plans (positive risk-taking guidance, "reducing restrictive practices
/// proportionately"; §3.4, §7.4). Before a plan is agreed: every required part is written (the original
/// restriction, the rationale for change, the steps, the agreed safeguards, review arrangements and the
/// evidence of co-production); it cannot proceed without the assessment of proportionality and of ongoing
/// safeguarding; each step has a date, success criteria and says what it changes; and the practice it
/// reduces is still in place. Each finding names its field, so the question page shows it.
/// </summary>
public static class ReductionPlanGate
{
    public const string Rule = "R19";
    public const string Source = "positive risk-taking guidance";

    public static IReadOnlyList<Finding> Check(ReductionContent plan, bool practiceInPlace)
    {
        var findings = new List<Finding>();
        void Missing(string field, string message) => findings.Add(new Finding(Rule, Source, field, message));

        if (!practiceInPlace)
        {
            Missing("Practice", "The practice is no longer in place, so there is nothing left to reduce. Close this plan instead");
        }
        if (Blank(plan.OriginalRestriction))
        {
            Missing(nameof(plan.OriginalRestriction), "Describe the original restriction");
        }
        if (Blank(plan.RationaleForChange))
        {
            Missing(nameof(plan.RationaleForChange), "Explain why the restriction can change");
        }
        if (plan.Stages.Count == 0)
        {
            Missing(nameof(plan.Stages), "Add at least one step");
        }
        for (var i = 0; i < plan.Stages.Count; i++)
        {
            var step = plan.Stages[i];
            var name = $"Step {i + 1}";
            if (Blank(step.Description))
            {
                Missing(nameof(plan.Stages), $"{name}: say what happens at this step");
            }
            if (step.PlannedOn is null)
            {
                Missing(nameof(plan.Stages), $"{name}: enter the date it starts");
            }
            if (Blank(step.SuccessCriteria))
            {
                Missing(nameof(plan.Stages), $"{name}: enter how everyone will know it has worked (success criteria)");
            }
            if (step.Change is null)
            {
                Missing(nameof(plan.Stages), $"{name}: say what it changes about the practice");
            }
            if (step.Change is StepChange.NarrowScope or StepChange.ReduceHours
                && (Blank(step.NewDescription) || Blank(step.NewWhenMayBeUsed)))
            {
                Missing(nameof(plan.Stages), $"{name}: describe the practice as it will be, and when it may be used, so staff read the new guidelines");
            }
            if (step.Change == StepChange.EndPractice && i != plan.Stages.Count - 1)
            {
                Missing(nameof(plan.Stages), $"{name} ends the practice, so it must be the last step");
            }
        }
        if (Blank(plan.Safeguards))
        {
            Missing(nameof(plan.Safeguards), "Describe the agreed safeguards");
        }
        if (Blank(plan.ReviewArrangements))
        {
            Missing(nameof(plan.ReviewArrangements), "Describe the review arrangements");
        }
        if (Blank(plan.CoProduction))
        {
            Missing(nameof(plan.CoProduction), "Describe how the plan was made with the person and those close to them");
        }
        if (Blank(plan.ProportionalityAssessment))
        {
            Missing(nameof(plan.ProportionalityAssessment), "The plan cannot be agreed without an assessment of proportionality");
        }
        if (Blank(plan.SafeguardingAssessment))
        {
            Missing(nameof(plan.SafeguardingAssessment), "The plan cannot be agreed without an assessment of ongoing safeguarding");
        }
        return findings;
    }

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);
}
