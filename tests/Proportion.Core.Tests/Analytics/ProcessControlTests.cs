using Proportion.Core.Analytics;

namespace Proportion.Core.Tests.Analytics;

public class ProcessControlTests
{
    [Fact]
    public void TheLimits_AreTheMeanPlusAndMinus2point66AverageMovingRanges()
    {
        var chart = ProcessControl.Chart([10, 12, 11, 13, 12]);

        // Mean 11.6; moving ranges 2, 1, 2, 1 average 1.5; 2.66 x 1.5 = 3.99.
        Assert.All(chart, p => Assert.Equal(11.6, p.Mean, 6));
        Assert.All(chart, p => Assert.Equal(15.59, p.UpperLimit, 6));
        Assert.All(chart, p => Assert.Equal(7.61, p.LowerLimit, 6));
        Assert.All(chart, p => Assert.Equal(SpecialCause.None, p.Causes));
    }

    [Fact]
    public void ALowerLimitBelowZero_IsZero_ForCounts()
    {
        var chart = ProcessControl.Chart([0, 3, 0, 4, 1]);

        Assert.All(chart, p => Assert.Equal(0, p.LowerLimit));
    }

    [Fact]
    public void APointBeyondTheUpperLimit_IsARise()
    {
        // Mean 12.4, average moving range 3.11: the upper limit is 20.68, and 30 is beyond it.
        var chart = ProcessControl.Chart([10, 11, 10, 11, 10, 11, 10, 11, 10, 30]);

        Assert.Equal(SpecialCause.BeyondLimit, chart[^1].Causes & SpecialCause.BeyondLimit);
        Assert.Equal(SignalDirection.Rise, chart[^1].Direction);
        Assert.All(chart.Take(9), p => Assert.False(p.Causes.HasFlag(SpecialCause.BeyondLimit)));
    }

    [Fact]
    public void SevenInARowOnOneSideOfTheMean_IsAShift_AndSixIsNot()
    {
        var chart = ProcessControl.Chart([1, 2, 1, 2, 1, 2, 1, 5, 6, 5, 6, 5, 6, 5]);

        Assert.All(chart.Take(7), p => Assert.True(p.Causes.HasFlag(SpecialCause.Shift) && p.Direction == SignalDirection.Fall));
        Assert.All(chart.Skip(7), p => Assert.True(p.Causes.HasFlag(SpecialCause.Shift) && p.Direction == SignalDirection.Rise));

        var six = ProcessControl.Chart([1, 2, 1, 2, 1, 2, 5, 6, 5, 6, 5, 6]);
        Assert.All(six, p => Assert.False(p.Causes.HasFlag(SpecialCause.Shift)));
    }

    [Fact]
    public void SevenRisingInARow_IsATrend_AndSixIsNot()
    {
        var seven = ProcessControl.Chart([3, 1, 2, 3, 4, 5, 6, 7, 4]);
        Assert.Equal([false, true, true, true, true, true, true, true, false], seven.Select(p => p.Causes.HasFlag(SpecialCause.Trend)));
        Assert.Equal(SignalDirection.Rise, seven[1].Direction);

        var six = ProcessControl.Chart([3, 1, 2, 3, 4, 5, 6, 4]);
        Assert.All(six, p => Assert.False(p.Causes.HasFlag(SpecialCause.Trend)));
    }

    [Fact]
    public void TwoOfThreeInTheOuterThird_NearTheSameLimit_IsSpecialCause()
    {
        // Mean 10.47, average moving range 0.72: two-thirds of the way to the upper limit is 11.75.
        var chart = ProcessControl.Chart([10, 10.5, 10, 10.5, 10, 10.5, 10, 10.5, 10, 10.5, 10, 10.5, 11.9, 10.3, 11.9]);

        Assert.True(chart[12].Causes.HasFlag(SpecialCause.TwoOfThreeNearALimit));
        Assert.True(chart[14].Causes.HasFlag(SpecialCause.TwoOfThreeNearALimit));
        Assert.False(chart[13].Causes.HasFlag(SpecialCause.TwoOfThreeNearALimit));
        Assert.All(chart, p => Assert.False(p.Causes.HasFlag(SpecialCause.BeyondLimit)));
    }

    [Fact]
    public void LimitsRecalculatedFromAMarkedChange_KeepTheEarlierOnes()
    {
        var chart = ProcessControl.Chart([10, 12, 11, 13, 12, 2, 3, 2, 3], recalculateFrom: [5]);

        Assert.All(chart.Take(5), p => Assert.Equal(11.6, p.Mean, 6));
        Assert.All(chart.Skip(5), p => Assert.Equal(2.5, p.Mean, 6));
        // Without the change, the fall would be read against the old limits.
        var unmarked = ProcessControl.Chart([10, 12, 11, 13, 12, 2, 3, 2, 3]);
        Assert.Equal(7.56, unmarked[0].Mean, 2);
    }
}
