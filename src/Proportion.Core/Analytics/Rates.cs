using System.Globalization;

namespace Proportion.Core.Analytics;

/// <summary>
/// A count over a months' worth of a denominator: the rate, and how many of the window's months the
/// denominator was known for. <see cref="Value"/> is null when no month's denominator is known or they add to zero.
/// </summary>
public sealed record MonthlyRate(double? Value, int MonthsKnown, int Months);

/// <summary>
/// Rates that let people and services of different sizes be compared (R14): a count per person supported,
/// per 1,000 occupied bed days, per 1,000 hours of support. A rate whose denominator is unknown or zero is
/// "Not known", never zero and never infinite.
/// </summary>
public static class Rates
{
    public const string NotKnown = "Not known";

    /// <summary><paramref name="count"/> per <paramref name="per"/> units of <paramref name="denominator"/>; null when it is unknown or not above zero.</summary>
    public static double? Per(int count, double? denominator, double per = 1) =>
        denominator is { } d && d > 0 ? count * per / d : null;

    public static double? PerPerson(int count, int? people) => Per(count, people);

    public static double? PerThousand(int count, long? units) => Per(count, units, 1000);

    /// <summary>
    /// A count per 1,000 units kept month by month (occupied bed days, support hours). Only the months wholly
    /// inside the window with a figure recorded count, numerator and denominator alike, so a month with no
    /// figure (or one the window only partly covers) neither inflates nor dilutes the rate.
    /// </summary>
    /// <param name="countsByMonth">The count in each month, keyed by the month's first day.</param>
    /// <param name="unitsByMonth">The denominator recorded for each month, keyed by the month's first day; absent or null when not known.</param>
    public static MonthlyRate PerThousandOverMonths(DateOnly from, DateOnly to,
        IReadOnlyDictionary<DateOnly, int> countsByMonth, IReadOnlyDictionary<DateOnly, int?> unitsByMonth)
    {
        var months = Periods.Between(from, to, ChartPeriod.Month);
        var whole = months.Where(m => m >= from && Periods.EndOf(m, ChartPeriod.Month) <= to).ToList();
        var known = whole.Where(m => unitsByMonth.GetValueOrDefault(m) is not null).ToList();
        long units = known.Sum(m => (long)unitsByMonth[m]!.Value);
        var count = known.Sum(m => countsByMonth.GetValueOrDefault(m));
        return new MonthlyRate(PerThousand(count, units), known.Count, months.Count);
    }

    /// <summary>"0.25", "12", or "Not known".</summary>
    public static string Format(double? rate) =>
        rate is { } r ? r.ToString(r >= 100 ? "#,0" : "#,0.##", CultureInfo.GetCultureInfo("en-GB")) : NotKnown;
}
