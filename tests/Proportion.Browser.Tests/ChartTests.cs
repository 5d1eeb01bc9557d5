using OpenQA.Selenium;
using Proportion.Browser.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Proportion.Browser.Tests;

/// <summary>
/// The process control charts (R14) at desktop and phone width: axe-core clean, the chart fits the screen
/// without sideways scrolling, and it is drawn with no script. Riverside Lodge has the demo's history.
/// </summary>
public sealed class ChartTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string LodgeManager = "manager@riverside.example";

    [BrowserTheory]
    [InlineData(Viewport.Desktop)]
    [InlineData(Viewport.Phone)]
    public void TheCharts_AreAccessible_AndFitTheScreen(Viewport viewport)
    {
        using var browser = BrowserSession.Start(viewport);
        var driver = browser.Driver;
        SignIn(driver, LodgeManager);
        Go(driver, "/services");
        var lodge = new Uri(driver.FindElement(By.LinkText("Riverside Lodge")).GetDomProperty("href")!).AbsolutePath.TrimEnd('/');
        Go(driver, "/people?search=Whitaker");
        var person = new Uri(driver.FindElement(By.PartialLinkText("George")).GetDomProperty("href")!).AbsolutePath.TrimEnd('/');

        var reports = new List<string>();
        foreach (var page in new[]
        {
            lodge + "/charts?measure=Incidents&period=Week",
            lodge + "/charts?measure=Prone&period=Month",
            person + "/charts",
            lodge + "/charts/changes",
            lodge + "/charts?From.Day=31&From.Month=2&From.Year=2026",
        })
        {
            Go(driver, page);
            if (AxeReport(driver, $"{page} at {viewport}") is { } report) reports.Add(report);
            var svg = driver.FindElements(By.CssSelector("svg.app-chart__svg")).FirstOrDefault();
            if (svg is not null)
            {
                var overflow = Convert.ToInt64(((IJavaScriptExecutor)driver).ExecuteScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;"));
                Assert.True(overflow <= 0, $"{page} scrolls sideways by {overflow}px at {viewport}");
                Assert.True(svg.Size.Width <= driver.Manage().Window.Size.Width, $"{page}: the chart is wider than the window");
            }
        }
        Assert.True(reports.Count == 0, string.Join(Environment.NewLine, reports));
    }
}
