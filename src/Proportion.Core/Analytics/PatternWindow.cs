namespace Proportion.Core.Analytics;

/// <summary>
/// The dates a patterns page reads, in England's calendar, both days included. The periods offered count
/// whole calendar months back from this one, as the incident list's default year does, so a figure's link to
/// the list opens the same incidents.
/// </summary>
public sealed record PatternWindow(DateOnly From, DateOnly To)
{
    public static readonly IReadOnlyList<int> MonthChoices = [3, 6, 12, 24];
    public const int DefaultMonths = 12;
    /// <summary>The longest window that may be chosen: enough for a review over years, bounded so a read stays small.</summary>
    public const int MaxYears = 3;

    /// <summary>This month and the <paramref name="months"/> − 1 before it, up to today.</summary>
    public static PatternWindow LastMonths(DateOnly today, int months) =>
        new(new DateOnly(today.Year, today.Month, 1).AddMonths(-(months - 1)), today);

    /// <summary>Why two chosen dates cannot make a window, in the words the page shows; null when they can.</summary>
    public static string? Problem(DateOnly from, DateOnly to) =>
        from > to ? "The to date must be the same as or after the from date"
        : to > from.AddYears(MaxYears) ? $"The dates must be no more than {MaxYears} years apart"
        : null;
}
