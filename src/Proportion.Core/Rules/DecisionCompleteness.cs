namespace Proportion.Core.Rules;

/// <summary>A less restrictive alternative the discussion considered, and why it was not chosen (§5.7).</summary>
public sealed record ConsideredAlternative(string? Description, string? WhyRejected);

/// <summary>The elements of form RP2 as recorded so far; any may still be missing while it is a draft.</summary>
public sealed record DecisionAnswers(
    string? Risk,
    int? Likelihood,
    int? Seriousness,
    string? TriedBefore,
    string? ConsequencesOfUsing,
    string? ConsequencesOfNotUsing,
    string? Proportionality,
    IReadOnlyList<ConsideredAlternative> Alternatives,
    string? PersonViews,
    bool ViewsGatheringMethodRecorded,
    string? RepresentativesViews,
    string? RepresentativesNotInvolvedReason,
    string? MultiDisciplinaryAdvice,
    CapacityToConsent? Capacity,
    BestInterestsAnswers? BestInterests,
    string? WhenMayBeUsed,
    string? WhenMustNotBeUsed,
    string? OthersRightsProtection,
    DateOnly? ReviewDate,
    int SignaturesRecorded);

/// <summary>The statutory best-interests checklist (MCA s.4), needed when the person lacks capacity (§5.14).</summary>
public sealed record BestInterestsAnswers(
    string? CouldRegainCapacity,
    string? HowTheyTookPart,
    string? WishesAndFeelings,
    string? BeliefsAndValues,
    string? ConsulteesViews,
    string? Conclusion);

/// <summary>
/// R2: an agreed practice carries every element of form RP2 (§5.3-§5.13, §6.1). Each missing element is
/// named with the question to answer, so a discussion is never agreed with gaps left silent.
/// </summary>
public static class DecisionCompleteness
{
    public const string Rule = "R2";

    public static IReadOnlyList<Finding> Check(DecisionAnswers a, DateOnly agreedOn)
    {
        var findings = new List<Finding>();
        void Need(bool present, string source, string field, string message)
        {
            if (!present)
            {
                findings.Add(new Finding(Rule, source, field, message));
            }
        }
        static bool Has(string? text) => !string.IsNullOrWhiteSpace(text);

        Need(Has(a.Risk), "§5.3", nameof(a.Risk), "Describe the risk the practice is meant to manage");
        Need(a.Likelihood is >= 1 and <= 5, "§5.3", nameof(a.Likelihood), "Rate how likely the harm is, from 1 (rare) to 5 (almost certain)");
        Need(a.Seriousness is >= 1 and <= 5, "§5.3", nameof(a.Seriousness), "Rate how serious the harm would be, from 1 (minor) to 5 (catastrophic)");
        Need(Has(a.TriedBefore), "§5.3", nameof(a.TriedBefore), "Say what has been tried before to manage the risk");
        Need(Has(a.ConsequencesOfUsing), "§5.3", nameof(a.ConsequencesOfUsing), "Say what the consequences of using the practice would be for the person and others");
        Need(Has(a.ConsequencesOfNotUsing), "§5.3", nameof(a.ConsequencesOfNotUsing), "Say what the consequences of not using the practice would be");
        Need(Has(a.Proportionality), "§5.3", nameof(a.Proportionality), "Explain why the practice is in proportion to the likelihood and seriousness of harm");
        Need(a.Alternatives.Any(x => Has(x.Description)), "§5.7", nameof(a.Alternatives), "Add the less restrictive alternatives considered");
        Need(a.Alternatives.Where(x => Has(x.Description)).All(x => Has(x.WhyRejected)), "§5.7", nameof(a.Alternatives), "Say why each less restrictive alternative was not chosen");
        Need(Has(a.PersonViews), "§5.4", nameof(a.PersonViews), "Record the person's views on the practice");
        Need(a.ViewsGatheringMethodRecorded, "§5.5", nameof(a.ViewsGatheringMethodRecorded), "Say how the person's views were gathered, for example Makaton, symbols or observation");
        Need(Has(a.RepresentativesViews) || Has(a.RepresentativesNotInvolvedReason), "§5.4", nameof(a.RepresentativesViews),
            "Record the views of the person's representatives and advocates, or why they were not involved");
        Need(Has(a.MultiDisciplinaryAdvice), "§5.7", nameof(a.MultiDisciplinaryAdvice), "Record the multi-disciplinary advice sought, or why none was needed");
        Need(a.Capacity is not null, "§5.6", nameof(a.Capacity), "Assess whether the person has capacity to consent to this practice");
        if (a.Capacity == CapacityToConsent.LacksCapacity)
        {
            var b = a.BestInterests;
            Need(Has(b?.CouldRegainCapacity), "§5.14", "BestInterests.CouldRegainCapacity", "Say whether the person could regain capacity and whether the decision can wait until then");
            Need(Has(b?.HowTheyTookPart), "§5.14", "BestInterests.HowTheyTookPart", "Say how the person was helped to take part in the decision");
            Need(Has(b?.WishesAndFeelings), "§5.14", "BestInterests.WishesAndFeelings", "Record the person's past and present wishes and feelings");
            Need(Has(b?.BeliefsAndValues), "§5.14", "BestInterests.BeliefsAndValues", "Record the beliefs and values that would influence the person's decision");
            Need(Has(b?.ConsulteesViews), "§5.14", "BestInterests.ConsulteesViews", "Record the views of those consulted: named person, carers, attorney, deputy or IMCA");
            Need(Has(b?.Conclusion), "§5.14", "BestInterests.Conclusion", "Record the best-interests decision and why");
        }
        Need(Has(a.WhenMayBeUsed), "§5.9", nameof(a.WhenMayBeUsed), "Say exactly when the practice may be used");
        Need(Has(a.WhenMustNotBeUsed), "§6.1", nameof(a.WhenMustNotBeUsed), "Say when the practice must not be used");
        Need(Has(a.OthersRightsProtection), "§5.12", nameof(a.OthersRightsProtection), "Say how other people's rights are protected, for example how others still use a locked kitchen");
        Need(a.SignaturesRecorded > 0, "§5.13", nameof(a.SignaturesRecorded), "Record the signatures of everyone who contributed, including the person and their representative where they can");
        if (a.ReviewDate is not { } reviewDate)
        {
            findings.Add(new Finding(ReviewDateWithinAYear.Rule, ReviewDateWithinAYear.Source, nameof(a.ReviewDate), "Set a review date no more than a year away"));
        }
        else if (ReviewDateWithinAYear.Check(agreedOn, reviewDate) is { } tooLate)
        {
            findings.Add(tooLate);
        }
        return findings;
    }
}
