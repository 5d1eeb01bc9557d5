using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Core.Tests.Rules;

/// <summary>R20: the council's first decision is due within working days of the concern being sent, counted in England.</summary>
public sealed class SafeguardingTimescalesTests
{
    private static readonly RuleSettings Defaults = new();

    private static DateTime London(int year, int month, int day, int hour) =>
        UkTime.ToUtc(new DateOnly(year, month, day), new TimeOnly(hour, 0))!.Value;

    [Fact]
    public void SentOnAMonday_IsDueByWednesday() =>
        Assert.Equal(new DateOnly(2026, 11, 25), SafeguardingTimescales.DecisionDue(London(2026, 11, 23, 10), Defaults));

    [Fact]
    public void SentOnAFridayEvening_SkipsTheWeekend() =>
        Assert.Equal(new DateOnly(2026, 12, 1), SafeguardingTimescales.DecisionDue(London(2026, 11, 27, 19), Defaults));

    [Fact]
    public void SentOnASaturday_IsDueByTuesday() =>
        Assert.Equal(new DateOnly(2026, 12, 1), SafeguardingTimescales.DecisionDue(London(2026, 11, 28, 9), Defaults));

    [Fact]
    public void LateOnASummerEvening_CountsTheDayInEngland()
    {
        // 00:30 on Friday 3 July 2026 in London is 23:30 on Thursday in UTC: the day counted from is the Friday.
        var fridayInLondon = UkTime.ToUtc(new DateOnly(2026, 7, 3), new TimeOnly(0, 30))!.Value;
        Assert.Equal(new DateOnly(2026, 7, 2), DateOnly.FromDateTime(fridayInLondon));
        Assert.Equal(new DateOnly(2026, 7, 7), SafeguardingTimescales.DecisionDue(fridayInLondon, Defaults));
    }

    [Fact]
    public void BankHolidaysListed_AreNotWorkingDays_AndOthersAre()
    {
        var christmasEve = London(2026, 12, 24, 10);
        // Not listed: 25 December (Friday) counts as a working day.
        Assert.Equal(new DateOnly(2026, 12, 28), SafeguardingTimescales.DecisionDue(christmasEve, Defaults));
        var listed = new RuleSettings { BankHolidays = ["2026-12-25", " 2026-12-28 "] };
        Assert.Equal(new DateOnly(2026, 12, 30), SafeguardingTimescales.DecisionDue(christmasEve, listed));
    }

    [Fact]
    public void TheNumberOfWorkingDays_IsASetting()
    {
        var sent = London(2026, 11, 23, 10);
        Assert.Equal(new DateOnly(2026, 11, 24), SafeguardingTimescales.DecisionDue(sent, new RuleSettings { SafeguardingDecisionWithinWorkingDays = 1 }));
        Assert.Equal(new DateOnly(2026, 11, 30), SafeguardingTimescales.DecisionDue(sent, new RuleSettings { SafeguardingDecisionWithinWorkingDays = 5 }));
    }

    [Fact]
    public void OverdueFromTheDayAfter()
    {
        var due = new DateOnly(2026, 11, 25);
        Assert.False(SafeguardingTimescales.IsOverdue(due, due));
        Assert.True(SafeguardingTimescales.IsOverdue(due, due.AddDays(1)));
        Assert.Equal(3, SafeguardingTimescales.DaysSince(London(2026, 11, 23, 10), new DateOnly(2026, 11, 26)));
    }
}
