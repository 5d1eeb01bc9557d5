using System.ComponentModel.DataAnnotations;

namespace Proportion.Core.Analytics;

/// <summary>The length of one point on a chart: a week from Monday, or a calendar month, in England's calendar.</summary>
public enum ChartPeriod
{
    [Display(Name = "Weekly")] Week = 1,
    [Display(Name = "Monthly")] Month = 2,
}

public static class Periods
{
    /// <summary>The first day of the period <paramref name="day"/> falls in: its Monday, or the 1st of its month.</summary>
    public static DateOnly StartOf(DateOnly day, ChartPeriod period) => period switch
    {
        ChartPeriod.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        _ => new DateOnly(day.Year, day.Month, 1),
    };

    public static DateOnly Next(DateOnly start, ChartPeriod period) => period == ChartPeriod.Week ? start.AddDays(7) : start.AddMonths(1);

    /// <summary>The last day of the period that starts on <paramref name="start"/>.</summary>
    public static DateOnly EndOf(DateOnly start, ChartPeriod period) => Next(start, period).AddDays(-1);

    /// <summary>Every period from the one holding <paramref name="from"/> to the one holding <paramref name="to"/>, in order.</summary>
    public static IReadOnlyList<DateOnly> Between(DateOnly from, DateOnly to, ChartPeriod period)
    {
        var starts = new List<DateOnly>();
        for (var start = StartOf(from, period); start <= to; start = Next(start, period))
        {
            starts.Add(start);
        }
        return starts;
    }
}
