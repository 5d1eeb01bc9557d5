using System.ComponentModel.DataAnnotations;

namespace Proportion.Core.Rules;

/// <summary>
/// Every setting a rule takes, bound once from the configuration section "Rules" and checked when the
/// app starts, so a mistyped value stops start-up with a message naming it instead of quietly changing
/// what a rule finds. docs/rules.md lists each with its default and bounds.
/// </summary>
public sealed class RuleSettings : IValidatableObject
{
    public const string Section = "Rules";

    /// <summary>
    /// R12: a restriction is a possible blanket rule when MORE than this share of the people in a service
    /// have it ("most people"). 0.5 unless set.
    /// </summary>
    [Range(0d, 1d, MinimumIsExclusive = true, MaximumIsExclusive = true,
        ErrorMessage = "Rules:BlanketRuleThreshold must be a share of the people in a service, more than 0 and less than 1 (0.5 means more than half)")]
    public double BlanketRuleThreshold { get; set; } = BlanketRule.DefaultThreshold;

    /// <summary>R18: a practice in place longer than this without a review that considered reducing it is flagged. 6 unless set.</summary>
    [Range(1, 24, ErrorMessage = "Rules:ReductionConsideredWithinMonths must be a whole number of months from 1 to 24")]
    public int ReductionConsideredWithinMonths { get; set; } = ReductionConsidered.DefaultMonths;

    /// <summary>R25: this many incidents or more within <see cref="BehaviourSupportReviewWithinDays"/> days since a behaviour support plan was agreed or last reviewed call for its review now. 3 unless set.</summary>
    [Range(1, 50, ErrorMessage = "Rules:BehaviourSupportReviewIncidents must be a whole number of incidents from 1 to 50")]
    public int BehaviourSupportReviewIncidents { get; set; } = BehaviourSupportRules.DefaultReviewIncidents;

    /// <summary>R25: the number of days those incidents fall within. 28 unless set.</summary>
    [Range(1, 365, ErrorMessage = "Rules:BehaviourSupportReviewWithinDays must be a whole number of days from 1 to 365")]
    public int BehaviourSupportReviewWithinDays { get; set; } = BehaviourSupportRules.DefaultReviewWithinDays;

    /// <summary>R20: a support plan is reviewed within this many months when the person is isolated, lacks capacity, or its risk matrix is high. 3 unless set.</summary>
    [Range(1, 12, ErrorMessage = "Rules:SupportPlanReviewSoonerMonths must be a whole number of months from 1 to 12")]
    public int SupportPlanReviewSoonerMonths { get; set; } = 3;

    /// <summary>R20: otherwise, a support plan is reviewed within this many months (never beyond the year R1 allows). 12 unless set.</summary>
    [Range(1, 12, ErrorMessage = "Rules:SupportPlanReviewUsualMonths must be a whole number of months from 1 to 12")]
    public int SupportPlanReviewUsualMonths { get; set; } = 12;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SupportPlanReviewSoonerMonths > SupportPlanReviewUsualMonths)
        {
            yield return new ValidationResult(
                "Rules:SupportPlanReviewSoonerMonths must be no more than Rules:SupportPlanReviewUsualMonths: reviews for people at more risk come sooner, not later",
                [nameof(SupportPlanReviewSoonerMonths)]);
        }
    }
}
