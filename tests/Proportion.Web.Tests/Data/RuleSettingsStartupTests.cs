using Microsoft.AspNetCore.Hosting;
using Proportion.Core.Data;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Data;

/// <summary>
/// A rule setting out of its bounds stops start-up with a message naming it, rather than quietly changing
/// what a rule finds. The check runs before the database is touched, so one provider shows it.
/// </summary>
public class RuleSettingsStartupTests
{
    private sealed class AppWith(string key, string value) : AppFixture(DatabaseProvider.Sqlite)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(key, value);
        }
    }

    [Theory]
    [InlineData("Rules:BlanketRuleThreshold", "1.5", "Rules:BlanketRuleThreshold must be a share of the people in a service, more than 0 and less than 1")]
    [InlineData("Rules:BlanketRuleThreshold", "0", "Rules:BlanketRuleThreshold must be a share of the people in a service, more than 0 and less than 1")]
    [InlineData("Rules:ReductionConsideredWithinMonths", "36", "Rules:ReductionConsideredWithinMonths must be a whole number of months from 1 to 24")]
    [InlineData("Rules:ReductionConsideredWithinMonths", "six", "Rules:ReductionConsideredWithinMonths")]
    [InlineData("Rules:SafeguardingDecisionWithinWorkingDays", "0", "Rules:SafeguardingDecisionWithinWorkingDays must be a whole number of working days from 1 to 20")]
    [InlineData("Rules:BankHolidays:0", "Christmas", "Rules:BankHolidays must be dates written like 2026-12-25: \"Christmas\" is not one")]
    [InlineData("Rules:SupportPlanReviewUsualMonths", "18", "Rules:SupportPlanReviewUsualMonths must be a whole number of months from 1 to 12")]
    [InlineData("Rules:SupportPlanReviewUsualMonths", "2", "Rules:SupportPlanReviewSoonerMonths must be no more than Rules:SupportPlanReviewUsualMonths")]
    public void ABadRuleSetting_StopsStartUp_NamingTheSetting(string key, string value, string message)
    {
        using var app = new AppWith(key, value);

        var failure = Record.Exception(() => app.CreateClient());

        Assert.NotNull(failure);
        Assert.Contains(message, Flatten(failure));
    }

    [Fact]
    public async Task TheDefaults_Start()
    {
        using var app = new AppWith("Rules:BlanketRuleThreshold", "0.5");
        using var client = app.CreateClient();
        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
    }

    [Fact]
    public void BankHolidays_AreListedAsDates()
    {
        using var app = new AppWith("Rules:BankHolidays:0", "2026-12-25");
        var settings = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Microsoft.Extensions.Options.IOptions<Proportion.Core.Rules.RuleSettings>>(app.Services).Value;
        Assert.Equal([new DateOnly(2026, 12, 25)], settings.BankHolidayDates());
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " | " + Flatten(e.InnerException);
}
