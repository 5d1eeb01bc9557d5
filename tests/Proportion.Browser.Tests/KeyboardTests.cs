using OpenQA.Selenium;
using OpenQA.Selenium.Interactions;
using Proportion.Browser.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Proportion.Browser.Tests;

public sealed class KeyboardTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [BrowserFact]
    public void SkipLink_IsFirstTabStop_AndFocusesMainContent()
    {
        using var browser = BrowserSession.Start();
        var driver = browser.Driver;
        var js = (IJavaScriptExecutor)driver;
        Go(driver, "/sign-in");

        new Actions(driver).SendKeys(Keys.Tab).Perform();

        var first = driver.SwitchTo().ActiveElement();
        var href = first.GetDomAttribute("href") ?? "";
        Assert.True(
            first.TagName.Equals("a", StringComparison.OrdinalIgnoreCase) && href.StartsWith('#') &&
            first.Text.Contains("skip", StringComparison.OrdinalIgnoreCase),
            $"The first Tab stop is <{first.TagName} href=\"{href}\">{first.Text}</{first.TagName}>, not a skip link.");

        new Actions(driver).SendKeys(Keys.Enter).Perform();

        var targetId = href[1..];
        try
        {
            Wait(driver, 5).Until(_ =>
                (string?)js.ExecuteScript("return document.activeElement ? document.activeElement.id : null;") == targetId);
        }
        catch (WebDriverTimeoutException)
        {
            var focused = js.ExecuteScript("var a = document.activeElement; return a ? a.outerHTML.slice(0, 120) : 'nothing';");
            Assert.Fail($"After Enter on the skip link, focus is on {focused}, not #{targetId}.");
        }

        var isMain = js.ExecuteScript(
            "var a = document.activeElement; return a.tagName === 'MAIN' || a.closest('main') !== null || a.querySelector('main') !== null;");
        Assert.True(isMain is true, $"The skip link target #{targetId} is not the main content.");
    }
}
