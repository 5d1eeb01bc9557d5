using Proportion.Core.Model;

namespace Proportion.Core.Rules;

/// <summary>
/// R20, the council's response: the timescales a council sets for its safeguarding adults team. The first
/// decision (whether a s.42 enquiry is needed) is due within a number of working days of the concern being
/// sent (<see cref="RuleSettings.SafeguardingDecisionWithinWorkingDays"/>, 2 unless set). Working days skip
/// Saturdays and Sundays and the days listed in <see cref="RuleSettings.BankHolidays"/>; nothing else is
/// known about bank holidays, so a deployment that does not list them counts them as working days.
/// Days are counted in England (Europe/London): a concern sent on Friday evening with 2 working days is
/// due by the end of Tuesday. A date is overdue the day after it.
/// </summary>
public static class SafeguardingTimescales
{
    public const string Rule = "R20";
    public const string Source = "the council's safeguarding timescales";
    public const int DefaultDecisionWorkingDays = 2;

    /// <summary>The council's actions, the person's, another organisation's and the provider's show on lists this many days before they are due.</summary>
    public const int DueSoonDays = 7;

    public static bool IsWorkingDay(DateOnly day, IReadOnlySet<DateOnly> bankHolidays) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !bankHolidays.Contains(day);

    /// <summary>The day <paramref name="workingDays"/> working days after <paramref name="from"/> (the day itself not counted).</summary>
    public static DateOnly AddWorkingDays(DateOnly from, int workingDays, IReadOnlySet<DateOnly> bankHolidays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = from;
        var counted = 0;
        while (counted < workingDays)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day, bankHolidays))
            {
                counted++;
            }
        }
        return day;
    }

    /// <summary>The day the council's first decision on a concern sent at <paramref name="sentAtUtc"/> is due by.</summary>
    public static DateOnly DecisionDue(DateTime sentAtUtc, RuleSettings settings) =>
        AddWorkingDays(DateOnly.FromDateTime(UkTime.ToLondon(sentAtUtc)), settings.SafeguardingDecisionWithinWorkingDays, settings.BankHolidayDates());

    public static bool IsOverdue(DateOnly due, DateOnly today) => due < today;

    /// <summary>Whether the concern is waiting for the council's first decision: sent, and no decision recorded.</summary>
    public static bool AwaitsDecision(SafeguardingConcern concern) =>
        concern.Status is SafeguardingStatus.Sent or SafeguardingStatus.Received && concern.SentAt is not null;

    /// <summary>Whole days in England since the concern was sent: 0 on the day it was sent.</summary>
    public static int DaysSince(DateTime sentAtUtc, DateOnly today) =>
        today.DayNumber - DateOnly.FromDateTime(UkTime.ToLondon(sentAtUtc)).DayNumber;
}
