namespace Proportion.Core.Rules;

/// <summary>The answers of the Mental Capacity Act functional test for one specific decision (Appendix 2, MCA s.2-3).</summary>
/// <param name="CanUnderstand">Can the person understand the information relevant to the decision?</param>
/// <param name="CanRetain">Can they retain it long enough to decide?</param>
/// <param name="CanUseOrWeigh">Can they use or weigh it as part of deciding?</param>
/// <param name="CanCommunicate">Can they communicate their decision, by any means?</param>
/// <param name="HasImpairmentOfMindOrBrain">Is there an impairment of, or disturbance in, the functioning of the mind or brain?</param>
/// <param name="InabilityIsBecauseOfImpairment">Is any inability to decide because of that impairment (the causative link)?</param>
public sealed record CapacityTestAnswers(
    bool? CanUnderstand,
    bool? CanRetain,
    bool? CanUseOrWeigh,
    bool? CanCommunicate,
    bool? HasImpairmentOfMindOrBrain,
    bool? InabilityIsBecauseOfImpairment);

/// <summary>
/// Concludes a capacity assessment from its answers. A person is presumed to have capacity (MCA
/// principle 1): they lack it only when the assessment shows an inability to decide that is caused by
/// an impairment of the mind or brain. Unanswered questions are named, never guessed.
/// </summary>
public static class CapacityAssessment
{
    // Capacity for this specific decision is an element of RP2 (R2).
    public const string Rule = "R2";
    public const string Source = "§5.6, Appendix 2";

    public static (CapacityToConsent? Conclusion, IReadOnlyList<Finding> Findings) Conclude(CapacityTestAnswers answers)
    {
        var findings = new List<Finding>();
        void Need(bool? answer, string field, string question)
        {
            if (answer is null)
            {
                findings.Add(new Finding(Rule, Source, field, $"Answer whether {question}"));
            }
        }
        Need(answers.CanUnderstand, nameof(answers.CanUnderstand), "the person can understand the information relevant to the decision");
        Need(answers.CanRetain, nameof(answers.CanRetain), "they can retain that information");
        Need(answers.CanUseOrWeigh, nameof(answers.CanUseOrWeigh), "they can use or weigh it to decide");
        Need(answers.CanCommunicate, nameof(answers.CanCommunicate), "they can communicate their decision by any means");
        if (findings.Count > 0)
        {
            return (null, findings);
        }

        var unableToDecide = answers.CanUnderstand == false || answers.CanRetain == false
            || answers.CanUseOrWeigh == false || answers.CanCommunicate == false;
        if (!unableToDecide)
        {
            return (CapacityToConsent.HasCapacity, findings);
        }

        Need(answers.HasImpairmentOfMindOrBrain, nameof(answers.HasImpairmentOfMindOrBrain), "there is an impairment of, or disturbance in, the functioning of the mind or brain");
        if (answers.HasImpairmentOfMindOrBrain == true)
        {
            Need(answers.InabilityIsBecauseOfImpairment, nameof(answers.InabilityIsBecauseOfImpairment), "the inability to decide is because of that impairment");
        }
        if (findings.Count > 0)
        {
            return (null, findings);
        }
        if (answers.HasImpairmentOfMindOrBrain == true && answers.InabilityIsBecauseOfImpairment == true)
        {
            return (CapacityToConsent.LacksCapacity, findings);
        }
        // Without an impairment causing it, an inability to decide does not remove capacity in law:
        // the person needs more support to decide, not someone deciding for them (MCA principle 2).
        findings.Add(new Finding(Rule, Source, nameof(answers.InabilityIsBecauseOfImpairment),
            "The person is presumed to have capacity: an inability to decide that is not caused by an impairment of the mind or brain does not mean they lack capacity. Give them more support to decide",
            FindingSeverity.Warning));
        return (CapacityToConsent.HasCapacity, findings);
    }
}
