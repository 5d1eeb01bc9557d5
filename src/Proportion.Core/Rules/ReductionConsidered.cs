namespace Proportion.Core.Rules;

/// <summary>
/// R18: temporary restrictions must not become permanent unnoticed (§3.4; positive risk-taking guidance,
/// docs/rules.md). A practice in place longer than the set time without a review that considered reducing
/// or ending it is flagged. The time is <see cref="RuleSettings.ReductionConsideredWithinMonths"/>, six
/// months unless set.
/// </summary>
public static class ReductionConsidered
{
    public const string Rule = "R18";
    public const string Source = "§3.4";
    public const int DefaultMonths = 6;

    /// <summary>
    /// Flagged when both the start and the last review that considered reducing it are before the cut-off.
    /// Written as a cut-off, not "start plus six months", so the database query says exactly the same.
    /// </summary>
    public static bool IsFlagged(DateOnly? startDate, DateOnly? lastConsideredOn, int months, DateOnly today) =>
        startDate < CutOff(today, months) && !(lastConsideredOn >= CutOff(today, months));

    /// <summary>A practice in place (agreed or under review) and flagged: proposals and ended practices are not.</summary>
    public static bool IsFlagged(Model.RestrictivePractice practice, int months, DateOnly today) =>
        practice.Status is Model.PracticeStatus.Agreed or Model.PracticeStatus.UnderReview
        && IsFlagged(practice.StartDate, practice.ReductionConsideredOn, months, today);

    /// <summary>A practice that started before this date, and was not considered for reduction since, is flagged.</summary>
    public static DateOnly CutOff(DateOnly today, int months) => today.AddMonths(-months);

    public static string Message(int months) =>
        $"In place over {months} months without a review that considered reducing it";
}
