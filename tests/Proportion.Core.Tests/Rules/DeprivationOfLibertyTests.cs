using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Core.Tests.Rules;

public class DeprivationOfLibertyTests
{
    /// <summary>A clock stopped at one instant.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static readonly DateOnly Adult = new(1980, 5, 1);
    private static readonly DateOnly Day = new(2026, 11, 22);

    [Theory]
    [InlineData(SettingType.CareHome, true)]
    [InlineData(SettingType.NursingHome, true)]
    [InlineData(SettingType.Hospital, true)]
    [InlineData(SettingType.SupportedLiving, false)]
    [InlineData(SettingType.HomeCare, false)]
    [InlineData(SettingType.DayService, false)]
    public void ForAnAdult_DoLSOnlyInCareHomesAndHospitals_TheCourtInEverySetting(SettingType setting, bool safeguards)
    {
        var routes = DeprivationOfLibertyRoute.For(setting, Adult, Day);

        Assert.Equal(safeguards, routes.Safeguards);
        Assert.True(routes.CourtOfProtection);
        Assert.Equal(safeguards ? LibertyRoute.DeprivationOfLibertySafeguards : LibertyRoute.CourtOfProtection, routes.Usual);
        Assert.Empty(routes.Warnings);
    }

    [Fact]
    public void EverySetting_HasRoutes() =>
        Assert.All(Enum.GetValues<SettingType>(), s => DeprivationOfLibertyRoute.For(s, Adult, Day));

    [Fact]
    public void InACareHome_The17YearOldGoesToTheCourt_AndFromTheir18thBirthdayDoLSIsOpen()
    {
        var born = new DateOnly(2008, 12, 2);

        var dayBefore = DeprivationOfLibertyRoute.For(SettingType.CareHome, born, new DateOnly(2026, 12, 1)); // 17 years 364 days
        var birthday = DeprivationOfLibertyRoute.For(SettingType.CareHome, born, new DateOnly(2026, 12, 2)); // 18 years 0 days

        Assert.Equal(17, dayBefore.Age);
        Assert.False(dayBefore.Safeguards);
        Assert.True(dayBefore.CourtOfProtection);
        Assert.Equal(LibertyRoute.CourtOfProtection, dayBefore.Usual);
        Assert.Contains("DoLS is only for people aged 18 and over", dayBefore.Explanation);
        Assert.False(dayBefore.Allows(LibertyAuthorisationKind.UrgentAuthorisation));
        Assert.Equal(18, birthday.Age);
        Assert.True(birthday.Safeguards);
        Assert.True(birthday.Allows(LibertyAuthorisationKind.StandardAuthorisation));
    }

    [Fact]
    public void TheBirthdayIsTheDayInLondon_NotInUtc()
    {
        // 23:30 UTC on 1 December is still 1 December in London (GMT); at 23:30 UTC on 14 June it is already 15 June (BST).
        var winterBorn = new DateOnly(2008, 12, 2);
        var summerBorn = new DateOnly(2008, 6, 15);
        var winterEve = UkTime.Today(new FixedClock(new DateTimeOffset(2026, 12, 1, 23, 30, 0, TimeSpan.Zero)));
        var summerMidnight = UkTime.Today(new FixedClock(new DateTimeOffset(2026, 6, 14, 23, 30, 0, TimeSpan.Zero)));

        Assert.False(DeprivationOfLibertyRoute.For(SettingType.CareHome, winterBorn, winterEve).Safeguards);
        Assert.True(DeprivationOfLibertyRoute.For(SettingType.CareHome, summerBorn, summerMidnight).Safeguards);
    }

    [Theory]
    [InlineData(SettingType.CareHome)]
    [InlineData(SettingType.SupportedLiving)]
    public void From16_TheCourtInAnySetting_Under16_Neither(SettingType setting)
    {
        var born = new DateOnly(2010, 12, 2);

        var fifteen = DeprivationOfLibertyRoute.For(setting, born, new DateOnly(2026, 12, 1));
        var sixteen = DeprivationOfLibertyRoute.For(setting, born, new DateOnly(2026, 12, 2));

        Assert.False(fifteen.Safeguards);
        Assert.False(fifteen.CourtOfProtection);
        Assert.Equal(LibertyRoute.NeitherUnderSixteen, fifteen.Usual);
        Assert.Contains("High Court", fifteen.Explanation);
        Assert.False(sixteen.Safeguards);
        Assert.True(sixteen.CourtOfProtection);
    }

    [Fact]
    public void BornOn29February_ComesOfAgeOn1MarchInAnOrdinaryYear()
    {
        var born = new DateOnly(2008, 2, 29);

        Assert.Equal(17, DeprivationOfLibertyRoute.AgeOn(born, new DateOnly(2026, 2, 28)));
        Assert.Equal(18, DeprivationOfLibertyRoute.AgeOn(born, new DateOnly(2026, 3, 1)));
        Assert.Equal(16, DeprivationOfLibertyRoute.AgeOn(born, new DateOnly(2024, 2, 29)));
    }

    [Fact]
    public void AnUnknownDateOfBirth_LetsTheUserGoOnWithAWarning()
    {
        var routes = DeprivationOfLibertyRoute.For(SettingType.CareHome, null, Day);

        Assert.True(routes.Safeguards);
        Assert.Null(routes.Age);
        Assert.Contains(routes.Warnings, w => w.Severity == FindingSeverity.Warning && w.Message.Contains("date of birth is not recorded"));
    }

    [Fact]
    public void Timescales_MatchAppendixThree()
    {
        Assert.Equal(new DateOnly(2026, 11, 29), DeprivationOfLibertyTimescales.UrgentExpires(Day));
        // The extension adds up to 7 days to the end the urgent authorisation had, whatever that was.
        Assert.Equal(new DateOnly(2026, 12, 2), DeprivationOfLibertyTimescales.UrgentExtendedExpires(new DateOnly(2026, 11, 25)));
        Assert.Equal(new DateOnly(2026, 12, 13), DeprivationOfLibertyTimescales.AssessmentDue(Day));
        Assert.Equal(new DateOnly(2027, 11, 22), DeprivationOfLibertyTimescales.StandardLatestExpiry(Day));
        Assert.Equal(new DateOnly(2027, 10, 25), DeprivationOfLibertyTimescales.RenewBy(new DateOnly(2027, 11, 22)));
    }

    [Fact]
    public void AnUrgentAuthorisation_ShortensTheTwentyOneDays_ButNeverLengthensThem()
    {
        Assert.Equal(new DateOnly(2026, 11, 29), DeprivationOfLibertyTimescales.AssessmentDue(Day, urgentEnds: new DateOnly(2026, 11, 29)));
        Assert.Equal(new DateOnly(2026, 12, 13), DeprivationOfLibertyTimescales.AssessmentDue(Day, urgentEnds: new DateOnly(2026, 12, 20)));
    }

    [Fact]
    public void UrgentLatestEnd_SevenDaysFromGiven_ThenSevenBeyondTheEndItHad()
    {
        Assert.Equal(new DateOnly(2026, 11, 29), LibertyDeadlines.UrgentLatestEnd(Day, extended: false, null));
        Assert.Equal(new DateOnly(2026, 12, 1), LibertyDeadlines.UrgentLatestEnd(Day, extended: true, new DateOnly(2026, 11, 24)));
        // Extended before the end was kept: 7 days beyond the longest it could have had.
        Assert.Equal(new DateOnly(2026, 12, 6), LibertyDeadlines.UrgentLatestEnd(Day, extended: true, null));
    }
}
