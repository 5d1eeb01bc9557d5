using Microsoft.AspNetCore.Hosting;
using Proportion.Core.Data;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Practices;

/// <summary>R12's threshold is configuration: a provider may set what share of a service makes a blanket rule.</summary>
public sealed class BlanketRuleThresholdTests(BlanketRuleThresholdTests.StrictApp app) : IClassFixture<BlanketRuleThresholdTests.StrictApp>
{
    public sealed class StrictApp() : AppFixture(DatabaseProvider.Sqlite)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Rules:BlanketRuleThreshold", "0.9");
        }
    }

    [Fact]
    public async Task AHigherThreshold_DoesNotFlagHalfTheService()
    {
        var house = await app.IdOfServiceAsync("Oakfield House");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");

        var page = await manager.GetAsync($"/services/{house}/practices");

        Assert.Contains("Front door has a key-code lock", page.Body);
        Assert.DoesNotContain("may be a blanket rule", page.Body);
    }
}
