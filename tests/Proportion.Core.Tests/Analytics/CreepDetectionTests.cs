using Proportion.Core.Analytics;

namespace Proportion.Core.Tests.Analytics;

/// <summary>When a chart's last complete point raises an alert that restriction is creeping up (R14, ADR 0025).</summary>
public class CreepDetectionTests
{
    [Fact]
    public void APointBeyondTheUpperLimit_Raises()
    {
        var signal = CreepDetection.Rise([10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 30]);

        Assert.NotNull(signal);
        Assert.Equal(11, signal.FirstIndex);
        Assert.True(signal.Causes.HasFlag(SpecialCause.BeyondLimit));
        Assert.Equal(30, signal.Value);
        Assert.True(signal.UpperLimit < 30);
    }

    [Fact]
    public void SevenInARowAboveTheMean_Raises_FromTheFirstOfThem()
    {
        // Mean 3.5, every moving range 1: nothing near a limit, only the run of seven 4s and 5s above the mean.
        var signal = CreepDetection.Rise([3, 2, 3, 2, 3, 2, 3, 4, 5, 4, 5, 4, 5, 4]);

        Assert.NotNull(signal);
        Assert.Equal(SpecialCause.Shift, signal.Causes);
        Assert.Equal(7, signal.FirstIndex);
    }

    [Fact]
    public void SixInARowAboveTheMean_DoesNotRaise()
    {
        // Mean 3.36, every moving range 1: six above the mean is one short of a shift.
        Assert.Null(CreepDetection.Rise([2, 3, 2, 3, 2, 3, 2, 3, 4, 5, 4, 5, 4, 5]));
    }

    [Fact]
    public void AFall_NeverRaises()
    {
        Assert.Null(CreepDetection.Rise([20, 21, 20, 21, 20, 21, 20, 21, 20, 21, 20, 5]));
        Assert.Null(CreepDetection.Rise([9, 10, 9, 10, 9, 10, 9, 3, 2, 3, 2, 3, 2, 3]));
        // Falling every period for seven: a trend, downwards.
        Assert.Null(CreepDetection.Rise([12, 11, 12, 11, 12, 11, 12, 10, 9, 8, 7, 6, 5, 4]));
    }

    [Fact]
    public void ATrendRising_Raises()
    {
        var signal = CreepDetection.Rise([5, 6, 5, 6, 5, 6, 5, 6, 7, 8, 9, 10, 11, 12]);

        Assert.NotNull(signal);
        Assert.True(signal.Causes.HasFlag(SpecialCause.Trend));
    }

    [Fact]
    public void TooFewPoints_NeverRaise()
    {
        Assert.Null(CreepDetection.Rise([10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 50]));
        Assert.NotNull(CreepDetection.Rise([10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 50]));
    }

    [Fact]
    public void OneUseAfterAQuietSpell_DoesNotRaise_ButUsesInTwoPeriodsInARowDo()
    {
        double[] quiet = [.. Enumerable.Repeat(0.0, 22)];

        Assert.Null(CreepDetection.Rise([.. quiet, 0, 1]));
        var signal = CreepDetection.Rise([.. quiet, 2, 3]);
        Assert.NotNull(signal);
        Assert.Equal(22, signal.FirstIndex);
    }

    [Fact]
    public void TheLastPointNotSignalling_EndsTheRise()
    {
        Assert.Null(CreepDetection.Rise([10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 30, 10]));
    }

    [Fact]
    public void EachRule_IsDescribedInWords()
    {
        Assert.Equal(4, CreepDetection.Describe(SpecialCause.BeyondLimit | SpecialCause.Shift | SpecialCause.Trend | SpecialCause.TwoOfThreeNearALimit).Count);
        Assert.Equal(["above the upper process limit"], CreepDetection.Describe(SpecialCause.BeyondLimit));
    }
}
