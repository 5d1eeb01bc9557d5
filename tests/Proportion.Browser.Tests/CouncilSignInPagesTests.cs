using OpenQA.Selenium;
using Proportion.Browser.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Proportion.Browser.Tests;

/// <summary>
/// A council administrator's sign-in settings at phone width (R27, ADR 0036): the settings page, refused once for
/// what is missing, and the page that says which email one of their staff signs in with. Every page passes axe.
/// The sign-in through a real identity provider is proved in the web tests (CouncilSignInTests).
/// </summary>
public sealed class CouncilSignInPagesTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [BrowserFact]
    public void CouncilAdministrator_OpensTheSignInSettings_AndAPersonsSignInEmail()
    {
        using var browser = BrowserSession.Start(Viewport.Phone);
        var driver = browser.Driver;
        SignIn(driver, "admin@northshire.example");
        Go(driver, "/");
        var link = driver.FindElement(By.LinkText("Sign-in with your council's own account"));
        ((IJavaScriptExecutor)driver).ExecuteScript("arguments[0].scrollIntoView({block: 'center'});", link);
        link.Click();
        Wait(driver).Until(d => new Uri(d.Url).AbsolutePath == "/admin/single-sign-on");
        AssertNoAxeViolations(driver, "single sign-on settings");
        var save = driver.FindElements(By.CssSelector("main form button")).First(b => b.Text.Trim() == "Save");
        ((IJavaScriptExecutor)driver).ExecuteScript("arguments[0].click();", save);
        Wait(driver).Until(d => d.FindElements(By.CssSelector(".govuk-error-summary")).Count > 0);
        AssertNoAxeViolations(driver, "single sign-on settings, refused");
        var change = driver.FindElement(By.CssSelector("#staff-table a"));
        ((IJavaScriptExecutor)driver).ExecuteScript("arguments[0].click();", change);
        Wait(driver).Until(d => new Uri(d.Url).AbsolutePath.StartsWith("/admin/single-sign-on/users/"));
        AssertNoAxeViolations(driver, "a person's sign-in email");
    }
}
