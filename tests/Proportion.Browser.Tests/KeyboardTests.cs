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

    /// <summary>
    /// A care worker records an incident with the keyboard alone, at phone width: every field, radio, checkbox and
    /// button of every page is reached with Tab, chosen with the arrow keys or Space, and pressed with Enter.
    /// </summary>
    [BrowserFact]
    public void AnIncident_IsRecordedWithTheKeyboardAlone()
    {
        using var browser = BrowserSession.Start(Viewport.Phone);
        var driver = browser.Driver;
        SignIn(driver, DemoUsers.CareWorker);
        Go(driver, "/incidents/new");
        var js = (IJavaScriptExecutor)driver;
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        // A three-minute hold half an hour ago, kept on today's date (the form's default) just after midnight.
        var start = local.AddMinutes(-30);
        if (start.Date != local.Date) start = local.Date;

        string Focused() => (string)js.ExecuteScript("const a = document.activeElement; return a.id || a.textContent.trim();")!;
        void TabTo(string idOrText)
        {
            for (var i = 0; i < 120; i++)
            {
                new Actions(driver).SendKeys(Keys.Tab).Perform();
                if (Focused() == idOrText || Focused().StartsWith(idOrText)) return;
            }
            Assert.Fail($"Tab never reached {idOrText} on {driver.Url}; it ended on {Focused()}.");
        }
        void Press(params string[] keys) => new Actions(driver).SendKeys(string.Concat(keys)).Perform();
        void OnPage(string heading)
        {
            var wait = Wait(driver);
            wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException));
            wait.Until(d => d.FindElement(By.TagName("h1")).Text.Contains(heading));
        }
        void Continue() { TabTo("Continue"); Press(Keys.Enter); }

        TabTo("Input_PersonId");
        Press("Edna");
        TabTo("Continue");
        Press(Keys.Enter);

        OnPage("When and where");
        TabTo("Input_Location");
        Press("The kitchen");
        TabTo("Input_Kind");
        Press(Keys.ArrowDown);
        Assert.Equal(true, js.ExecuteScript("return document.getElementById('Input_Kind-2').checked;"));
        Continue();

        OnPage("What was done");
        TabTo("Input_Interventions_0__Type");
        Press("Physical restraint: st");
        TabTo("Input_Interventions_0__Start");
        Press(start.ToString("HH:mm"));
        TabTo("Input_Interventions_0__End");
        Press(start.AddMinutes(3).ToString("HH:mm"));
        TabTo("Input_Interventions_0__Injuries-4");
        Press(Keys.Space);
        Continue();

        OnPage("Why it was used");
        TabTo("Input_Reason");
        Press("Prevent v");
        TabTo("Input_Antecedents");
        Press("The kettle was left on and she reached for it");
        TabTo("Input_DeEscalation");
        Press("Asked her to wait while I moved it");
        Continue();

        OnPage("How it was used");
        TabTo("Input_HowUsed");
        Press("Held her arm for a moment, standing");
        TabTo("Input_Outcome");
        Press("Made tea together afterwards");
        Continue();

        OnPage("Injuries and who must be told");
        Continue();
        OnPage("Who was involved");
        Continue();
        OnPage("Check your answers");
        Assert.Contains("Physical restraint: standing", driver.FindElement(By.TagName("main")).Text);
        TabTo("Record incident");
        Press(Keys.Enter);

        Wait(driver).Until(d => d.PageSource.Contains("What must follow") || d.FindElements(By.CssSelector(".govuk-error-summary")).Count > 0);
        Assert.Contains("The incident has been recorded", driver.FindElement(By.TagName("body")).Text);
    }
}
