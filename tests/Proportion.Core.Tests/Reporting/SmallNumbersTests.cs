using Proportion.Core.Analytics;
using Proportion.Core.Reporting;

namespace Proportion.Core.Tests.Reporting;

/// <summary>R17: the NHS small-number rule, as every published count of the yearly report goes through it.</summary>
public sealed class SmallNumbersTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, SmallNumbers.FewerThanFive)]
    [InlineData(4, SmallNumbers.FewerThanFive)]
    [InlineData(5, "5")]
    [InlineData(7, "5")]
    [InlineData(8, "10")]
    [InlineData(12, "10")]
    [InlineData(13, "15")]
    [InlineData(1234, "1,235")]
    public void ACount_IsShownAsTheRuleSays(int count, string shown) =>
        Assert.Equal(shown, SmallNumbers.Suppress(count).ToString());

    [Theory]
    // Ties: 2.5 away from a multiple of 5 can only happen for halves; whole counts round half up, so 7.5 has no count,
    // and the nearest whole counts either side (7 and 8) fall either way.
    [InlineData(7, 5)]
    [InlineData(8, 10)]
    [InlineData(22, 20)]
    [InlineData(23, 25)]
    public void Rounding_IsHalfUp_ToTheNearestFive(int count, int rounded) =>
        Assert.Equal(rounded, SmallNumbers.Suppress(count).Value);

    [Fact]
    public void OneToFour_AreSuppressed_AndZeroIsNot()
    {
        Assert.All(Enumerable.Range(1, 4), n => Assert.True(SmallNumbers.Suppress(n).Suppressed));
        Assert.False(SmallNumbers.Suppress(0).Suppressed);
        Assert.Throws<ArgumentOutOfRangeException>(() => SmallNumbers.Suppress(-1));
    }

    [Theory]
    [InlineData(9, 10, 90)]
    [InlineData(3, 10, null)]
    [InlineData(10, 4, null)]
    [InlineData(0, 10, 0)]
    [InlineData(0, 0, null)]
    public void APercentage_IsWithheld_WhenEitherCountIsSuppressed_OrThereIsNothingToDivideBy(int part, int whole, int? shown) =>
        Assert.Equal(shown, SmallNumbers.Percentage(part, whole));

    [Theory]
    [InlineData(20, 30, "Fell")]
    [InlineData(30, 20, "Rose")]
    // 6 and 7 are both published as 5: the words say no more than the numbers.
    [InlineData(6, 7, "About the same")]
    [InlineData(3, 20, "Too few to compare")]
    public void AChange_IsReadFromThePublishedFigures(int thisYear, int yearBefore, string change) =>
        Assert.Equal(change, new ComparedCount("x", SmallNumbers.Suppress(thisYear), SmallNumbers.Suppress(yearBefore)).Change);

    [Fact]
    public void TheReportingYear_IsTheFinancialYear()
    {
        var year = new ReportingYear(2025);
        Assert.Equal(new DateOnly(2025, 4, 1), year.FirstDay);
        Assert.Equal(new DateOnly(2026, 3, 31), year.LastDay);
        Assert.Equal("2025 to 2026", year.ToString());
        Assert.Equal(year, ReportingYear.LastEnded(new DateOnly(2026, 11, 18)));
        Assert.Equal(new ReportingYear(2024), ReportingYear.LastEnded(new DateOnly(2026, 3, 31)));
        Assert.False(year.HasEnded(new DateOnly(2026, 3, 31)));
        Assert.True(year.HasEnded(new DateOnly(2026, 4, 1)));
        // British Summer Time: the year starts at midnight in England, 23:00 the day before in UTC.
        Assert.Equal(new DateTime(2025, 3, 31, 23, 0, 0, DateTimeKind.Utc), year.StartsAtUtc);
    }

    [Fact]
    public void PublicFigures_SuppressEveryCount_AndWithholdAShareFromSmallNumbers()
    {
        var counts = new YearCounts(9, 12, 3, 0, 2, 0, 1, 0, 1, 0);
        var before = new YearCounts(20, 30, 6, 1, 0, 0, 0, 0, 0, 0);
        var figures = new ReportFigures(2025, DateTime.UtcNow, counts, before,
            [new CountByKind(7, "Physical restraint: standing", 12, 30)], [new CountByKind(11, "Prevent serious intentional self-harm", 9, 20)],
            [new MonthCounts(new DateOnly(2025, 4, 1), 3, 8, 0)], [new MonthSignal(new DateOnly(2025, 4, 1), SignalDirection.Rise, SpecialCause.BeyondLimit)],
            new TrainingShare(new DateOnly(2026, 3, 31), 12, 3));

        var shown = PublicFigures.From(figures);

        Assert.Equal(["10", "10", SmallNumbers.FewerThanFive, "0", SmallNumbers.FewerThanFive, "0"], shown.Comparison.Select(c => c.ThisYear.ToString()));
        Assert.Equal("Fell", shown.Comparison[1].Change);
        Assert.StartsWith("Restriction fell: 10 restrictive interventions in 2025 to 2026, against 30", shown.Summary);
        Assert.Equal(SmallNumbers.FewerThanFive, shown.Months[0].Incidents.ToString());
        Assert.Equal("10", shown.Months[0].Interventions.ToString());
        Assert.DoesNotContain("%", shown.Training);
        Assert.Contains("fewer than 5 of 10 staff", shown.Training);
        Assert.StartsWith("April 2025: a rise", shown.Signals[0]);
    }
}
