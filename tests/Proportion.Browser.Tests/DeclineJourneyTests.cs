using System.Text.RegularExpressions;
using OpenQA.Selenium;
using Proportion.Browser.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Proportion.Browser.Tests;

/// <summary>
/// The decline-and-revise journey of RP2 in the browser (R4, §5.10): a manager proposes a practice for a
/// person lacking capacity and asks for agreement; the senior manager declines with reasons; the manager
/// sees the decline on the check page and the question pages, revises the discussion, and the senior
/// manager then agrees. Every page passes axe.
/// </summary>
public sealed partial class DeclineJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [GeneratedRegex(@"/people/[0-9a-fA-F-]{36}/?$")]
    private static partial Regex PersonPath();

    [BrowserFact]
    public void SeniorManager_Declines_ManagerRevises_ThenTheSeniorManagerAgrees()
    {
        using var browser = BrowserSession.Start();
        var driver = browser.Driver;
        SignIn(driver, DemoUsers.ServiceManager);
        Go(driver, "/people?search=Morris");
        var person = new Uri(driver.FindElements(By.CssSelector("main a[href*='/people/']"))
            .First(a => PersonPath().IsMatch(new Uri(a.GetDomProperty("href")!).AbsolutePath)).GetDomProperty("href")!).AbsolutePath.TrimEnd('/');

        Go(driver, person + "/practices/new");
        Choose(driver, "Input_Category");
        Type(driver, "Input_Description", "Bedroom door sensor at night for Edna (decline journey)");
        Choose(driver, "Input_RestrictedThing");
        Choose(driver, "Input_Kind");
        Type(driver, "Input_ProposalReason", "Edna has fallen on the stairs at night twice");
        Submit(driver, "Propose");
        Wait(driver).Until(d => d.PageSource.Contains("Bedroom door sensor at night for Edna"));
        Click(driver, driver.FindElement(By.PartialLinkText("Bedroom door sensor at night for Edna")));
        Click(driver, driver.FindElement(By.PartialLinkText("restrictive practice discussion")));
        Click(driver, driver.FindElement(By.CssSelector("main form button[type=submit]")));

        Wait(driver).Until(d => d.Url.EndsWith("/decision/risk"));
        var discussion = new Uri(driver.Url).AbsolutePath[..^"/risk".Length];
        Go(driver, discussion + "/views");
        Type(driver, "Input_PersonViews", "Edna did not give a clear view when shown the sensor");
        Choose(driver, "Input_PersonResponse-3");
        Continue(driver);
        Wait(driver).Until(d => d.Url.EndsWith("/decision/capacity"));
        foreach (var no in new[] { "Input_CanUnderstand-2", "Input_CanRetain-2", "Input_CanUseOrWeigh-2" })
        {
            Choose(driver, no);
        }
        foreach (var yes in new[] { "Input_CanCommunicate", "Input_HasImpairmentOfMindOrBrain", "Input_InabilityIsBecauseOfImpairment" })
        {
            Choose(driver, yes);
        }
        Type(driver, "Input_CapacityEvidence", "Assessed by Daniel Okafor with pictures, twice, in the morning");
        Continue(driver);
        // Saved: the next question is the legal basis (she lacks capacity). Wait for it before leaving the page.
        Wait(driver).Until(d => d.Url.EndsWith("/decision/legal-basis"));
        Go(driver, discussion + "/check");
        Submit(driver, "Ask for agreement");
        Wait(driver).Until(d => d.PageSource.Contains("been asked for their agreement"));
        AssertNoAxeViolations(driver, "check: agreement asked for");
        SignOut(driver);

        // The senior manager is told at once, in the app, with a link to the check page.
        SignIn(driver, DemoUsers.SeniorManager);
        Go(driver, "/notifications");
        AssertNoAxeViolations(driver, "senior manager's messages");
        Click(driver, driver.FindElement(By.PartialLinkText("asks for your agreement as senior manager")));
        Wait(driver).Until(d => d.Url.EndsWith("/decision/check"));
        Click(driver, driver.FindElements(By.CssSelector("details summary")).First(s => s.Text.Contains("Decline")));
        Submit(driver, "Decline");
        Wait(driver).Until(d => d.FindElements(By.CssSelector(".govuk-error-summary")).Count > 0);
        Assert.Contains("Enter why you do not agree", BodyText(driver));
        AssertNoAxeViolations(driver, "check: decline refused without reasons");
        Type(driver, "DeclineReasons", "A low bed on the ground floor was not considered");
        Submit(driver, "Decline");
        Wait(driver).Until(d => d.PageSource.Contains("You have declined to agree as senior manager"));
        AssertNoAxeViolations(driver, "check: declined");
        SignOut(driver);

        // The manager sees the decline, revises the discussion, and it is answered.
        SignIn(driver, DemoUsers.ServiceManager);
        Go(driver, discussion + "/check");
        Assert.Contains("Declined by Helen Price (senior manager)", driver.FindElement(By.CssSelector("[aria-labelledby='declines-standing-title']")).Text);
        AssertNoAxeViolations(driver, "check: decline standing");
        Go(driver, discussion + "/alternatives");
        Assert.Contains("A low bed on the ground floor was not considered", BodyText(driver));
        AssertNoAxeViolations(driver, "alternatives: decline standing");
        Type(driver, "Input_Description", "A bedroom on the ground floor");
        Type(driver, "Input_WhyRejected", "Edna wants to keep the room she has had for ten years, near her friend");
        Submit(driver, "Add alternative");
        Wait(driver).Until(d => d.PageSource.Contains("A bedroom on the ground floor"));
        Go(driver, discussion + "/check");
        Assert.Empty(driver.FindElements(By.Id("declines-standing-title")));
        Assert.Contains("Answered by Daniel Okafor", driver.PageSource);
        AssertNoAxeViolations(driver, "check: decline answered");
        SignOut(driver);

        SignIn(driver, DemoUsers.SeniorManager);
        Go(driver, discussion + "/check");
        Submit(driver, "Agree as senior manager");
        Wait(driver).Until(d => d.PageSource.Contains("You have agreed this decision as senior manager"));
        AssertNoAxeViolations(driver, "check: senior manager agreed");
    }

    private static void Type(IWebDriver driver, string id, string text)
    {
        var field = driver.FindElement(By.Id(id));
        ((IJavaScriptExecutor)driver).ExecuteScript("arguments[0].scrollIntoView({block: 'center'});", field);
        field.Clear();
        field.SendKeys(text);
    }

    private static void Choose(IWebDriver driver, string id) =>
        ((IJavaScriptExecutor)driver).ExecuteScript("arguments[0].click();", driver.FindElement(By.Id(id)));

    private static void Continue(IWebDriver driver) => Submit(driver, "Save and continue");

    private static void Submit(IWebDriver driver, string text) =>
        Click(driver, driver.FindElements(By.CssSelector("main form button")).First(b => b.Text.Trim() == text || b.Text.Trim().StartsWith(text)));

    private static void Click(IWebDriver driver, IWebElement element)
    {
        ((IJavaScriptExecutor)driver).ExecuteScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.Click();
    }
}
