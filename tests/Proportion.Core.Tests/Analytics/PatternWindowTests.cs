using Proportion.Core.Analytics;
using Proportion.Core.Services;
using Proportion.Core.Data;

namespace Proportion.Core.Tests.Analytics;

public class PatternWindowTests
{
    [Fact]
    public void TheLastTwelveMonths_AreThisMonthAndTheElevenBefore() =>
        Assert.Equal(new PatternWindow(new DateOnly(2025, 12, 1), new DateOnly(2026, 11, 18)), PatternWindow.LastMonths(new DateOnly(2026, 11, 18), 12));

    [Fact]
    public void TheLastThreeMonths_CrossTheYear() =>
        Assert.Equal(new DateOnly(2026, 11, 1), PatternWindow.LastMonths(new DateOnly(2027, 1, 5), 3).From);

    [Fact]
    public void Dates_MustRunForwards_AndNoMoreThanThreeYears()
    {
        Assert.Null(PatternWindow.Problem(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 1)));
        Assert.Null(PatternWindow.Problem(new DateOnly(2023, 11, 18), new DateOnly(2026, 11, 18)));
        Assert.NotNull(PatternWindow.Problem(new DateOnly(2026, 1, 2), new DateOnly(2026, 1, 1)));
        Assert.NotNull(PatternWindow.Problem(new DateOnly(2023, 11, 17), new DateOnly(2026, 11, 18)));
    }

    [Fact]
    public void OccupancyFigures_NeedOneOfTheTwo_WithinBounds_AndNotAMonthToCome()
    {
        var today = new DateOnly(2026, 11, 18);
        OccupancyRecords.Validate(new OccupancyFigures(new DateOnly(2026, 11, 1), 0, null), today);
        OccupancyRecords.Validate(new OccupancyFigures(new DateOnly(2026, 10, 1), null, 1200), today);

        Assert.Contains("OccupiedBedDays", Assert.Throws<RuleViolationException>(() => OccupancyRecords.Validate(new OccupancyFigures(new DateOnly(2026, 10, 1), null, null), today)).Errors.Keys);
        Assert.Contains("SupportHours", Assert.Throws<RuleViolationException>(() => OccupancyRecords.Validate(new OccupancyFigures(new DateOnly(2026, 10, 1), 3, -1), today)).Errors.Keys);
        Assert.Contains("Month", Assert.Throws<RuleViolationException>(() => OccupancyRecords.Validate(new OccupancyFigures(new DateOnly(2026, 12, 1), 3, null), today)).Errors.Keys);
    }
}
