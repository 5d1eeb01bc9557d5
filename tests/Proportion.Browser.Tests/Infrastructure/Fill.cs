using OpenQA.Selenium;

namespace Proportion.Browser.Tests.Infrastructure;

/// <summary>
/// Filling in and moving through GOV.UK pages as a person would at any width: scrolled into view first, so a
/// phone layout's field or button is reachable. <c>using static</c> it in a journey test.
/// </summary>
public static class Fill
{
    /// <summary>Each table wider than its box (part of it hidden behind a scroll), and the page's own sideways scroll; empty when none.</summary>
    public const string Overflow = """
        const tables = [...document.querySelectorAll('main table')]
            .filter(t => t.scrollWidth > t.parentElement.clientWidth)
            .map(t => `a table (${(t.querySelector('caption, th')?.textContent ?? '').trim().slice(0, 40)}) ${t.scrollWidth}px wide in ${t.parentElement.clientWidth}px`);
        const page = document.documentElement.scrollWidth - document.documentElement.clientWidth;
        if (page > 0) tables.push(`the page scrolls ${page}px sideways`);
        return tables.join('; ');
        """;

    public static void Type(IWebDriver driver, string id, string text)
    {
        var field = driver.FindElement(By.Id(id));
        ((IJavaScriptExecutor)driver).ExecuteScript("arguments[0].scrollIntoView({block: 'center'});", field);
        field.Clear();
        field.SendKeys(text);
    }

    /// <summary>A GOV.UK date input's three boxes, by the field's id.</summary>
    public static void TypeDate(IWebDriver driver, string id, DateTime date)
    {
        Type(driver, id + "-day", date.Day.ToString());
        Type(driver, id + "-month", date.Month.ToString());
        Type(driver, id + "-year", date.Year.ToString());
    }

    /// <summary>A radio or checkbox, by its id (the GOV.UK styles hide the input itself under its label).</summary>
    public static void Choose(IWebDriver driver, string id) =>
        ((IJavaScriptExecutor)driver).ExecuteScript("arguments[0].click();", driver.FindElement(By.Id(id)));

    /// <summary>The form button in the main content whose text is, or starts with, <paramref name="text"/>.</summary>
    public static void Submit(IWebDriver driver, string text) =>
        Click(driver, driver.FindElements(By.CssSelector("main form button")).First(b => b.Text.Trim() == text || b.Text.Trim().StartsWith(text)));

    public static void Click(IWebDriver driver, IWebElement element)
    {
        ((IJavaScriptExecutor)driver).ExecuteScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.Click();
    }

    /// <summary>Saves the page as seen into <c>PROPORTION_SCREENSHOTS</c>, when set, to look at after a run.</summary>
    public static void Screenshot(IWebDriver driver, string name)
    {
        if (Environment.GetEnvironmentVariable("PROPORTION_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            ((ITakesScreenshot)driver).GetScreenshot().SaveAsFile(Path.Combine(folder, name + ".png"));
        }
    }
}
