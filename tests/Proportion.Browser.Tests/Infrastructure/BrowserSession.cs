using System.Drawing;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Proportion.Browser.Tests.Infrastructure;

public enum Viewport
{
    Desktop,
    Phone,
}

/// <summary>
/// One headless Chromium with its own empty profile. Nothing is downloaded: the Chromium binary and
/// chromedriver are given by path, so Selenium Manager never runs.
/// </summary>
public sealed class BrowserSession : IDisposable
{
    public static readonly Size DesktopSize = new(1280, 900);
    public static readonly Size PhoneSize = new(375, 812);

    private readonly string _profileDir;

    private BrowserSession(ChromeDriver driver, string profileDir)
    {
        Driver = driver;
        _profileDir = profileDir;
    }

    public ChromeDriver Driver { get; }

    public static BrowserSession Start(Viewport viewport = Viewport.Desktop)
    {
        var chromium = BrowserEnvironment.Chromium;
        var chromedriver = BrowserEnvironment.ChromeDriver;
        if (chromium is null || chromedriver is null)
        {
            throw new InvalidOperationException(
                $"{BrowserEnvironment.MissingReason}. " +
                (BrowserEnvironment.IsCi ? "CI=true, so the browser suite fails rather than skips." : ""));
        }

        // Belt and braces: should anything reach Selenium Manager, it must not go to the network.
        Environment.SetEnvironmentVariable("SE_OFFLINE", "true");

        var size = viewport == Viewport.Phone ? PhoneSize : DesktopSize;
        var profileDir = Directory.CreateTempSubdirectory("proportion-chromium-").FullName;

        var options = new ChromeOptions { BinaryLocation = chromium };
        options.AddArguments(
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--lang=en-GB",
            $"--window-size={size.Width},{size.Height}",
            $"--user-data-dir={profileDir}");

        var service = ChromeDriverService.CreateDefaultService(
            Path.GetDirectoryName(chromedriver)!, Path.GetFileName(chromedriver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;

        ChromeDriver driver;
        try
        {
            driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        }
        catch
        {
            service.Dispose();
            TryDelete(profileDir);
            throw;
        }

        driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(60);
        driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(90);
        driver.Manage().Timeouts().ImplicitWait = TimeSpan.Zero;
        var browser = new BrowserSession(driver, profileDir);
        browser.Resize(viewport);
        return browser;
    }

    /// <summary>
    /// Sets the layout viewport. A window can't be made narrower than the browser's minimum, so the
    /// phone width is emulated through the DevTools protocol, as a phone's would be.
    /// </summary>
    public void Resize(Viewport viewport)
    {
        if (viewport == Viewport.Phone)
        {
            Driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
            {
                ["width"] = PhoneSize.Width,
                ["height"] = PhoneSize.Height,
                ["deviceScaleFactor"] = 2,
                ["mobile"] = true,
            });
        }
        else
        {
            Driver.ExecuteCdpCommand("Emulation.clearDeviceMetricsOverride", new Dictionary<string, object?>());
            Driver.Manage().Window.Size = DesktopSize;
        }
    }

    public void Dispose()
    {
        try { Driver.Quit(); }
        catch (WebDriverException) { }
        Driver.Dispose();
        TryDelete(_profileDir);
    }

    private static void TryDelete(string dir)
    {
        try { Directory.Delete(dir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
