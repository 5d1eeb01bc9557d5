using OpenQA.Selenium;
using Proportion.Browser.Tests.Infrastructure;
using static Proportion.Browser.Tests.Infrastructure.Fill;
using Xunit.Abstractions;

namespace Proportion.Browser.Tests;

/// <summary>
/// The intelligence log at phone width (R27): a social worker records what a family said about a provider, refused
/// once for what is missing; the commissioner records that it was shared with CQC and on what lawful basis. Every
/// page passes axe.
/// </summary>
public sealed class IntelligenceJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [BrowserFact]
    public void SocialWorker_RecordsIntelligence_AndTheCommissionerRecordsAShare()
    {
        var today = DateTime.Today;
        var summary = $"Kitchen locked at night {Guid.NewGuid().ToString()[..4]}";
        using var browser = BrowserSession.Start(Viewport.Phone);
        var driver = browser.Driver;
        SignIn(driver, DemoUsers.SocialWorker);
        Go(driver, "/");
        Click(driver, driver.FindElement(By.LinkText("Intelligence log")));
        Wait(driver).Until(d => new Uri(d.Url).AbsolutePath == "/council/intelligence");
        AssertNoAxeViolations(driver, "the intelligence log");
        Click(driver, driver.FindElement(By.LinkText("Record intelligence")));
        Wait(driver).Until(d => new Uri(d.Url).AbsolutePath.EndsWith("/new"));
        AssertNoAxeViolations(driver, "record intelligence");
        driver.FindElement(By.XPath("//select[@id='Input_ProviderId']/option[normalize-space()='Oakfield Care']")).Click();
        Type(driver, "Input_Summary", summary);
        Submit(driver, "Record the intelligence");
        Wait(driver).Until(d => d.FindElements(By.CssSelector(".govuk-error-summary")).Count > 0);
        AssertNoAxeViolations(driver, "record intelligence, refused");
        Assert.Equal(summary, driver.FindElement(By.Id("Input_Summary")).GetDomProperty("value"));
        Choose(driver, "Input_Source-3"); // family or friends
        Choose(driver, "Input_Reliability"); // reliable
        Choose(driver, "Input_Concern-3"); // medium
        TypeDate(driver, "Input_ReceivedOn", today);
        Type(driver, "Input_Details", "Her daughter says she cannot make a drink after 9pm.");
        Submit(driver, "Record the intelligence");
        Wait(driver).Until(d => d.FindElements(By.Id("shares")).Count > 0);
        AssertNoAxeViolations(driver, "an intelligence entry");
        var entry = new Uri(driver.Url).AbsolutePath;
        SignOut(driver);

        SignIn(driver, DemoUsers.Commissioner);
        Go(driver, entry);
        Click(driver, driver.FindElement(By.LinkText("Record a share")));
        Wait(driver).Until(d => new Uri(d.Url).AbsolutePath.EndsWith("/share"));
        AssertNoAxeViolations(driver, "record a share");
        Choose(driver, "Input_Partner-3"); // CQC
        Type(driver, "Input_PartnerName", "CQC");
        Type(driver, "Input_Recipient", "Dana Inspector");
        Type(driver, "Input_Purpose", "For their next inspection");
        Choose(driver, "Input_LawfulBasis"); // public task, care
        TypeDate(driver, "Input_SharedOn", today);
        Submit(driver, "Record the share");
        Wait(driver).Until(d => d.FindElements(By.Id("shares-table")).Count > 0);
        AssertNoAxeViolations(driver, "an intelligence entry, shared");
        Assert.Contains("Dana Inspector, CQC", driver.FindElement(By.Id("shares-table")).Text);
    }
}
