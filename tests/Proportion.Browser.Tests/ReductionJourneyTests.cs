using System.Text.RegularExpressions;
using OpenQA.Selenium;
using Proportion.Browser.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Proportion.Browser.Tests;

/// <summary>
/// A restriction reduction plan end to end at desktop width: a service manager opens Sam's agreed
/// "money held by staff" practice (no reduction plan in the demo data), plans to reduce it, answers every
/// question page (a step that ends the practice), sees the plan refused while the assessments are missing,
/// agrees it on the shared Agree page, records the first step as achieved and opens the documents check.
/// The practice's page then shows it ended. Every page passes axe.
/// </summary>
public sealed partial class ReductionJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string Practice = "Money held by staff; Sam has £20 a day to spend";

    [GeneratedRegex(@"/people/[0-9a-fA-F-]{36}/?$")]
    private static partial Regex PersonPath();

    [GeneratedRegex(@"/people/[0-9a-fA-F-]{36}/practices/[0-9a-fA-F-]{36}/?$")]
    private static partial Regex PracticePath();

    [BrowserFact]
    public void Manager_PlansToReduceARestriction_AgreesIt_AndTakesTheFirstStep()
    {
        using var browser = BrowserSession.Start(Viewport.Desktop);
        var driver = browser.Driver;
        SignIn(driver, DemoUsers.ServiceManager);
        Go(driver, "/people?search=Adeyemi");
        var person = new Uri(driver.FindElements(By.CssSelector("main a[href*='/people/']"))
            .First(a => PersonPath().IsMatch(new Uri(a.GetDomProperty("href")!).AbsolutePath)).GetDomProperty("href")!).AbsolutePath.TrimEnd('/');

        Go(driver, person + "/practices");
        var practiceLink = driver.FindElements(By.CssSelector("main a[href*='/practices/']"))
            .FirstOrDefault(a => a.Text.Contains("Money held by staff") && PracticePath().IsMatch(new Uri(a.GetDomProperty("href")!).AbsolutePath))
            ?? throw new InvalidOperationException($"No link to the practice on {driver.Url}:\n{BodyText(driver)}");
        var practice = new Uri(practiceLink.GetDomProperty("href")!).AbsolutePath.TrimEnd('/');
        Go(driver, practice);
        AssertNoAxeViolations(driver, "the practice");
        Assert.DoesNotContain("Restriction reduction plans", BodyText(driver));

        Click(driver, driver.FindElement(By.LinkText("Plan to reduce this restriction")));
        Wait(driver).Until(d => d.Url.EndsWith("/reduction/new"));
        AssertNoAxeViolations(driver, "start");
        Submit(driver, "Start the plan");
        Wait(driver).Until(d => d.Url.EndsWith("/edit"));
        var plan = new Uri(driver.Url).AbsolutePath[..^"/edit".Length];
        AssertNoAxeViolations(driver, "the restriction and why it can change");
        Assert.Contains("Money held by staff", driver.FindElement(By.Id("Input_OriginalRestriction")).GetDomProperty("value"));
        Type(driver, "Input_RationaleForChange", "Sam has kept to a weekly budget with staff for three months and wants his bank card back");
        Continue(driver);

        Wait(driver).Until(d => d.Url.EndsWith("/edit/steps"));
        AssertNoAxeViolations(driver, "steps: none yet");
        Click(driver, driver.FindElement(By.PartialLinkText("Add a step")));
        Wait(driver).Until(d => new Uri(d.Url).AbsolutePath.Contains("/edit/step"));
        AssertNoAxeViolations(driver, "add a step");

        // The refusal: a step with nothing in it is not saved, and each missing answer is named.
        Submit(driver, "Save the step");
        Wait(driver).Until(d => d.FindElements(By.CssSelector(".govuk-error-summary")).Count > 0);
        Assert.Contains("There is a problem", BodyText(driver));
        AssertNoAxeViolations(driver, "add a step: refused");

        var today = DateTime.UtcNow;
        Type(driver, "Input_Description", "Sam holds his own bank card and plans his spending with staff each Monday");
        Type(driver, "Input_PlannedOn-day", today.Day.ToString());
        Type(driver, "Input_PlannedOn-month", today.Month.ToString());
        Type(driver, "Input_PlannedOn-year", today.Year.ToString());
        Type(driver, "Input_SuccessCriteria", "Four weeks within his budget, and Sam says he feels in charge of his money");
        Type(driver, "Input_Support", "Weekly budgeting session with his keyworker");
        Choose(driver, "Input_Change"); // End the practice
        Submit(driver, "Save the step");
        Wait(driver).Until(d => d.Url.EndsWith("/edit/steps") && d.PageSource.Contains("plans his spending with staff"));
        AssertNoAxeViolations(driver, "steps: one added");
        Submit(driver, "Continue");

        Wait(driver).Until(d => d.Url.EndsWith("/edit/safeguards"));
        AssertNoAxeViolations(driver, "safeguards");
        Type(driver, "Input_Safeguards", "The bank texts staff about any payment over £50; staff check in with Sam each evening");
        Type(driver, "Input_ReviewArrangements", "The keyworker and manager review each Monday; two overspent weeks in a row and we step back");
        Type(driver, "Input_CoProduction", "Sam chose the steps with his keyworker and his sister; his advocate was there");
        Continue(driver);

        // The refusal: the assessments are still missing, so the shared Agree page will not agree the plan.
        Wait(driver).Until(d => d.Url.EndsWith("/edit/assessments"));
        AssertNoAxeViolations(driver, "assessments: not answered yet");
        Go(driver, person + "/plans/" + plan.Split('/').Last() + "/agree");
        Wait(driver).Until(d => d.Url.EndsWith("/agree"));
        Assert.Contains("Before this can be agreed", BodyText(driver));
        AssertNoAxeViolations(driver, "agree: something missing");
        var review = DateTime.UtcNow.AddMonths(2);
        Type(driver, "Input_ReviewDate-day", review.Day.ToString());
        Type(driver, "Input_ReviewDate-month", review.Month.ToString());
        Type(driver, "Input_ReviewDate-year", review.Year.ToString());
        Submit(driver, "Agree this plan");
        Wait(driver).Until(d => d.FindElements(By.CssSelector(".govuk-error-summary")).Count > 0);
        Assert.True(new Uri(driver.Url).AbsolutePath.EndsWith("/agree"), $"The plan was agreed with its assessments missing: {driver.Url}");
        Assert.Contains("There is a problem", BodyText(driver));
        AssertNoAxeViolations(driver, "agree: refused");

        Go(driver, plan + "/edit/assessments");
        Type(driver, "Input_ProportionalityAssessment", "Sam has managed his budget for three months; the risk of exploitation is low with the bank alerts");
        Type(driver, "Input_SafeguardingAssessment", "The acquaintance has moved away; staff watch for new contacts asking for money");
        Continue(driver);

        Wait(driver).Until(d => new Uri(d.Url).AbsolutePath == plan);
        AssertNoAxeViolations(driver, "the plan, a draft");
        Click(driver, driver.FindElement(By.PartialLinkText("Check and agree the draft")));
        Wait(driver).Until(d => d.Url.EndsWith("/agree"));
        Assert.DoesNotContain("Before this can be agreed", BodyText(driver));
        AssertNoAxeViolations(driver, "agree");
        Type(driver, "Input_ReviewDate-day", review.Day.ToString());
        Type(driver, "Input_ReviewDate-month", review.Month.ToString());
        Type(driver, "Input_ReviewDate-year", review.Year.ToString());
        Submit(driver, "Agree this plan");
        Wait(driver).Until(d => new Uri(d.Url).AbsolutePath == plan);
        Assert.Contains("In place", BodyText(driver));
        AssertNoAxeViolations(driver, "the plan, agreed");

        Click(driver, driver.FindElement(By.PartialLinkText("Record how step 1 went")));
        Wait(driver).Until(d => new Uri(d.Url).AbsolutePath.Contains("/steps/"));
        AssertNoAxeViolations(driver, "take the first step");
        Type(driver, "Input_TakenOn-day", today.Day.ToString());
        Type(driver, "Input_TakenOn-month", today.Month.ToString());
        Type(driver, "Input_TakenOn-year", today.Year.ToString());
        Choose(driver, "Input_Result"); // Achieved
        Type(driver, "Input_Notes", "Four weeks within budget; Sam says he likes paying for the cinema himself");
        Submit(driver, "Record the step");
        Wait(driver).Until(d => d.Url.EndsWith("/documents"));
        Assert.Contains("the practice has ended", BodyText(driver));
        AssertNoAxeViolations(driver, "documents check");

        Go(driver, practice);
        var body = BodyText(driver);
        Assert.Contains("Ended", body);
        Assert.Contains("Restriction reduction plans", body);
        Assert.DoesNotContain("Plan to reduce this restriction", body);
        AssertNoAxeViolations(driver, "the practice, ended");
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
