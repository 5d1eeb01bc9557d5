namespace Proportion.Core.Rules;

/// <summary>
/// R1: "There must be a review date, identified at the point of agreeing the practice ... The review
/// dates must never be beyond a year away" (procedure §5.11, §7.2).
/// </summary>
public static class ReviewDateWithinAYear
{
    public const string Rule = "R1";
    public const string Source = "§5.11";

    public static DateOnly Latest(DateOnly from) => from.AddYears(1);

    /// <summary>Null when the date is allowed; otherwise what is wrong and how to fix it.</summary>
    public static Finding? Check(DateOnly from, DateOnly reviewDate)
    {
        if (reviewDate <= from)
        {
            return new Finding(Rule, Source, "ReviewDate", $"Review date must be after {from:d MMMM yyyy}");
        }
        if (reviewDate > Latest(from))
        {
            return new Finding(Rule, Source, "ReviewDate",
                $"Review date must be no later than {Latest(from):d MMMM yyyy}, a year from {from:d MMMM yyyy}");
        }
        return null;
    }
}
