using Proportion.Core.Analytics;

namespace Proportion.Core.Tests.Analytics;

public class ControlChartViewTests
{
    // Mondays from 5 January 2026.
    private static List<SeriesPoint> Weeks(params double[] values) =>
        [.. values.Select((v, i) => new SeriesPoint(new DateOnly(2026, 1, 5).AddDays(7 * i), v))];

    private static List<SeriesPoint> Months(params double[] values) =>
        [.. values.Select((v, i) => new SeriesPoint(new DateOnly(2025, 1, 1).AddMonths(i), v))];

    [Fact]
    public void AChange_RecalculatesFromThePeriodHoldingItsDate()
    {
        var series = Weeks(5, 6, 5, 6, 1, 2, 1, 2);
        // Thursday 5 February 2026 is in the week from Monday 2 February, the fifth point.
        var view = ControlChartView.Build(Measure.Incidents, ChartPeriod.Week, "at Oakfield House", series,
            [new ChartMark(new DateOnly(2026, 2, 5), "New reduction plan")]);

        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 1], view.Rows.Select(r => r.Segment));
        Assert.Equal(2, view.Segments.Count);
        Assert.Equal(5.5, view.Segments[0].Mean);
        Assert.Equal(1.5, view.Segments[1].Mean);
        var change = Assert.Single(view.Changes);
        Assert.Equal(4, change.Index);
        Assert.Equal(1, change.Number);
        // The marker sits halfway between the last point before the change and the first after it.
        Assert.InRange(change.X, (view.Rows[3].X + view.Rows[4].X) / 2 - 0.2, (view.Rows[3].X + view.Rows[4].X) / 2 + 0.2);
        Assert.Contains("Limits recalculated from 5 February 2026 (New reduction plan)", view.Description);
    }

    [Fact]
    public void ChangesOffTheChart_OrInItsFirstPeriod_OrTwiceInOnePeriod_RecalculateAtMostOnce()
    {
        var series = Months(3, 4, 3, 4, 3, 4);
        var marks = new[]
        {
            new ChartMark(new DateOnly(2024, 6, 1), "Before the chart"),
            new ChartMark(new DateOnly(2025, 1, 20), "In the first month"),
            new ChartMark(new DateOnly(2025, 3, 2), "New plan"),
            new ChartMark(new DateOnly(2025, 3, 28), "Same month"),
            new ChartMark(new DateOnly(2025, 7, 1), "After the chart"),
        };

        var indexes = ControlChartView.ChangeIndexes(series, ChartPeriod.Month, marks);

        var only = Assert.Single(indexes);
        Assert.Equal(2, only.Index);
        Assert.Equal("New plan", only.Mark.Description);
    }

    [Fact]
    public void ARunAboveTheMean_IsAConcern_InWords()
    {
        var series = Weeks(2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 3, 3, 3, 3, 3, 3, 3);

        var view = ControlChartView.Build(Measure.Prone, ChartPeriod.Week, "at Oakfield House", series);

        Assert.Equal(Variation.Concern, view.Variation);
        Assert.Contains(view.Rules, r => r == "A run on one side of the mean: the last 7 weeks are all above the mean.");
        Assert.StartsWith("Prone restraint at Oakfield House, weekly, 5 January 2026 to 24 May 2026.", view.Description);
        Assert.Contains("Special cause of concern: higher than expected", view.Description);
        Assert.Contains("the last 7 weeks are all above the mean.", view.Description);
        Assert.Equal("Concern: 7 or more above the mean", ControlChartView.SignalWords(view.Rows[^1]));
    }

    [Fact]
    public void ARunOneShort_IsCommonCause_InWords()
    {
        var series = Weeks(2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 3, 3, 3, 3, 3, 3);

        var view = ControlChartView.Build(Measure.Incidents, ChartPeriod.Week, "for Peggy", series);

        Assert.Equal(Variation.CommonCause, view.Variation);
        Assert.Empty(view.Rules);
        Assert.Contains("Common cause: no significant change.", view.Description);
        Assert.Equal("Common cause", ControlChartView.SignalWords(view.Rows[^1]));
    }

    [Fact]
    public void AFallBeyondTheLowerLimit_IsAnImprovement_InWords()
    {
        var series = Months(20, 21, 20, 21, 20, 21, 20, 21, 20, 21, 20, 2);

        var view = ControlChartView.Build(Measure.RestraintMinutes, ChartPeriod.Month, "across Oakfield Care", series);

        Assert.Equal(Variation.Improvement, view.Variation);
        Assert.Contains("A point beyond a process limit: the latest month is below the lower limit.", view.Rules);
        Assert.Contains("Special cause of improvement: lower than expected", view.Description);
        Assert.StartsWith("Improvement: beyond a limit", ControlChartView.SignalWords(view.Rows[^1]));
    }

    [Fact]
    public void ARisingTrend_IsNamed()
    {
        var series = Weeks(1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 6, 7, 8);

        var view = ControlChartView.Build(Measure.Interventions, ChartPeriod.Week, "for Peggy", series);

        Assert.Contains(view.Rules, r => r == "A trend: the last 8 weeks have risen one after another.");
    }

    [Fact]
    public void ThePoints_FitTheViewBox_WithTheScaleAboveEveryValueAndLimit()
    {
        var view = ControlChartView.Build(Measure.Incidents, ChartPeriod.Month, "for Peggy", Months(0, 4, 9, 3, 2));

        Assert.All(view.Rows, r => Assert.InRange(r.X, ControlChartView.Left, view.PlotRight));
        Assert.All(view.Rows, r => Assert.InRange(r.Y, ControlChartView.Top, view.PlotBottom));
        Assert.All(view.Segments, s => Assert.InRange(s.UpperY, ControlChartView.Top, view.PlotBottom));
        Assert.Equal(view.PlotBottom, view.Rows[0].Y);
        Assert.Equal("0", view.YTicks[0].Label);
        Assert.Equal(view.Rows[0].X, view.XTicks[0].Position);
        Assert.Equal(view.Rows[^1].X, view.XTicks[^1].Position);
        Assert.Equal(("Jan", "2025"), (view.XTicks[0].Label, view.XTicks[0].SecondLine));
        Assert.True(view.ShortSegment);
    }

    [Fact]
    public void NoPeriods_SayNothingToShow()
    {
        var view = ControlChartView.Build(Measure.Incidents, ChartPeriod.Month, "for Peggy", []);

        Assert.Null(view.Latest);
        Assert.Equal(Variation.CommonCause, view.Variation);
        Assert.Equal("Incidents for Peggy: no periods to show.", view.Description);
    }

    [Fact]
    public void PeriodsAndFigures_ReadAsPeopleWriteThem()
    {
        Assert.Equal("Week from 12 January 2026", ControlChartView.PeriodName(new DateOnly(2026, 1, 12), ChartPeriod.Week));
        Assert.Equal("January 2026", ControlChartView.PeriodName(new DateOnly(2026, 1, 1), ChartPeriod.Month));
        Assert.Equal("3", ControlChartView.Figure(3));
        Assert.Equal("3.4", ControlChartView.Figure(3.4166));
        Assert.Equal("uses of prone restraint", ControlChartView.Noun(Measure.Prone));
    }
}
