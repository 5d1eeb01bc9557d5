using System.Text.RegularExpressions;
using OpenQA.Selenium;
using Proportion.Browser.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Proportion.Browser.Tests;

/// <summary>
/// A positive risk-taking plan from start to agreed at phone width (R19): a manager starts a plan for Sam,
/// answers every question page, adds a risk and a stage with the add-another pages, checks the answers,
/// agrees it on the shared page, and records how the first stage went. Every page passes axe.
/// </summary>
public sealed partial class PositiveRiskJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [GeneratedRegex(@"/people/[0-9a-fA-F-]{36}/?$")]
    private static partial Regex PersonPath();

    [BrowserFact]
    public void Manager_StartsAPositiveRiskPlan_AndAgreesIt_AtPhoneWidth()
    {
        using var browser = BrowserSession.Start(Viewport.Phone);
        var driver = browser.Driver;
        SignIn(driver, DemoUsers.ServiceManager);
        Go(driver, "/people?search=Adeyemi");
        var person = new Uri(driver.FindElements(By.CssSelector("main a[href*='/people/']"))
            .First(a => PersonPath().IsMatch(new Uri(a.GetDomProperty("href")!).AbsolutePath)).GetDomProperty("href")!).AbsolutePath.TrimEnd('/');

        Go(driver, person + "/positive-risk/new");
        AssertNoAxeViolations(driver, "start");
        Choose(driver, "Input_Activity-2"); // travel alone
        Type(driver, "Input_WhatThePersonWantsToDo", "Get the train to see my cousin (browser)");
        Submit(driver, "Start the plan");
        Wait(driver).Until(d => d.Url.EndsWith("/edit/about"));
        var plan = new Uri(driver.Url).AbsolutePath[..^"/edit/about".Length];
        AssertNoAxeViolations(driver, "about");
        Type(driver, "Input_WhyItMatters", "Sam misses his cousin and wants to visit without staff");
        Continue(driver);

        Wait(driver).Until(d => d.Url.EndsWith("/edit/risks"));
        AssertNoAxeViolations(driver, "risks: none yet");
        Choose(driver, "AddAnother");
        Submit(driver, "Continue");
        Wait(driver).Until(d => d.Url.EndsWith("/edit/risk"));
        AssertNoAxeViolations(driver, "add a risk");
        Type(driver, "Input_Description", "Missing the change at the junction");
        Type(driver, "Input_Safeguards", "A picture card of the journey; his cousin meets him on the platform");
        Submit(driver, "Save this risk");
        Wait(driver).Until(d => d.Url.EndsWith("/edit/risks") && d.PageSource.Contains("Missing the change at the junction"));
        AssertNoAxeViolations(driver, "risks: one added");
        Choose(driver, "AddAnother-2");
        Submit(driver, "Continue");

        foreach (var (page, field, answer) in new[]
        {
            ("views", "Input_PersonsViews", "Sam pointed to the train and his cousin's photo on his board"),
            ("escalation", "Input_EscalationAndCheckIns", "Sam texts when he gets on and when he arrives"),
            ("contingency", "Input_Contingency", "If a train is cancelled Sam rings the office and waits at the station café"),
            ("review", "Input_ReviewTimescales", "After each stage and at least monthly"),
        })
        {
            Wait(driver).Until(d => d.Url.EndsWith("/edit/" + page));
            AssertNoAxeViolations(driver, page);
            Type(driver, field, answer);
            Continue(driver);
        }
        Wait(driver).Until(d => d.Url.EndsWith("/edit/understanding"));
        AssertNoAxeViolations(driver, "understanding");
        Choose(driver, "Input_PersonUnderstands");
        Type(driver, "Input_HowUnderstandingWasConfirmed", "Sam showed us each step with his symbol board");
        Continue(driver);

        Wait(driver).Until(d => d.Url.EndsWith("/edit/stages"));
        Choose(driver, "AddAnother");
        Submit(driver, "Continue");
        Wait(driver).Until(d => d.Url.EndsWith("/edit/stage"));
        AssertNoAxeViolations(driver, "add a stage");
        var start = DateTime.UtcNow.AddDays(14);
        Type(driver, "Input_Description", "Travels with staff in the next carriage");
        Type(driver, "Input_Support", "A member of staff in the next carriage");
        Type(driver, "Input_SuccessCriteria", "Three journeys, texting each time");
        Type(driver, "Input_PlannedOn-day", start.Day.ToString());
        Type(driver, "Input_PlannedOn-month", start.Month.ToString());
        Type(driver, "Input_PlannedOn-year", start.Year.ToString());
        Submit(driver, "Save this stage");
        Wait(driver).Until(d => d.Url.EndsWith("/edit/stages") && d.PageSource.Contains("Travels with staff in the next carriage"));
        AssertNoAxeViolations(driver, "stages: one added");
        Choose(driver, "AddAnother-2");
        Submit(driver, "Continue");

        Wait(driver).Until(d => d.Url.EndsWith("/edit"));
        AssertNoAxeViolations(driver, "check answers");
        Assert.DoesNotContain("Still needed before the plan can be agreed", BodyText(driver));
        Click(driver, driver.FindElement(By.PartialLinkText("Check and agree the draft")));
        Wait(driver).Until(d => d.Url.EndsWith("/agree"));
        AssertNoAxeViolations(driver, "agree");
        var review = DateTime.UtcNow.AddMonths(2);
        Type(driver, "Input_ReviewDate-day", review.Day.ToString());
        Type(driver, "Input_ReviewDate-month", review.Month.ToString());
        Type(driver, "Input_ReviewDate-year", review.Year.ToString());
        Submit(driver, "Agree this plan");
        Wait(driver).Until(d => new Uri(d.Url).AbsolutePath == plan);
        Assert.Contains("In place", BodyText(driver));
        AssertNoAxeViolations(driver, "the plan, agreed");

        Click(driver, driver.FindElement(By.PartialLinkText("Record how this stage went")));
        Wait(driver).Until(d => d.Url.EndsWith("/outcome"));
        AssertNoAxeViolations(driver, "record a stage");
        var today = DateTime.UtcNow;
        Choose(driver, "Input_Result");
        Type(driver, "Input_TakenOn-day", today.Day.ToString());
        Type(driver, "Input_TakenOn-month", today.Month.ToString());
        Type(driver, "Input_TakenOn-year", today.Year.ToString());
        Type(driver, "Input_Notes", "Three journeys, texted each time");
        Submit(driver, "Record how it went");
        Wait(driver).Until(d => d.PageSource.Contains("Three journeys, texted each time"));
        AssertNoAxeViolations(driver, "the plan, a stage recorded");
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
