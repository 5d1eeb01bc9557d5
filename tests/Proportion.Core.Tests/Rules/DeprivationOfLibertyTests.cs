using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Core.Tests.Rules;

public class DeprivationOfLibertyTests
{
    [Theory]
    [InlineData(SettingType.CareHome, LibertyRoute.DeprivationOfLibertySafeguards)]
    [InlineData(SettingType.NursingHome, LibertyRoute.DeprivationOfLibertySafeguards)]
    [InlineData(SettingType.Hospital, LibertyRoute.DeprivationOfLibertySafeguards)]
    [InlineData(SettingType.SupportedLiving, LibertyRoute.CourtOfProtection)]
    [InlineData(SettingType.HomeCare, LibertyRoute.CourtOfProtection)]
    [InlineData(SettingType.DayService, LibertyRoute.CourtOfProtection)]
    public void Route_FollowsWhereThePersonLives(SettingType setting, LibertyRoute route) =>
        Assert.Equal(route, DeprivationOfLibertyRoute.For(setting));

    [Fact]
    public void EverySetting_HasARoute() =>
        Assert.All(Enum.GetValues<SettingType>(), s => DeprivationOfLibertyRoute.For(s));

    [Fact]
    public void Timescales_MatchAppendixThree()
    {
        var day = new DateOnly(2026, 11, 22);

        Assert.Equal(new DateOnly(2026, 11, 29), DeprivationOfLibertyTimescales.UrgentExpires(day));
        Assert.Equal(new DateOnly(2026, 12, 6), DeprivationOfLibertyTimescales.UrgentExtendedExpires(day));
        Assert.Equal(new DateOnly(2026, 12, 13), DeprivationOfLibertyTimescales.AssessmentDue(day));
        Assert.Equal(new DateOnly(2027, 11, 22), DeprivationOfLibertyTimescales.StandardLatestExpiry(day));
    }
}
