using Proportion.Core.Analytics;

namespace Proportion.Core.Tests.Analytics;

public class RatesTests
{
    [Fact]
    public void APerPersonRate_DividesByThePeopleSupported() => Assert.Equal(2.5, Rates.PerPerson(10, 4));

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void ARate_OverNoneOrFewerThanNone_IsNotKnown(int people)
    {
        Assert.Null(Rates.PerPerson(5, people));
        Assert.Null(Rates.PerThousand(5, people));
        Assert.Equal("Not known", Rates.Format(Rates.PerPerson(5, people)));
    }

    [Fact]
    public void ARate_OverAnUnknownDenominator_IsNotKnown()
    {
        Assert.Null(Rates.PerPerson(5, null));
        Assert.Null(Rates.PerThousand(5, null));
    }

    [Fact]
    public void NoIncidents_OverAKnownDenominator_IsARateOfZero() => Assert.Equal("0", Rates.Format(Rates.PerThousand(0, 300)));

    [Fact]
    public void APerThousandRate_ScalesToAThousand() => Assert.Equal(10, Rates.PerThousand(3, 300));

    [Theory]
    [InlineData(2.0 / 3, "0.67")]
    [InlineData(1234.5, "1,235")]
    [InlineData(12.0, "12")]
    public void Rates_AreShownToTwoPlaces_OrWholeWhenLarge(double rate, string shown) => Assert.Equal(shown, Rates.Format(rate));

    private static readonly DateOnly Sep = new(2026, 9, 1), Oct = new(2026, 10, 1), Nov = new(2026, 11, 1);

    [Fact]
    public void AMonthlyRate_CountsOnlyTheWholeMonthsWithAFigure_NumeratorAndDenominatorAlike()
    {
        // September to 18 November: September and October are whole; November is not, and is left out even with a figure.
        var counts = new Dictionary<DateOnly, int> { [Sep] = 4, [Oct] = 6, [Nov] = 50 };
        var bedDays = new Dictionary<DateOnly, int?> { [Sep] = 300, [Oct] = null, [Nov] = 100 };

        var rate = Rates.PerThousandOverMonths(Sep, new DateOnly(2026, 11, 18), counts, bedDays);

        // Only September is whole and known: 4 incidents over 300 bed days.
        Assert.Equal(1000.0 * 4 / 300, rate.Value);
        Assert.Equal(1, rate.MonthsKnown);
        Assert.Equal(3, rate.Months);
    }

    [Fact]
    public void AMonthlyRate_WithNoFigures_OrFiguresOfZero_IsNotKnown()
    {
        var counts = new Dictionary<DateOnly, int> { [Sep] = 4 };
        Assert.Null(Rates.PerThousandOverMonths(Sep, new DateOnly(2026, 10, 31), counts, new Dictionary<DateOnly, int?>()).Value);
        var zero = Rates.PerThousandOverMonths(Sep, new DateOnly(2026, 10, 31), counts, new Dictionary<DateOnly, int?> { [Sep] = 0, [Oct] = 0 });
        Assert.Null(zero.Value);
        Assert.Equal(2, zero.MonthsKnown);
    }

    [Fact]
    public void AMonthStartedPartWay_IsNotWhole() =>
        Assert.Null(Rates.PerThousandOverMonths(new DateOnly(2026, 9, 2), new DateOnly(2026, 9, 30),
            new Dictionary<DateOnly, int> { [Sep] = 1 }, new Dictionary<DateOnly, int?> { [Sep] = 300 }).Value);
}
