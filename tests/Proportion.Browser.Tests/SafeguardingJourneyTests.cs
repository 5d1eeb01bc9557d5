using System.Text.RegularExpressions;
using OpenQA.Selenium;
using Proportion.Browser.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Proportion.Browser.Tests;

/// <summary>
/// Raising a safeguarding concern at phone width, as a care worker at night would (R20): from the person's page,
/// through every question page, refused once for what is missing (the error summary links to the page that fixes
/// it), then sent without the person's agreement and for a lawful reason; the care worker sees the receipt, and the
/// service manager reads the concern and the list. The council's safeguarding officer receives it, decides the provider
/// makes enquiries, makes the safety plan and gives the provider an action; the manager marks it done; the officer closes
/// it with Peggy's outcomes met in her words. Every page passes axe.
/// </summary>
public sealed partial class SafeguardingJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [GeneratedRegex(@"/people/[0-9a-fA-F-]{36}/?$")]
    private static partial Regex PersonPath();

    [BrowserFact]
    public void CareWorker_RaisesAConcernWithoutConsent_AndTheCouncilClosesItWithTheOutcomesMet()
    {
        string concern;
        using (var browser = BrowserSession.Start(Viewport.Phone))
        {
            var driver = browser.Driver;
            SignIn(driver, DemoUsers.CareWorker);
            Go(driver, "/people?search=Hughes");
            var person = new Uri(driver.FindElements(By.CssSelector("main a[href*='/people/']"))
                .First(a => PersonPath().IsMatch(new Uri(a.GetDomProperty("href")!).AbsolutePath)).GetDomProperty("href")!).AbsolutePath.TrimEnd('/');
            Go(driver, person);
            Click(driver, driver.FindElement(By.PartialLinkText("Raise a safeguarding concern about")));
            Wait(driver).Until(d => d.Url.EndsWith("/safeguarding/new"));
            AssertNoAxeViolations(driver, "start");
            Choose(driver, "Input_Source-5"); // something staff saw or heard
            Submit(driver, "Start");

            Wait(driver).Until(d => d.Url.EndsWith("/what-happened"));
            concern = new Uri(driver.Url).AbsolutePath[..^"/what-happened".Length];
            AssertNoAxeViolations(driver, "what happened");
            Choose(driver, "Input_Kinds-5"); // neglect
            Type(driver, "Input_WhatHappened", "Peggy was left in wet clothes all evening (browser).");
            Continue(driver);

            Wait(driver).Until(d => d.Url.EndsWith("/who"));
            AssertNoAxeViolations(driver, "who");
            Choose(driver, "Input_AllegedSourceKind-7"); // not known
            Continue(driver);

            Wait(driver).Until(d => d.Url.EndsWith("/action"));
            AssertNoAxeViolations(driver, "action");
            Type(driver, "Input_ImmediateAction", "Helped her change; told the manager on call.");
            // Stop and come back later: the draft waits on its check page.
            Submit(driver, "Save and come back later");
            Wait(driver).Until(d => new Uri(d.Url).AbsolutePath.EndsWith("/check"));
            AssertNoAxeViolations(driver, "check, a draft");
            Submit(driver, "Send the concern to the council");
            Wait(driver).Until(d => d.FindElements(By.CssSelector(".govuk-error-summary")).Count > 0);
            AssertNoAxeViolations(driver, "check, sending refused");
            Click(driver, driver.FindElements(By.CssSelector(".govuk-error-summary__list a")).First(a => a.Text.StartsWith("Select whether")));

            Wait(driver).Until(d => new Uri(d.Url).AbsolutePath.EndsWith("/consent"));
            AssertNoAxeViolations(driver, "consent");
            Choose(driver, "Input_Consent-2"); // refused
            Choose(driver, "Input_ProceedReasons"); // others at risk
            Type(driver, "Input_ProceedExplanation", "Two others on the corridor rely on the same staff at night.");
            Choose(driver, "Input_PersonTold"); // yes
            Type(driver, "Input_PersonToldNote", "Told at breakfast by her key worker.");
            Continue(driver);

            // Changed from the check page, it goes back there; the rest is answered from it.
            Wait(driver).Until(d => new Uri(d.Url).AbsolutePath.EndsWith("/check"));
            Click(driver, driver.FindElement(By.CssSelector("a[href$='/voice?from=check']")));
            Wait(driver).Until(d => new Uri(d.Url).AbsolutePath.EndsWith("/voice"));
            AssertNoAxeViolations(driver, "voice");
            Type(driver, "Input_OutcomesWanted", "I want to be changed when I ask.");
            Type(driver, "Input_HowPersonTakesPart", "In her room, with her daughter.");
            Continue(driver);
            Wait(driver).Until(d => new Uri(d.Url).AbsolutePath.EndsWith("/check"));
            Click(driver, driver.FindElement(By.CssSelector("a[href$='/advocacy?from=check']")));
            Wait(driver).Until(d => new Uri(d.Url).AbsolutePath.EndsWith("/advocacy"));
            AssertNoAxeViolations(driver, "advocacy");
            Choose(driver, "Input_AdvocacyOffered");
            Choose(driver, "Input_SubstantialDifficulty-2"); // no
            Continue(driver);

            Wait(driver).Until(d => new Uri(d.Url).AbsolutePath.EndsWith("/check"));
            Assert.Empty(driver.FindElements(By.Id("findings")));
            AssertNoAxeViolations(driver, "check, ready");
            Submit(driver, "Send the concern to the council");
            Wait(driver).Until(d => new Uri(d.Url).AbsolutePath.EndsWith("/receipt"));
            AssertNoAxeViolations(driver, "receipt");
            Assert.Contains("Not yet", BodyText(driver));
            Assert.DoesNotContain("wet clothes", driver.PageSource);
        }

        using (var browser = BrowserSession.Start())
        {
            var driver = browser.Driver;
            SignIn(driver, DemoUsers.ServiceManager);
            Go(driver, "/safeguarding");
            AssertNoAxeViolations(driver, "the list of concerns");
            Go(driver, concern);
            Assert.Contains("Peggy was left in wet clothes all evening (browser).", BodyText(driver));
            AssertNoAxeViolations(driver, "the concern");
        }

        // The council's safeguarding adults officer receives it, decides the provider makes enquiries, makes the
        // safety plan with Peggy and gives the provider an action.
        var concernId = concern[(concern.LastIndexOf('/') + 1)..];
        var soon = DateTime.UtcNow.AddDays(14);
        using (var browser = BrowserSession.Start(Viewport.Phone))
        {
            var driver = browser.Driver;
            SignIn(driver, DemoUsers.SafeguardingOfficer);
            Go(driver, "/council/safeguarding");
            AssertNoAxeViolations(driver, "the council's inbox");
            Click(driver, driver.FindElement(By.CssSelector($"main a[href$='/council/safeguarding/{concernId}']")));
            Wait(driver).Until(d => new Uri(d.Url).AbsolutePath.EndsWith(concernId));
            Assert.Contains("I want to be changed when I ask.", BodyText(driver));
            AssertNoAxeViolations(driver, "the council's concern, sent");
            Submit(driver, "Mark as received");
            Wait(driver).Until(d => d.FindElements(By.LinkText("Record the decision on a s.42 enquiry")).Count > 0);
            AssertNoAxeViolations(driver, "the council's concern, received");
            Click(driver, driver.FindElement(By.LinkText("Record the decision on a s.42 enquiry")));

            Wait(driver).Until(d => new Uri(d.Url).AbsolutePath.EndsWith("/decision"));
            Submit(driver, "Save the decision");
            Wait(driver).Until(d => d.FindElements(By.CssSelector(".govuk-error-summary")).Count > 0);
            AssertNoAxeViolations(driver, "the decision, refused");
            Choose(driver, "Input_EnquiryNeeded"); // yes
            Choose(driver, "Input_EnquiryBy-2"); // the provider, at the council's request
            Type(driver, "Input_Reason", "Care and support needs, and a risk of neglect she cannot protect herself from at night (browser).");
            Submit(driver, "Save the decision");

            Wait(driver).Until(d => d.FindElements(By.LinkText("Record the safety plan")).Count > 0);
            Click(driver, driver.FindElement(By.LinkText("Record the safety plan")));
            Wait(driver).Until(d => new Uri(d.Url).AbsolutePath.EndsWith("/plan"));
            AssertNoAxeViolations(driver, "the safety plan");
            Type(driver, "Input_Plan", "Night staff check Peggy every two hours and change her when she asks.");
            Type(driver, "Input_MadeWithPerson", "Agreed with Peggy in her room, her daughter with her.");
            TypeDate(driver, "Input_ReviewOn", soon);
            Submit(driver, "Save the plan");

            Wait(driver).Until(d => d.FindElements(By.LinkText("Add an action")).Count > 0);
            Click(driver, driver.FindElement(By.LinkText("Add an action")));
            Wait(driver).Until(d => new Uri(d.Url).AbsolutePath.EndsWith("/actions/new"));
            AssertNoAxeViolations(driver, "a new action");
            Type(driver, "Input_What", "Night checks recorded on Peggy's chart (browser).");
            Choose(driver, "Input_Owner-2"); // the provider
            TypeDate(driver, "Input_DueOn", soon);
            Submit(driver, "Add the action");
            Wait(driver).Until(d => d.PageSource.Contains("Night checks recorded on Peggy's chart (browser)."));
        }

        // The provider's manager sees what the council asks of them, and not the council's reasons, and marks it done.
        using (var browser = BrowserSession.Start(Viewport.Phone))
        {
            var driver = browser.Driver;
            SignIn(driver, DemoUsers.ServiceManager);
            Go(driver, concern);
            Assert.Contains("Night staff check Peggy every two hours", BodyText(driver));
            Assert.DoesNotContain("cannot protect herself from at night (browser)", driver.PageSource);
            AssertNoAxeViolations(driver, "the concern with the council's response");
            Click(driver, driver.FindElement(By.CssSelector("a[href*='/actions/'][href$='/done']")));
            Wait(driver).Until(d => new Uri(d.Url).AbsolutePath.EndsWith("/done"));
            AssertNoAxeViolations(driver, "the provider marks an action done");
            driver.FindElements(By.CssSelector("main textarea")).First().SendKeys("Checks on the chart every night since.");
            Click(driver, driver.FindElements(By.CssSelector("main form button.govuk-button")).First());
            // Done, the page shows it done with the note, and asks nothing more.
            Wait(driver).Until(d => d.FindElements(By.CssSelector("main textarea")).Count == 0);
            Assert.Contains("Checks on the chart every night since.", BodyText(driver));
        }

        // The officer asks Peggy whether her outcomes were met, records her words, and closes it.
        using (var browser = BrowserSession.Start(Viewport.Phone))
        {
            var driver = browser.Driver;
            SignIn(driver, DemoUsers.SafeguardingOfficer);
            Go(driver, $"/council/safeguarding/{concernId}");
            Click(driver, driver.FindElement(By.LinkText("Close the concern")));
            Wait(driver).Until(d => new Uri(d.Url).AbsolutePath.EndsWith("/close"));
            Submit(driver, "Close the concern");
            Wait(driver).Until(d => d.FindElements(By.CssSelector(".govuk-error-summary")).Count > 0);
            AssertNoAxeViolations(driver, "closing, refused without the outcomes");
            Choose(driver, "Input_OutcomesMet"); // fully met
            Type(driver, "Input_PersonsView", "They change me when I ask now. I feel looked after.");
            Type(driver, "Input_Reason", "The enquiry is complete and the plan is working.");
            Submit(driver, "Close the concern");
            Wait(driver).Until(d => new Uri(d.Url).AbsolutePath.EndsWith(concernId));
            var closure = driver.FindElement(By.CssSelector("[data-step='closure']")).Text;
            Assert.Contains("They change me when I ask now.", closure);
            Assert.Contains("Fully met", closure);
            AssertNoAxeViolations(driver, "the council's concern, closed");
        }
    }

    private static void TypeDate(IWebDriver driver, string id, DateTime date)
    {
        Type(driver, id + "-day", date.Day.ToString());
        Type(driver, id + "-month", date.Month.ToString());
        Type(driver, id + "-year", date.Year.ToString());
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
