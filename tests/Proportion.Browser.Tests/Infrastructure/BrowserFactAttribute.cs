namespace Proportion.Browser.Tests.Infrastructure;

/// <summary>A fact that is skipped when Chromium or chromedriver is missing, except on CI.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (BrowserEnvironment.SkipReason is { } reason) Skip = reason;
    }
}

/// <summary>A theory that is skipped when Chromium or chromedriver is missing, except on CI.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (BrowserEnvironment.SkipReason is { } reason) Skip = reason;
    }
}
