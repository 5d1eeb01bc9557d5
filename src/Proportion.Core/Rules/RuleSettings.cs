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

    /// <summary>
    /// R20: the council's first decision on a safeguarding concern (is a s.42 enquiry needed?) is due within this
    /// many working days of the concern being sent. 2 unless set.
    /// </summary>
    [Range(1, 20, ErrorMessage = "Rules:SafeguardingDecisionWithinWorkingDays must be a whole number of working days from 1 to 20")]
    public int SafeguardingDecisionWithinWorkingDays { get; set; } = SafeguardingTimescales.DefaultDecisionWorkingDays;

    /// <summary>
    /// R20: days that are not working days besides Saturdays and Sundays, for timescales counted in working days:
    /// the bank holidays where the council is, as dates written 2026-12-25. None unless set, so a bank holiday not
    /// listed here counts as a working day. Kept as text and checked here, because a list of dates that does not
    /// read as dates would otherwise be dropped without a word.
    /// </summary>
    [Dates(ErrorMessage = "Rules:BankHolidays must be dates written like 2026-12-25")]
    public List<string> BankHolidays { get; set; } = [];

    /// <summary>The <see cref="BankHolidays"/> as dates (start-up has checked each reads as one).</summary>
    public IReadOnlySet<DateOnly> BankHolidayDates() =>
        BankHolidays.Select(d => DatesAttribute.TryRead(d, out var date) ? date : (DateOnly?)null).OfType<DateOnly>().ToHashSet();

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

/// <summary>A list of dates written year-month-day (2026-12-25), each a real date.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DatesAttribute : ValidationAttribute
{
    public static bool TryRead(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out date);

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is IEnumerable<string> dates && dates.FirstOrDefault(d => !TryRead(d, out _)) is { } bad
            ? new ValidationResult($"{ErrorMessage}: \"{bad}\" is not one", validationContext.MemberName is { } name ? [name] : null)
            : ValidationResult.Success;
}
