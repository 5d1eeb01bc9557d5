using OpenQA.Selenium;
using Proportion.Browser.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Proportion.Browser.Tests;

/// <summary>
/// The main pages as each role first sees them, checked with axe at the width they are mostly used at. With
/// PROPORTION_SCREENSHOTS=docs/screenshots the pictures are saved for the README, so it shows the pages as they are.
/// </summary>
public sealed class ScreenshotTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [BrowserFact]
    public void MainPages_AsEachRoleSeesThem()
    {
        void Shoot(string user, Viewport viewport, string path, string name, string expected)
        {
            using var browser = BrowserSession.Start(viewport);
            var driver = browser.Driver;
            SignIn(driver, user);
            Go(driver, path);
            Assert.Contains(expected, driver.FindElement(By.TagName("main")).Text);
            AssertNoAxeViolations(driver, $"{name} ({user}, {viewport})");
            Fill.Screenshot(driver, name);
        }

        Shoot(DemoUsers.CareWorker, Viewport.Phone, "/", "home-care-worker-phone", "Record an incident");
        Shoot(DemoUsers.ServiceManager, Viewport.Desktop, "/", "home-manager-desktop", "Emergencies to review with the person");
        Shoot(DemoUsers.ServiceManager, Viewport.Desktop, "/tasks", "tasks-manager-desktop", "Overdue");
        Shoot(DemoUsers.ServiceManager, Viewport.Phone, "/tasks", "tasks-manager-phone", "Why");
        Shoot(DemoUsers.SeniorManager, Viewport.Phone, "/", "home-senior-manager-phone", "Record an incident");
        Shoot(DemoUsers.ServiceManager, Viewport.Phone, "/people?search=Turner", "people-manager-phone", "Joyce Turner");
        Shoot(DemoUsers.Commissioner, Viewport.Desktop, "/council/picture", "council-picture-desktop", "Oakfield");

        foreach (var viewport in new[] { Viewport.Desktop, Viewport.Phone })
        {
            using var person = BrowserSession.Start(viewport);
            SignIn(person.Driver, DemoUsers.ServiceManager);
            Go(person.Driver, "/people?search=Turner");
            Fill.Click(person.Driver, person.Driver.FindElement(By.CssSelector("main table a[href*='/people/']")));
            Wait(person.Driver).Until(d => d.FindElement(By.TagName("h1")).Text.Contains("Joyce Turner"));
            Assert.Contains("What is happening now", person.Driver.FindElement(By.TagName("main")).Text);
            AssertNoAxeViolations(person.Driver, $"a person's page (manager, {viewport})");
            Fill.Screenshot(person.Driver, $"person-{viewport.ToString().ToLowerInvariant()}");
        }
    }
}
