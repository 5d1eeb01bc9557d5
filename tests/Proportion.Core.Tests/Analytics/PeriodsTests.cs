using Proportion.Core.Analytics;

namespace Proportion.Core.Tests.Analytics;

public class PeriodsTests
{
    [Theory]
    [InlineData("2026-11-30", "2026-11-30")] // a Monday is its own week's start
    [InlineData("2026-12-06", "2026-11-30")] // Sunday belongs to the week before it
    [InlineData("2027-01-01", "2026-12-28")] // a week crosses the year
    public void AWeek_StartsOnItsMonday(string day, string monday) =>
        Assert.Equal(DateOnly.Parse(monday), Periods.StartOf(DateOnly.Parse(day), ChartPeriod.Week));

    [Fact]
    public void AMonth_StartsOnItsFirst_AndEndsOnItsLast() =>
        Assert.Equal((new DateOnly(2028, 2, 1), new DateOnly(2028, 2, 29)),
            (Periods.StartOf(new DateOnly(2028, 2, 17), ChartPeriod.Month), Periods.EndOf(new DateOnly(2028, 2, 1), ChartPeriod.Month)));

    [Fact]
    public void Between_ListsEveryPeriodFromTheOneHoldingTheFirstDay_ToTheOneHoldingTheLast()
    {
        var months = Periods.Between(new DateOnly(2026, 10, 15), new DateOnly(2027, 1, 2), ChartPeriod.Month);
        Assert.Equal([new(2026, 10, 1), new(2026, 11, 1), new(2026, 12, 1), new DateOnly(2027, 1, 1)], months);
        var weeks = Periods.Between(new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 14), ChartPeriod.Week);
        Assert.Equal([new(2026, 11, 30), new(2026, 12, 7), new DateOnly(2026, 12, 14)], weeks);
    }
}
