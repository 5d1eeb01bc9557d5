using Proportion.Core.Model;

namespace Proportion.Core.Rules;

/// <summary>
/// What a review (form RP2A) must carry before it is completed: the nine questions of §7.4 each answered
/// with evidence, who took part (§7.3), the outcome with its reasons, a next review date within a year
/// when the practice goes on (R1), the care plan updated and everyone involved signed (§7.5). Each gap
/// names the question to answer.
/// </summary>
public static class ReviewCompleteness
{
    public const string Rule = "R9";

    public const string HeldInTheFuture = "The date the review was held must be today or in the past";

    /// <summary>A review cannot have been held after today (§7.5: it records what happened).</summary>
    public static bool IsHeldInTheFuture(DateOnly? heldOn, DateOnly today) => heldOn > today;

    /// <summary>R1 for the review: the next review must be after the review and no more than a year from it.</summary>
    public static Finding? NextReviewDateProblem(DateOnly heldOn, DateOnly next) =>
        ReviewDateWithinAYear.Check(heldOn, next) is { } problem
            ? problem with { Field = nameof(PracticeReview.NextReviewDate), Message = problem.Message.Replace("Review date", "The next review date") }
            : null;

    public static IReadOnlyList<Finding> Check(PracticeReview r, DateOnly today)
    {
        var findings = new List<Finding>();
        void Need(bool missing, string source, string field, string message, string rule = Rule)
        {
            if (missing)
            {
                findings.Add(new Finding(rule, source, field, message));
            }
        }
        static bool Blank(string? s) => string.IsNullOrWhiteSpace(s);

        Need(r.HeldOn is null, "§7.5", nameof(r.HeldOn), "Enter the date the review was held");
        Need(r.RiskContinues is null || Blank(r.RiskContinuesEvidence), "§7.4", nameof(r.RiskContinues), "Say whether the risk still exists, and the evidence");
        Need(r.MeasuresEffective is null || Blank(r.MeasuresEffectiveEvidence), "§7.4", nameof(r.MeasuresEffective), "Say whether the practice is managing the risk, and the evidence");
        Need(r.StillLeastRestrictive is null || Blank(r.StillLeastRestrictiveEvidence), "§7.4", nameof(r.StillLeastRestrictive), "Say whether it is still the least restrictive way to manage the risk, and why");
        Need(Blank(r.QualityOfLifeImpact), "§7.4", nameof(r.QualityOfLifeImpact), "Describe the impact on the person's quality of life");
        Need(Blank(r.PersonView), "§7.4", nameof(r.PersonView), "Record the person's view of the practice");
        Need(r.ViewGatheredBy == CommunicationMethods.None, "§5.4", nameof(r.ViewGatheredBy), "Say how the person's view was gathered");
        Need(r.Justifiable is null || Blank(r.JustifiableEvidence), "§7.4", nameof(r.Justifiable), "Say whether the practice is justifiable, reasonable and in the person's best interests, and why");
        Need(r.PotentialDeprivationOfLiberty is null || Blank(r.DeprivationOfLibertyEvidence), "§7.4", nameof(r.PotentialDeprivationOfLiberty), "Say whether the practice may deprive the person of their liberty, and why", "R6");
        Need(r.BalanceJustifiable is null || Blank(r.BalanceEvidence), "§7.4", nameof(r.BalanceJustifiable), "Say whether the balance between the person's choices and managing risk is justifiable, and why");
        Need(r.SafeguardsAdequate is null || Blank(r.SafeguardsEvidence), "§7.4", nameof(r.SafeguardsAdequate), "Say whether the safeguards against abuse of the practice are adequate, and why");
        Need(r.PersonTookPart is null || Blank(r.PersonParticipation), "§7.3", nameof(r.PersonTookPart), "Say whether the person took part in the review, and how or why not");
        Need(Blank(r.FamilyAndAdvocates), "§7.3", nameof(r.FamilyAndAdvocates), "Say which family members, representatives or advocates took part, or why none did");
        Need(r.ReductionConsidered is null || Blank(r.ReductionDetail), ReductionConsidered.Source, nameof(r.ReductionConsidered), "Say whether reducing or ending the practice was considered, and what was considered", ReductionConsidered.Rule);
        Need(r.Outcome is null, "§7.4", nameof(r.Outcome), "Select the outcome of the review");
        Need(Blank(r.OutcomeReasons), "§7.4", nameof(r.OutcomeReasons), "Give the reasons for the outcome");
        if (r.Outcome is not ReviewOutcome.End)
        {
            var from = r.HeldOn ?? today;
            if (r.NextReviewDate is not { } next)
            {
                Need(true, ReviewDateWithinAYear.Source, nameof(r.NextReviewDate), "Enter the date of the next review", ReviewDateWithinAYear.Rule);
            }
            else if (NextReviewDateProblem(from, next) is { } problem)
            {
                findings.Add(problem);
            }
        }
        Need(IsHeldInTheFuture(r.HeldOn, today), "§7.5", nameof(r.HeldOn), HeldInTheFuture);
        Need(!r.CarePlanUpdated, "§7.5", nameof(r.CarePlanUpdated), "Confirm the person's care plan has been updated to match the outcome");
        Need(r.Signatures.Count == 0, "§7.5", "Signatures", "Record the signatures of everyone involved in the review");
        return findings;
    }
}
