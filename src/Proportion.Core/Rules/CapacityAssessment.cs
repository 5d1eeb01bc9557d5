using System.Linq.Expressions;
using Proportion.Core.Model;

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

/// <summary>The evidence a conclusion that the person lacks capacity must carry (MCA s.1-3, Code chapter 4).</summary>
/// <param name="UnderstandEvidence">Evidence for the "understand" limb, needed when it was answered no; likewise the other limbs.</param>
/// <param name="Impairment">What the impairment of, or disturbance in, the mind or brain is.</param>
/// <param name="PracticableStepsTaken">The steps taken to help the person decide for themselves (s.1(3)).</param>
/// <param name="NotBasedOnUnwiseDecision">The assessor confirms the conclusion does not rest on the decision being unwise (s.1(4)).</param>
public sealed record CapacityEvidenceAnswers(
    string? AssessorName,
    string? AssessorRole,
    DateOnly? AssessedOn,
    string? UnderstandEvidence,
    string? RetainEvidence,
    string? UseOrWeighEvidence,
    string? CommunicateEvidence,
    string? Impairment,
    string? PracticableStepsTaken,
    bool? NotBasedOnUnwiseDecision);

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

    /// <summary>
    /// The query twin of <see cref="Conclude"/> answering <see cref="CapacityToConsent.LacksCapacity"/>, for
    /// counts the database works out (the council's picture): every limb answered, at least one the person
    /// cannot do, and that inability caused by an impairment of the mind or brain. A test holds the two equal.
    /// </summary>
    public static readonly Expression<Func<PracticeDecision, bool>> LacksCapacityInQuery = d =>
        d.CanUnderstand != null && d.CanRetain != null && d.CanUseOrWeigh != null && d.CanCommunicate != null
        && (d.CanUnderstand == false || d.CanRetain == false || d.CanUseOrWeigh == false || d.CanCommunicate == false)
        && d.HasImpairmentOfMindOrBrain == true && d.InabilityIsBecauseOfImpairment == true;

    /// <summary>
    /// What a conclusion of "lacks capacity" still needs before anyone may act on it: who assessed and when,
    /// the evidence for each limb of the functional test the person could not do, what the impairment is,
    /// the practicable steps taken to help them decide, and that an unwise decision was not taken for a lack
    /// of capacity. Nothing is asked while the test is incomplete or the person has capacity: the
    /// presumption of capacity needs no evidence.
    /// </summary>
    public static IReadOnlyList<Finding> EvidenceFindings(CapacityTestAnswers answers, CapacityEvidenceAnswers evidence, DateOnly today)
    {
        var findings = new List<Finding>();
        if (Conclude(answers).Conclusion != CapacityToConsent.LacksCapacity)
        {
            return findings;
        }
        const string source = "MCA 2005 s.1-3, Code chapter 4";
        void Need(bool present, string field, string message)
        {
            if (!present)
            {
                findings.Add(new Finding(Rule, source, field, message));
            }
        }
        static bool Has(string? text) => !string.IsNullOrWhiteSpace(text);

        Need(Has(evidence.AssessorName), "CapacityAssessorName", "Enter the name of the person who assessed capacity");
        Need(Has(evidence.AssessorRole), "CapacityAssessorRole", "Enter the role of the person who assessed capacity");
        if (evidence.AssessedOn is not { } assessedOn)
        {
            Need(false, "CapacityAssessedOn", "Enter the date capacity was assessed");
        }
        else
        {
            Need(assessedOn <= today, "CapacityAssessedOn", "The date capacity was assessed cannot be in the future");
        }
        Need(answers.CanUnderstand != false || Has(evidence.UnderstandEvidence), "UnderstandEvidence", "Give the evidence that the person cannot understand the information relevant to the decision");
        Need(answers.CanRetain != false || Has(evidence.RetainEvidence), "RetainEvidence", "Give the evidence that the person cannot retain the information long enough to decide");
        Need(answers.CanUseOrWeigh != false || Has(evidence.UseOrWeighEvidence), "UseOrWeighEvidence", "Give the evidence that the person cannot use or weigh the information to decide");
        Need(answers.CanCommunicate != false || Has(evidence.CommunicateEvidence), "CommunicateEvidence", "Give the evidence that the person cannot communicate their decision by any means");
        Need(Has(evidence.Impairment), "ImpairmentDescription", "Say what the impairment of, or disturbance in, the functioning of the mind or brain is");
        Need(Has(evidence.PracticableStepsTaken), "PracticableStepsTaken",
            "Say what practicable steps were taken to help the person make the decision themselves: a person is not treated as unable to decide until all have been tried without success (MCA s.1(3))");
        if (evidence.NotBasedOnUnwiseDecision is null)
        {
            Need(false, "NotBasedOnUnwiseDecision", "Confirm whether the conclusion is based on the decision being unwise");
        }
        else
        {
            Need(evidence.NotBasedOnUnwiseDecision == true, "NotBasedOnUnwiseDecision",
                "A person is not treated as unable to decide merely because they make an unwise decision (MCA s.1(4)). If the conclusion rests on that, they have capacity: assess again");
        }
        return findings;
    }
}
