using OpenQA.Selenium;

namespace Proportion.Browser.Tests.Infrastructure;

/// <summary>
/// What a journey asks of the person doing it on a phone: pages, taps, characters typed and screens scrolled,
/// counted while a browser test does it, with an estimate of the seconds a person would take. The estimate is a
/// keystroke-level model with fixed costs (below), so two versions of a journey can be compared fairly; it is not
/// a stopwatch, which would time the test machine rather than a person.
/// </summary>
public sealed class Effort(IWebDriver driver)
{
    /// <summary>Finding a field or button on a phone screen and tapping it.</summary>
    public const double SecondsPerTap = 1.5;
    /// <summary>About 30 words a minute on a phone keyboard.</summary>
    public const double SecondsPerCharacter = 0.35;
    /// <summary>Swiping one screen further and finding your place.</summary>
    public const double SecondsPerScreenScrolled = 1.0;
    /// <summary>Reading a new page's heading and seeing what it asks.</summary>
    public const double SecondsPerPage = 2.0;

    public int Pages { get; private set; }
    public int Taps { get; private set; }
    public int Characters { get; private set; }
    public double ScreensScrolled { get; private set; }
    public int TallestPage { get; private set; }

    public double Seconds => Pages * SecondsPerPage + Taps * SecondsPerTap + Characters * SecondsPerCharacter + ScreensScrolled * SecondsPerScreenScrolled;

    /// <summary>Counts a page the person has arrived at, and how far it scrolls below the first screen.</summary>
    public void Arrived()
    {
        var js = (IJavaScriptExecutor)driver;
        var height = Convert.ToInt32(js.ExecuteScript("return document.documentElement.scrollHeight;"));
        var screen = Convert.ToInt32(js.ExecuteScript("return window.innerHeight;"));
        Pages++;
        TallestPage = Math.Max(TallestPage, height);
        ScreensScrolled += Math.Max(0, (double)height / screen - 1);
    }

    public void Type(string id, string text)
    {
        Fill.Type(driver, id, text);
        Taps++;
        Characters += text.Length;
    }

    public void Choose(string id)
    {
        Fill.Choose(driver, id);
        Taps++;
    }

    /// <summary>An option of a select list: one tap opens the list, one picks.</summary>
    public void Pick(IWebElement option)
    {
        ((IJavaScriptExecutor)driver).ExecuteScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].selected = true; arguments[0].parentElement.dispatchEvent(new Event('change', { bubbles: true }));", option);
        Taps += 2;
    }

    public void Click(IWebElement element)
    {
        Fill.Click(driver, element);
        Taps++;
    }

    public override string ToString() =>
        $"{Pages} pages, {Taps} taps, {Characters} characters typed, {ScreensScrolled:0.0} screens scrolled, tallest page {TallestPage}px: about {Seconds:0} seconds";
}
