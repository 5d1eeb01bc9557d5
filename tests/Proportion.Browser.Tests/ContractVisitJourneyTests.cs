using OpenQA.Selenium;
using Proportion.Browser.Tests.Infrastructure;
using static Proportion.Browser.Tests.Infrastructure.Fill;
using Xunit.Abstractions;

namespace Proportion.Browser.Tests;

/// <summary>
/// A contract visit done end to end at phone width (R27): the commissioner adds a contract with Oakfield Care,
/// judges an item from the evidence, records a visit and gives the provider an action; Oakfield's senior manager
/// finds it in their tasks and responds; the commissioner reads the response from their tasks and marks the
/// action done. Every page passes axe.
/// </summary>
public sealed class ContractVisitJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [BrowserFact]
    public void Commissioner_RecordsAVisitWithAnAction_TheProviderResponds_AndItIsMarkedDone()
    {
        var today = DateTime.Today;
        var reference = $"NC-BROWSER-{Guid.NewGuid().ToString()[..6]}";
        const string action = "Review the locked kitchen door with each person it affects";
        using (var browser = BrowserSession.Start(Viewport.Phone))
        {
            var driver = browser.Driver;
            SignIn(driver, DemoUsers.Commissioner);
            Go(driver, "/");
            Click(driver, driver.FindElement(By.LinkText("Contracts with providers")));
            Wait(driver).Until(d => new Uri(d.Url).AbsolutePath == "/council/contracts");
            AssertNoAxeViolations(driver, "the council's contracts");
            Click(driver, driver.FindElement(By.LinkText("Add a contract")));

            // Refused once for what is missing; the error summary says how to fix it.
            Submit(driver, "Add the contract");
            Wait(driver).Until(d => d.FindElements(By.CssSelector(".govuk-error-summary")).Count > 0);
            AssertNoAxeViolations(driver, "add a contract, refused");
            driver.FindElement(By.XPath("//select[@id='Input_ProviderId']/option[normalize-space()='Oakfield Care']")).Click();
            Type(driver, "Input_Reference", reference);
            Type(driver, "Input_Title", "Supported living for adults with a learning disability");
            TypeDate(driver, "Input_StartsOn", new DateTime(2026, 4, 1));
            Submit(driver, "Add the contract");
            Wait(driver).Until(d => d.FindElements(By.Id("checklist")).Count > 0);
            AssertNoAxeViolations(driver, "the contract");
            var contract = new Uri(driver.Url).AbsolutePath;

            Click(driver, driver.FindElement(By.CssSelector("[data-item='CertifiedTraining'] .govuk-summary-list__actions a")));
            Wait(driver).Until(d => new Uri(d.Url).AbsolutePath.EndsWith("/items/CertifiedTraining"));
            AssertNoAxeViolations(driver, "judge an item");
            Choose(driver, "Input_Judgement-2"); // partly met
            TypeDate(driver, "Input_JudgedOn", today);
            Type(driver, "Input_Note", "Night staff training lapsed for two people.");
            Submit(driver, "Record the judgement");
            Wait(driver).Until(d => new Uri(d.Url).AbsolutePath == contract);
            Assert.Contains("Partly met", driver.FindElement(By.CssSelector("[data-item='CertifiedTraining']")).Text);
            Screenshot(driver, "contract-phone");

            Click(driver, driver.FindElement(By.LinkText("Record a visit")));
            Wait(driver).Until(d => new Uri(d.Url).AbsolutePath.EndsWith("/visits/new"));
            AssertNoAxeViolations(driver, "record a visit");
            TypeDate(driver, "Input_VisitedOn", today.AddDays(-1));
            Type(driver, "Input_Findings", "The kitchen door is locked every night; staff could not say why.");
            Submit(driver, "Record the visit");
            Wait(driver).Until(d => d.FindElements(By.Id("actions")).Count > 0);
            AssertNoAxeViolations(driver, "the visit");

            Click(driver, driver.FindElement(By.LinkText("Add an action for the provider")));
            Wait(driver).Until(d => new Uri(d.Url).AbsolutePath.EndsWith("/actions/new"));
            AssertNoAxeViolations(driver, "add an action");
            Type(driver, "Input_What", action);
            TypeDate(driver, "Input_DueOn", today.AddDays(30));
            Submit(driver, "Add the action");
            Wait(driver).Until(d => d.FindElements(By.CssSelector("[data-action]")).Count > 0);
            AssertNoAxeViolations(driver, "the visit with its action");
            Screenshot(driver, "contract-visit-phone");
            SignOut(driver);

            // The provider's senior manager finds the action in their tasks and responds.
            SignIn(driver, DemoUsers.SeniorManager);
            Go(driver, "/tasks");
            Click(driver, driver.FindElement(By.PartialLinkText($"Respond to the council's action: {action}")));
            Wait(driver).Until(d => new Uri(d.Url).AbsolutePath.EndsWith("/respond"));
            AssertNoAxeViolations(driver, "respond to an action");
            Type(driver, "Text", "Reviewed with each person on Monday; the door is now open for two of them.");
            Submit(driver, "Send the response");
            Wait(driver).Until(d => d.FindElements(By.Id("visits")).Count > 0);
            AssertNoAxeViolations(driver, "the provider's contract");
            Assert.Contains("the door is now open for two of them", driver.FindElement(By.CssSelector("[data-action]")).Text);
            SignOut(driver);

            // The commissioner reads the response from their tasks and marks the action done.
            SignIn(driver, DemoUsers.Commissioner);
            Go(driver, "/tasks");
            Click(driver, driver.FindElement(By.PartialLinkText($"Check the provider's response and mark the action done: {action}")));
            Wait(driver).Until(d => new Uri(d.Url).AbsolutePath.EndsWith("/done"));
            AssertNoAxeViolations(driver, "mark an action done");
            Assert.Contains("the door is now open for two of them", BodyText(driver));
            TypeDate(driver, "Input_DoneOn", today);
            Type(driver, "Input_DoneNote", "Saw the door open at 9pm on my follow-up call.");
            Submit(driver, "Mark done");
            Wait(driver).Until(d => d.FindElements(By.CssSelector("[data-action] .govuk-tag--green")).Count > 0);
            AssertNoAxeViolations(driver, "the visit, its action done");
            Go(driver, "/tasks");
            Assert.DoesNotContain($"mark the action done: {action}", BodyText(driver));
        }
    }
}
