using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;
using Xunit.Abstractions;

namespace Proportion.Browser.Tests.Infrastructure;

/// <summary>Helpers shared by the browser tests: navigation, signing in and the axe check.</summary>
[Collection(AppCollection.Name)]
public abstract class BrowserTest(AppFixture app, ITestOutputHelper output)
{
    public const string DemoPassword = "Demo-Proportion-2026";

    protected AppFixture App { get; } = app;

    protected ITestOutputHelper Output { get; } = output;

    protected Uri Url(string path) => new(App.BaseUrl, path.TrimStart('/'));

    protected void Go(IWebDriver driver, string path) => driver.Navigate().GoToUrl(Url(path));

    protected static WebDriverWait Wait(IWebDriver driver, int seconds = 15) =>
        new(driver, TimeSpan.FromSeconds(seconds));

    /// <summary>Signs in through the real sign-in form and waits to leave the sign-in page.</summary>
    protected void SignIn(IWebDriver driver, string email, string password = DemoPassword)
    {
        Go(driver, "/sign-in");
        var form = driver.FindElement(By.XPath("//form[.//input[@name='Input.Email']]"));
        var emailBox = form.FindElement(By.Name("Input.Email"));
        emailBox.Clear();
        emailBox.SendKeys(email);
        var passwordBox = form.FindElement(By.Name("Input.Password"));
        passwordBox.Clear();
        passwordBox.SendKeys(password);
        form.FindElement(By.XPath(
            ".//button[normalize-space()='Sign in'] | .//input[@type='submit' and @value='Sign in']")).Click();

        try
        {
            Wait(driver).Until(d => !new Uri(d.Url).AbsolutePath.StartsWith("/sign-in", StringComparison.OrdinalIgnoreCase));
        }
        catch (WebDriverTimeoutException)
        {
            throw new InvalidOperationException(
                $"Signing in as {email} stayed on {driver.Url}. Page text:\n{BodyText(driver)}");
        }
    }

    /// <summary>Signs out with the header's "Sign out" button (a POST form).</summary>
    protected static void SignOut(IWebDriver driver)
    {
        driver.FindElement(By.XPath(
            "//form//button[normalize-space()='Sign out'] | //form//input[@type='submit' and @value='Sign out']")).Click();
        Wait(driver).Until(d => d.FindElements(By.Name("Input.Email")).Count > 0 ||
                                d.FindElements(By.XPath("//form//button[normalize-space()='Sign out']")).Count == 0);
    }

    /// <summary>Runs axe-core on the current page and fails with every violation listed.</summary>
    protected void AssertNoAxeViolations(IWebDriver driver, string pageName)
    {
        var violations = Axe.Run(driver);
        if (violations.Count == 0)
        {
            Output.WriteLine($"axe: {pageName} ({driver.Url}) clean");
            return;
        }

        Assert.Fail(Axe.Describe(pageName, driver.Url, violations));
    }

    /// <summary>Runs axe and returns the report instead of failing, so a test can check many pages first.</summary>
    protected string? AxeReport(IWebDriver driver, string pageName)
    {
        var violations = Axe.Run(driver);
        if (violations.Count > 0) return Axe.Describe(pageName, driver.Url, violations);
        Output.WriteLine($"axe: {pageName} ({driver.Url}) clean");
        return null;
    }

    protected static string BodyText(IWebDriver driver)
    {
        try
        {
            var text = driver.FindElement(By.TagName("body")).Text;
            return text.Length <= 2000 ? text : text[..2000] + "...";
        }
        catch (WebDriverException e)
        {
            return $"(no body: {e.Message})";
        }
    }
}
