using OpenQA.Selenium;
using Proportion.Browser.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Proportion.Browser.Tests;

/// <summary>
/// The navigation fits one line at desktop width for every role, and on a phone it folds into GOV.UK's Menu
/// button, which opens it.
/// </summary>
public sealed class NavigationTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string ItemTops = "return [...document.querySelectorAll('.govuk-service-navigation__item')].map(li => Math.round(li.getBoundingClientRect().top));";

    [BrowserFact]
    public void Navigation_FitsOneLineAtDesktopWidth_ForEveryRole()
    {
        var wrapped = new List<string>();
        foreach (var user in DemoUsers.All)
        {
            using var browser = BrowserSession.Start(Viewport.Desktop);
            var driver = browser.Driver;
            SignIn(driver, user);
            Go(driver, "/");
            var tops = ((IReadOnlyCollection<object>)((IJavaScriptExecutor)driver).ExecuteScript(ItemTops)!).Select(Convert.ToInt32).ToList();
            Assert.NotEmpty(tops);
            var items = string.Join(", ", driver.FindElements(By.CssSelector(".govuk-service-navigation__item")).Select(li => li.Text));
            Output.WriteLine($"{user}: {tops.Count} items ({items})");
            if (tops.Distinct().Count() > 1)
            {
                wrapped.Add($"{user}: {items} fall on {tops.Distinct().Count()} lines");
            }
        }
        Assert.True(wrapped.Count == 0, string.Join(Environment.NewLine, wrapped));
    }

    [BrowserFact]
    public void Navigation_FoldsIntoTheMenuButton_OnAPhone()
    {
        using var browser = BrowserSession.Start(Viewport.Phone);
        var driver = browser.Driver;
        SignIn(driver, DemoUsers.SeniorManager);
        Go(driver, "/");
        Fill.Screenshot(driver, "home-senior-manager-phone");
        var toggle = driver.FindElement(By.CssSelector(".govuk-service-navigation__toggle"));
        Assert.True(toggle.Displayed, "No Menu button on a phone.");
        Assert.False(driver.FindElement(By.Id("navigation")).Displayed, "The navigation is open before Menu is pressed.");
        toggle.Click();
        Assert.True(driver.FindElement(By.Id("navigation")).Displayed, "Menu did not open the navigation.");
        AssertNoAxeViolations(driver, "home with the menu open, phone");
    }
}
