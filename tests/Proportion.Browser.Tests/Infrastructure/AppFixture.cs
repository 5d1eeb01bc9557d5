using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace Proportion.Browser.Tests.Infrastructure;

/// <summary>
/// Runs the real, built app (src/Proportion.Web) as its own process on a free loopback port, on a
/// throwaway SQLite database seeded with the demo data.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly StringBuilder _log = new();
    private Process? _process;
    private string? _dataDir;

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>What the app has written to stdout and stderr so far.</summary>
    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    public async Task InitializeAsync()
    {
        // Nothing to serve when every test will be skipped.
        if (BrowserEnvironment.SkipReason is not null) return;

        var dll = FindWebDll();
        _dataDir = Directory.CreateTempSubdirectory("proportion-browser-").FullName;
        var port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(RepoRoot(), "src", "Proportion.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Proportion"] = $"Data Source={Path.Combine(_dataDir, "browser.db")}";
        start.Environment["Demo__Seed"] = "true";

        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        if (!_process.Start()) throw new InvalidOperationException($"Could not start dotnet {dll}");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        await WaitUntilHealthy();
    }

    public Task DisposeAsync()
    {
        if (_process is { } process)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            process.Dispose();
        }

        if (_dataDir is not null)
        {
            try { Directory.Delete(_dataDir, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }

        return Task.CompletedTask;
    }

    private async Task WaitUntilHealthy()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var health = new Uri(BaseUrl, "health");
        var clock = Stopwatch.StartNew();
        var last = "no answer yet";

        while (clock.Elapsed < StartTimeout)
        {
            if (_process!.HasExited)
            {
                _process.WaitForExit();
                throw new InvalidOperationException(
                    $"The app exited with code {_process.ExitCode} before {health} answered.\n--- app output ---\n{Log}");
            }

            try
            {
                using var response = await http.GetAsync(health);
                if (response.StatusCode == HttpStatusCode.OK) return;
                last = $"HTTP {(int)response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.Message;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException(
            $"{health} did not return 200 within {StartTimeout.TotalSeconds:0} s (last: {last}).\n--- app output ---\n{Log}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    private static string FindWebDll()
    {
        var configured = Environment.GetEnvironmentVariable("PROPORTION_WEB_DLL");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured)
                ? Path.GetFullPath(configured)
                : throw new FileNotFoundException($"PROPORTION_WEB_DLL points at a missing file: {configured}");
        }

        // The same configuration as this test assembly: test.sh builds the whole solution once.
        var configuration = typeof(AppFixture).Assembly
            .GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var dll = Path.Combine(RepoRoot(), "src", "Proportion.Web", "bin", configuration, "net10.0", "Proportion.Web.dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"The app is not built: {dll} is missing. Run `dotnet build Proportion.slnx -c {configuration}`.");
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Proportion.slnx"))) return dir.FullName;
        }

        throw new DirectoryNotFoundException($"No Proportion.slnx above {AppContext.BaseDirectory}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "App";
}
