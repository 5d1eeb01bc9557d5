using Proportion.Browser.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Proportion.Browser.Tests;

public sealed class AccessibilityTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    /// <summary>
    /// Pages every demo user visits and axe checks. A page a role may not see (403) or that does not
    /// exist for it (404) is still checked: the error page must be accessible too.
    /// </summary>
    public static readonly string[] Pages =
    [
        "/",
        "/people",
        "/services",
    ];

    public static TheoryData<string> Users => DemoUsers.AllAsTheoryData();

    [BrowserFact]
    public void SignInPage_HasNoAxeViolations()
    {
        using var browser = BrowserSession.Start();
        Go(browser.Driver, "/sign-in");

        AssertNoAxeViolations(browser.Driver, "sign-in");
    }

    [BrowserTheory]
    [MemberData(nameof(Users))]
    public void EveryPage_ForEachDemoUser_HasNoAxeViolations(string email)
    {
        using var browser = BrowserSession.Start();
        var driver = browser.Driver;
        SignIn(driver, email);

        var reports = new List<string>();
        foreach (var page in Pages)
        {
            Go(driver, page);
            if (AxeReport(driver, $"{page} as {email}") is { } report) reports.Add(report);
        }

        Assert.True(reports.Count == 0, string.Join(Environment.NewLine, reports));
    }
}
