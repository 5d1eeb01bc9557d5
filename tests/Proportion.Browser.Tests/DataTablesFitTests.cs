using OpenQA.Selenium;
using Proportion.Browser.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Proportion.Browser.Tests;

/// <summary>
/// The data pages (the organisation's picture, the monthly incident figures, the training matrix, monitoring and
/// the RP3 check) show every column with no hidden sideways scrolling: at desktop width no table is wider than the
/// box it sits in, and on a phone the rows reflow so nothing is wider than the screen. Measured in the browser,
/// with axe-core on each page at each width.
/// </summary>
public sealed class DataTablesFitTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [BrowserTheory]
    [InlineData(Viewport.Desktop)]
    [InlineData(Viewport.Phone)]
    public void DataPages_ShowEveryColumnWithoutSidewaysScrolling(Viewport viewport)
    {
        using var browser = BrowserSession.Start(viewport);
        var driver = browser.Driver;
        SignIn(driver, DemoUsers.SeniorManager);
        Go(driver, "/services");
        var house = PathOf(driver.FindElement(By.LinkText("Oakfield House")));
        var beech = PathOf(driver.FindElement(By.LinkText("Beech Road")));
        // Sam at Beech Road: incidents over several months, so his history has monthly figures.
        Go(driver, "/people?search=Adeyemi");
        var sam = PathOf(driver.FindElement(By.CssSelector("main table a[href*='/people/']")));
        Go(driver, house + "/monitoring");
        var check = PathOf(driver.FindElement(By.CssSelector("main table a[href*='/monitoring/']")));

        var failures = new List<string>();
        foreach (var page in new[] { "/organisation", beech + "/incidents", sam + "/incidents", house + "/training", house + "/monitoring", check })
        {
            Go(driver, page);
            Assert.True(driver.FindElements(By.CssSelector("main table")).Count > 0, $"No table on {page}. Page text:\n{BodyText(driver)}");
            if ((string)((IJavaScriptExecutor)driver).ExecuteScript(Fill.Overflow)! is { Length: > 0 } overflow)
            {
                failures.Add($"{page} at {viewport}: {overflow}");
            }
            if (AxeReport(driver, $"{page} at {viewport}") is { } report)
            {
                failures.Add(report);
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static string PathOf(IWebElement link) => new Uri(link.GetDomProperty("href")!).AbsolutePath;
}
