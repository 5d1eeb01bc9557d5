using System.Text.RegularExpressions;
using OpenQA.Selenium;
using Proportion.Browser.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Proportion.Browser.Tests;

public sealed partial class JourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [GeneratedRegex(@"/people/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/?$")]
    private static partial Regex PersonPath();

    [BrowserTheory]
    [InlineData(Viewport.Desktop)]
    [InlineData(Viewport.Phone)]
    public void ServiceManager_OpensAPersonsRegister_AndSeesTheTotal(Viewport viewport)
    {
        using var browser = BrowserSession.Start(viewport);
        var driver = browser.Driver;

        Go(driver, "/sign-in");
        var width = Convert.ToInt32(((IJavaScriptExecutor)driver).ExecuteScript("return window.innerWidth;"));
        Assert.Equal(viewport == Viewport.Phone ? BrowserSession.PhoneSize.Width : BrowserSession.DesktopSize.Width, width);
        AssertNoAxeViolations(driver, "sign-in");
        SignIn(driver, DemoUsers.ServiceManager);
        Go(driver, "/");
        AssertNoAxeViolations(driver, "home");

        Go(driver, "/people");
        AssertNoAxeViolations(driver, "people list");

        var person = driver.FindElements(By.CssSelector("main a[href*='/people/']"))
            .FirstOrDefault(a => PersonPath().IsMatch(new Uri(a.GetDomProperty("href") ?? "about:blank").AbsolutePath));
        Assert.True(person is not null, $"No link to a person on /people. Page text:\n{BodyText(driver)}");
        var personPath = new Uri(person.GetDomProperty("href")!).AbsolutePath.TrimEnd('/');
        Output.WriteLine($"person: {person.Text} {personPath}");
        Click(driver, person);
        Wait(driver).Until(d => new Uri(d.Url).AbsolutePath.TrimEnd('/') == personPath);
        AssertNoAxeViolations(driver, "person");

        var registerLink = driver.FindElements(By.CssSelector($"a[href$='{personPath}/practices']")).FirstOrDefault();
        if (registerLink is not null) Click(driver, registerLink);
        else Go(driver, $"{personPath}/practices");
        Wait(driver).Until(d => new Uri(d.Url).AbsolutePath.TrimEnd('/') == $"{personPath}/practices");
        AssertNoAxeViolations(driver, "register (RP1)");
        SaveScreenshot(driver, $"register-{viewport}");

        var register = driver.FindElements(By.TagName("table"))
            .FirstOrDefault(t => t.FindElements(By.TagName("caption"))
                .Any(c => c.Text.Contains("Restrictive practices", StringComparison.OrdinalIgnoreCase)));
        Assert.True(register is not null, $"No table captioned 'Restrictive practices'. Page text:\n{BodyText(driver)}");
        var totalRow = register.FindElements(By.TagName("tr"))
            .FirstOrDefault(row => row.FindElements(By.XPath("./th|./td")).FirstOrDefault() is { } cell &&
                                   cell.GetDomProperty("textContent")!.Contains("Total", StringComparison.OrdinalIgnoreCase));
        Assert.True(totalRow is not null, "The register has no row whose first cell says Total.");
    }

    /// <summary>
    /// A manager takes a proposal through every page of the restrictive practice discussion with the
    /// keyboard-free defaults, and each page passes axe; the check page names what is still needed.
    /// </summary>
    [BrowserTheory]
    [InlineData(Viewport.Desktop)]
    [InlineData(Viewport.Phone)]
    public void ServiceManager_WorksThroughTheDiscussionPages_EachAccessible(Viewport viewport)
    {
        using var browser = BrowserSession.Start(viewport);
        var driver = browser.Driver;
        SignIn(driver, DemoUsers.ServiceManager);
        Go(driver, "/people?search=Patel");
        var person = new Uri(driver.FindElements(By.CssSelector("main a[href*='/people/']"))
            .First(a => PersonPath().IsMatch(new Uri(a.GetDomProperty("href")!).AbsolutePath)).GetDomProperty("href")!).AbsolutePath;
        Go(driver, person + "/practices");
        // Stan's kitchen-lock proposal is in the demo data, waiting for its discussion.
        Click(driver, driver.FindElement(By.PartialLinkText("Kitchen locked")));
        Click(driver, driver.FindElement(By.PartialLinkText("restrictive practice discussion")));
        AssertNoAxeViolations(driver, "discussion start");
        Click(driver, driver.FindElement(By.CssSelector("main form button[type=submit]")));

        foreach (var step in new[] { "risk", "alternatives", "views", "capacity", "guidelines" })
        {
            Wait(driver).Until(d => new Uri(d.Url).AbsolutePath.EndsWith("/decision/" + step));
            AssertNoAxeViolations(driver, $"discussion: {step}");
            var next = driver.FindElements(By.CssSelector("main form button[type=submit]"))
                .First(b => b.Text is "Save and continue" or "Continue");
            Click(driver, next);
        }

        Wait(driver).Until(d => new Uri(d.Url).AbsolutePath.EndsWith("/decision/check"));
        AssertNoAxeViolations(driver, "discussion: check answers");
        SaveScreenshot(driver, $"discussion-check-{viewport}");
        Assert.Contains("Still needed before the practice can be agreed", BodyText(driver));
    }

    [BrowserFact]
    public void SigningOut_ThenOpeningPeople_AsksToSignInAgain()
    {
        using var browser = BrowserSession.Start();
        var driver = browser.Driver;
        SignIn(driver, DemoUsers.ServiceManager);
        Go(driver, "/");

        SignOut(driver);
        Go(driver, "/people");

        Assert.StartsWith("/sign-in", new Uri(driver.Url).AbsolutePath, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>For looking at the pages by eye: set PROPORTION_SCREENSHOTS to a folder.</summary>
    private static void SaveScreenshot(IWebDriver driver, string name)
    {
        if (Environment.GetEnvironmentVariable("PROPORTION_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            ((ITakesScreenshot)driver).GetScreenshot().SaveAsFile(Path.Combine(folder, name + ".png"));
        }
    }

    /// <summary>Clicks as a person would, scrolling first so a phone layout's link is in view.</summary>
    private static void Click(IWebDriver driver, IWebElement element)
    {
        ((IJavaScriptExecutor)driver).ExecuteScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.Click();
    }
}
