using OpenQA.Selenium;
using Proportion.Browser.Tests.Infrastructure;
using static Proportion.Browser.Tests.Infrastructure.Fill;
using Xunit.Abstractions;

namespace Proportion.Browser.Tests;

/// <summary>
/// The council-wide picture (R27) as a commissioner uses it, on a phone and at a desk: from the home page to every
/// provider the council funds, into one provider's people, to its charts, and on to a person's own page. Every
/// page passes axe, and no table or page of figures scrolls sideways at either width.
/// </summary>
public sealed class CouncilPictureJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [BrowserTheory]
    [InlineData(Viewport.Phone)]
    [InlineData(Viewport.Desktop)]
    public void Commissioner_SeesEveryProviderTheyFund_ThenOneProvidersPeopleAndCharts(Viewport viewport)
    {
        using var browser = BrowserSession.Start(viewport);
        var driver = browser.Driver;
        SignIn(driver, DemoUsers.Commissioner);
        Go(driver, "/");
        Click(driver, driver.FindElement(By.LinkText("Providers your council funds")));
        Wait(driver).Until(d => new Uri(d.Url).AbsolutePath == "/council/picture");
        Check(driver, "the council's picture", viewport);
        var providers = driver.FindElements(By.CssSelector("#practices tbody th")).Select(th => th.Text.Trim()).ToList();
        Assert.Contains("Oakfield Care", providers);
        Assert.Contains("Riverside Care Ltd", providers);
        Assert.NotEmpty(driver.FindElements(By.CssSelector("#training tbody tr")));
        Screenshot(driver, $"council-picture-{viewport}");

        // A figure opens the provider's people.
        Click(driver, driver.FindElement(By.CssSelector("#practices tbody tr:first-child td a")));
        Wait(driver).Until(d => new Uri(d.Url).AbsolutePath.StartsWith("/council/picture/") && d.FindElements(By.Id("people")).Count > 0);
        Check(driver, "a provider's people", viewport);
        Assert.Equal("Oakfield Care", driver.FindElement(By.TagName("h1")).Text.Trim());
        Assert.Contains("Peggy Hughes", driver.FindElement(By.Id("person-practices")).Text);

        Click(driver, driver.FindElement(By.PartialLinkText("Restriction over time at Oakfield Care")));
        Wait(driver).Until(d => new Uri(d.Url).AbsolutePath.EndsWith("/charts"));
        // The chart's own data table may scroll inside its box on a phone, as on every chart page; axe still runs.
        AssertNoAxeViolations(driver, $"a provider's charts at {viewport}");
        Assert.Contains("People Northshire Council funds at Oakfield Care", driver.FindElement(By.TagName("h1")).Text + BodyText(driver));

        Click(driver, driver.FindElement(By.CssSelector("a.govuk-back-link")));
        Wait(driver).Until(d => d.FindElements(By.Id("person-practices")).Count > 0);
        Click(driver, driver.FindElement(By.CssSelector("#person-practices tbody th")).FindElement(By.XPath("//table[@id='person-practices']//th/a[normalize-space()='Peggy Hughes']")));
        Wait(driver).Until(d => System.Text.RegularExpressions.Regex.IsMatch(new Uri(d.Url).AbsolutePath, "^/people/[0-9a-f-]{36}$"));
        Assert.Contains("Peggy", driver.FindElement(By.TagName("h1")).Text);
    }

    private void Check(IWebDriver driver, string page, Viewport viewport)
    {
        AssertNoAxeViolations(driver, $"{page} at {viewport}");
        var overflow = (string)((IJavaScriptExecutor)driver).ExecuteScript(Overflow)!;
        Assert.True(overflow.Length == 0, $"{page} at {viewport}: {overflow}");
    }
}
