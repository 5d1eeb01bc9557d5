using Proportion.Core.Model;

namespace Proportion.Core.Tests.Model;

public class UkTimeTests
{
    [Theory]
    [InlineData("2026-11-22T14:05:00Z", "22 November 2026 at 2:05pm")]
    [InlineData("2026-11-22T09:00:00Z", "22 November 2026 at 9am")]
    // British Summer Time: 23:30 UTC on 30 June is 00:30 on 1 July in England.
    [InlineData("2026-06-30T23:30:00Z", "1 July 2026 at 12:30am")]
    // GOV.UK style: midday and midnight, never 12pm or 12am.
    [InlineData("2026-06-30T11:00:00Z", "30 June 2026 at midday")]
    [InlineData("2026-12-17T00:00:00Z", "17 December 2026 at midnight")]
    public void Format_ShowsLondonTimeTheGovUkWay(string utc, string expected) =>
        Assert.Equal(expected, UkTime.Format(DateTime.Parse(utc).ToUniversalTime()));

    [Theory]
    // A grant that ends at midnight at the start of 17 December lasts until the end of the 16th.
    [InlineData("2026-12-17T00:00:00Z", "16 December 2026")]
    [InlineData("2026-07-01T23:00:00Z", "1 July 2026")]
    [InlineData("2026-12-17T14:05:00Z", "17 December 2026 at 2:05pm")]
    public void FormatUntil_ReadsAMidnightEndAsTheLastWholeDay(string utc, string expected) =>
        Assert.Equal(expected, UkTime.FormatUntil(DateTime.Parse(utc).ToUniversalTime()));

    [Fact]
    public void Today_IsTheDateInEngland_NotInUtc()
    {
        var lateJuneEvening = new FixedClock(new DateTimeOffset(2026, 6, 30, 23, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 7, 1), UkTime.Today(lateJuneEvening));
    }

    [Fact]
    public void EndOfDay_IsMidnightInEngland()
    {
        Assert.Equal(new DateTime(2026, 7, 1, 23, 0, 0, DateTimeKind.Utc), UkTime.EndOfDay(new DateOnly(2026, 7, 1)));
        Assert.Equal(new DateTime(2026, 12, 2, 0, 0, 0, DateTimeKind.Utc), UkTime.EndOfDay(new DateOnly(2026, 12, 1)));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
