namespace Proportion.Core.Rules;

/// <summary>
/// R9: "Practices are reviewed by their date" (§7). A review is due soon in the month before its date,
/// due on the date, and overdue the day after, when managers above the service must see it too.
/// </summary>
public static class ReviewDue
{
    public const string Rule = "R9";
    public const string Source = "§7.2";
    /// <summary>Reviews show on the manager's list this many days before their date.</summary>
    public const int DueSoonDays = 30;

    public static ReviewState State(DateOnly? reviewDate, DateOnly today) => reviewDate switch
    {
        null => ReviewState.NotDue,
        { } d when d < today => ReviewState.Overdue,
        { } d when d == today => ReviewState.DueToday,
        { } d when d <= today.AddDays(DueSoonDays) => ReviewState.DueSoon,
        _ => ReviewState.NotDue,
    };

    /// <summary>Anything on or before this date shows on the list.</summary>
    public static DateOnly ShownFrom(DateOnly today) => today.AddDays(DueSoonDays);
}

public enum ReviewState
{
    NotDue = 0,
    DueSoon = 1,
    DueToday = 2,
    Overdue = 3,
}
