using OpenQA.Selenium;
using Proportion.Browser.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Proportion.Browser.Tests;

/// <summary>
/// The patterns pages and the occupancy form (issue 12): axe-core clean, shown back with errors, and their tables
/// fit: nothing scrolls sideways at desktop width, and at 375 px only the time-of-day table may, inside its own box.
/// </summary>
public sealed class PatternsPagesTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [BrowserTheory]
    [InlineData(Viewport.Desktop)]
    [InlineData(Viewport.Phone)]
    public void PatternsAndOccupancy_AreAccessible_AndFitTheScreen(Viewport viewport)
    {
        using var browser = BrowserSession.Start(viewport);
        var driver = browser.Driver;
        SignIn(driver, DemoUsers.ServiceManager);
        Go(driver, "/services");
        var house = new Uri(driver.FindElement(By.LinkText("Oakfield House")).GetDomProperty("href")!).AbsolutePath;
        Go(driver, "/people?search=Hughes");
        var person = driver.FindElements(By.CssSelector("main a[href*='/people/']"))
            .Select(a => new Uri(a.GetDomProperty("href")!).AbsolutePath).First(p => p.Count(c => c == '/') == 2);

        var reports = new List<string>();
        foreach (var page in new[] { $"{house}/patterns", $"{person}/patterns", $"{house}/patterns?Window.Months=24", $"{house}/occupancy" })
        {
            Go(driver, page);
            Assert.DoesNotContain("Error", driver.Title);
            if (AxeReport(driver, $"{page} at {viewport}") is { } report) reports.Add(report);
            AssertFits(driver, page, viewport);
        }

        // A window that cannot be read, and the occupancy form sent empty, come back with GOV.UK errors.
        Go(driver, $"{house}/patterns?Window.From.Day=31&Window.From.Month=2&Window.From.Year=2026&Window.To.Day=1&Window.To.Month=3&Window.To.Year=2026");
        Assert.StartsWith("Error:", driver.Title);
        if (AxeReport(driver, "patterns with a window that cannot be read") is { } windowReport) reports.Add(windowReport);
        Go(driver, $"{house}/occupancy");
        driver.FindElements(By.CssSelector("main form button[type=submit]")).Last(b => b.Displayed).Click();
        Wait(driver).Until(d => d.FindElements(By.CssSelector(".govuk-error-summary")).Count > 0);
        Assert.StartsWith("Error:", driver.Title);
        if (AxeReport(driver, "occupancy with errors") is { } formReport) reports.Add(formReport);

        Assert.True(reports.Count == 0, string.Join(Environment.NewLine, reports));
    }

    /// <summary>The page never scrolls sideways; at desktop no table's box does either; on a phone only the time-of-day table's may.</summary>
    private static void AssertFits(IWebDriver driver, string page, Viewport viewport)
    {
        var js = (IJavaScriptExecutor)driver;
        var pageOverflow = Convert.ToInt32(js.ExecuteScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;"));
        Assert.True(pageOverflow <= 0, $"{page} scrolls sideways by {pageOverflow}px at {viewport}");
        var overflowing = (js.ExecuteScript("""
            return [...document.querySelectorAll('main table')].filter(t => {
                const box = t.closest('.app-table-scroll');
                const right = t.getBoundingClientRect().right;
                return box ? box.scrollWidth > box.clientWidth + 1 : right > document.querySelector('main').getBoundingClientRect().right + 1;
            }).map(t => (t.classList.contains('app-heat') ? 'heat:' : '') + (t.querySelector('caption')?.textContent.trim() ?? 'table'));
            """) as IEnumerable<object> ?? []).Select(o => o.ToString()!).ToList();
        var allowed = viewport == Viewport.Phone ? overflowing.Where(t => !t.StartsWith("heat:")).ToList() : overflowing;
        Assert.True(allowed.Count == 0, $"{page} at {viewport}: tables wider than their space: {string.Join("; ", allowed)}");
    }
}
