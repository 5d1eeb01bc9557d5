using System.ComponentModel.DataAnnotations;
using Proportion.Core.Rules;

namespace Proportion.Core.Tests.Rules;

/// <summary>The rule settings' bounds, as start-up checks them (docs/rules.md lists each).</summary>
public class RuleSettingsTests
{
    private static List<string> Problems(RuleSettings settings)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(settings, new ValidationContext(settings), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage!)];
    }

    [Fact]
    public void TheDefaults_AreValid_AndAreMoreThanHalf_AndSixMonths()
    {
        var defaults = new RuleSettings();
        Assert.Empty(Problems(defaults));
        Assert.Equal(0.5, defaults.BlanketRuleThreshold);
        Assert.Equal(6, defaults.ReductionConsideredWithinMonths);
        Assert.Equal(3, defaults.BehaviourSupportReviewIncidents);
        Assert.Equal(28, defaults.BehaviourSupportReviewWithinDays);
        Assert.Equal(2, defaults.SafeguardingDecisionWithinWorkingDays);
        Assert.Empty(defaults.BankHolidays);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-0.1)]
    [InlineData(50)]
    public void ABlanketRuleThresholdOutsideTheShare_IsRefusedByName(double threshold) =>
        Assert.Contains(Problems(new RuleSettings { BlanketRuleThreshold = threshold }), p => p.StartsWith("Rules:BlanketRuleThreshold must be"));

    [Theory]
    [InlineData(0)]
    [InlineData(25)]
    public void ReductionMonthsOutside1To24_AreRefusedByName(int months) =>
        Assert.Contains(Problems(new RuleSettings { ReductionConsideredWithinMonths = months }), p => p.StartsWith("Rules:ReductionConsideredWithinMonths must be"));

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public void SafeguardingDecisionDaysOutside1To20_AreRefusedByName(int days) =>
        Assert.Contains(Problems(new RuleSettings { SafeguardingDecisionWithinWorkingDays = days }), p => p.StartsWith("Rules:SafeguardingDecisionWithinWorkingDays must be"));

    [Fact]
    public void BankHolidays_ThatAreNotDates_AreRefusedByName()
    {
        Assert.Empty(Problems(new RuleSettings { BankHolidays = ["2026-12-25", "2026-12-28"] }));
        Assert.Contains(Problems(new RuleSettings { BankHolidays = ["2026-12-25", "25/12/2026"] }),
            p => p == "Rules:BankHolidays must be dates written like 2026-12-25: \"25/12/2026\" is not one");
        Assert.Contains(Problems(new RuleSettings { BankHolidays = ["2026-02-30"] }), p => p.StartsWith("Rules:BankHolidays must be dates"));
    }

    [Fact]
    public void SupportPlanReviews_AreSoonerIn3Months_OtherwiseIn12()
    {
        var defaults = new RuleSettings();
        Assert.Equal(3, defaults.SupportPlanReviewSoonerMonths);
        Assert.Equal(12, defaults.SupportPlanReviewUsualMonths);
    }

    [Theory]
    [InlineData(0, 12, "Rules:SupportPlanReviewSoonerMonths must be a whole number")]
    [InlineData(3, 13, "Rules:SupportPlanReviewUsualMonths must be a whole number")]
    [InlineData(6, 4, "Rules:SupportPlanReviewSoonerMonths must be no more than Rules:SupportPlanReviewUsualMonths")]
    public void SupportPlanReviewMonths_OutOfBoundsOrSoonerLater_AreRefusedByName(int sooner, int usual, string problem) =>
        Assert.Contains(Problems(new RuleSettings { SupportPlanReviewSoonerMonths = sooner, SupportPlanReviewUsualMonths = usual }), p => p.StartsWith(problem));
}
