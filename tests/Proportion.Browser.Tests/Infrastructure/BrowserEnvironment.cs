namespace Proportion.Browser.Tests.Infrastructure;

/// <summary>
/// Where Chromium and chromedriver are. test.sh passes them as PROPORTION_CHROMIUM and
/// PROPORTION_CHROMEDRIVER; otherwise the Debian paths and PATH are tried.
/// </summary>
public static class BrowserEnvironment
{
    public static readonly bool IsCi =
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static readonly string? Chromium =
        Find(Environment.GetEnvironmentVariable("PROPORTION_CHROMIUM"), "/usr/bin/chromium", "chromium", "chromium-browser");

    public static readonly string? ChromeDriver =
        Find(Environment.GetEnvironmentVariable("PROPORTION_CHROMEDRIVER"), "/usr/bin/chromedriver", "chromedriver");

    public static string? MissingReason =>
        Chromium is null ? "Chromium not found (set PROPORTION_CHROMIUM or apt-get install chromium)"
        : ChromeDriver is null ? "chromedriver not found (set PROPORTION_CHROMEDRIVER or apt-get install chromium-driver)"
        : null;

    /// <summary>Skip only off CI: on CI a missing browser must fail the run, not hide it.</summary>
    public static string? SkipReason => IsCi ? null : MissingReason;

    private static string? Find(string? configured, params string[] candidates)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        foreach (var candidate in candidates)
        {
            if (Path.IsPathRooted(candidate))
            {
                if (File.Exists(candidate)) return candidate;
                continue;
            }

            var path = Environment.GetEnvironmentVariable("PATH") ?? "";
            foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var full = Path.Combine(dir, candidate);
                if (File.Exists(full)) return full;
            }
        }

        return null;
    }
}
