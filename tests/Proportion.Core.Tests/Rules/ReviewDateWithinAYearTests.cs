using Proportion.Core.Rules;

namespace Proportion.Core.Tests.Rules;

public class ReviewDateWithinAYearTests
{
    private static readonly DateOnly Agreed = new(2026, 11, 22);

    [Fact]
    public void Check_ExactlyAYearAway_IsAllowed() => Assert.Null(ReviewDateWithinAYear.Check(Agreed, new DateOnly(2027, 11, 22)));

    [Fact]
    public void Check_AYearAndADayAway_IsRefusedNamingTheRuleAndTheLatestDate()
    {
        var problem = ReviewDateWithinAYear.Check(Agreed, new DateOnly(2027, 11, 23));

        Assert.NotNull(problem);
        Assert.Equal("ReviewDate", problem.Field);
        Assert.Contains("no later than 22 November 2027", problem.ToString());
        Assert.Contains("rule R1, §5.11", problem.ToString());
    }

    [Fact]
    public void Check_OnOrBeforeTheStart_IsRefused()
    {
        Assert.NotNull(ReviewDateWithinAYear.Check(Agreed, Agreed));
        Assert.NotNull(ReviewDateWithinAYear.Check(Agreed, Agreed.AddDays(-1)));
    }

    [Fact]
    public void Check_FromTheTwentyNinthOfFebruary_AllowsTheTwentyEighthNextYear()
    {
        var leapDay = new DateOnly(2028, 2, 29);

        Assert.Null(ReviewDateWithinAYear.Check(leapDay, new DateOnly(2029, 2, 28)));
        Assert.NotNull(ReviewDateWithinAYear.Check(leapDay, new DateOnly(2029, 3, 1)));
    }
}
