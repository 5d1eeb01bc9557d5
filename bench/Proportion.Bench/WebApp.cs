using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Proportion.Core.Data;

namespace Proportion.Bench;

/// <summary>
/// Proportion.Web as a child process on a free loopback port; stopped (with its children) on dispose.
/// With the two HTTP steps every command that drives it takes: signing in through the real form, and
/// reading a page that must answer 200.
/// </summary>
internal sealed partial class WebApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    public Uri BaseAddress { get; }

    private WebApp(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public static async Task<WebApp> StartAsync(string webDll, DatabaseProvider provider, string connection, CancellationToken ct)
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var contentRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(webDll)!, "..", "..", ".."));
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Directory.Exists(Path.Combine(contentRoot, "wwwroot")) ? contentRoot : Path.GetDirectoryName(webDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(webDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(url);
        start.Environment["Database__Provider"] = provider.ToString();
        start.Environment["ConnectionStrings__Proportion"] = connection;
        start.Environment["Demo__Seed"] = "false";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["DOTNET_gcServer"] = "0";

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Proportion.Web.");
        var app = new WebApp(process, new Uri(url));
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                app.DumpOutput();
                throw new InvalidOperationException($"Proportion.Web exited with code {process.ExitCode} before answering /health.");
            }
            try
            {
                using var health = await probe.GetAsync("/health", ct);
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    Console.WriteLine($"Proportion.Web answering on {url} after {deadline.Elapsed.TotalSeconds:F1} s (pid {process.Id}).");
                    return app;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }
            if (deadline.Elapsed > TimeSpan.FromSeconds(120))
            {
                app.DumpOutput();
                await app.DisposeAsync();
                throw new TimeoutException("Proportion.Web did not answer /health within 120 s.");
            }
            await Task.Delay(200, ct);
        }
    }

    /// <summary>User plus system CPU time of the web process so far, from /proc; 0 where there is no /proc.</summary>
    public double CpuMs()
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // After the command name: state is field 3, utime and stime are fields 14 and 15.
            var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture)
                + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
            return ticks * 1000.0 / ClockTicksPerSecond;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 0;
        }
    }

    // USER_HZ is 100 on every Linux architecture .NET runs on.
    private const double ClockTicksPerSecond = 100;

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        // BENCH_WEB_LOG=<file> keeps everything the app writes, e.g. with
        // Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information to see its SQL.
        if (Environment.GetEnvironmentVariable("BENCH_WEB_LOG") is { Length: > 0 } log)
        {
            lock (_output)
            {
                File.AppendAllText(log, line + Environment.NewLine);
            }
        }
        _output.Enqueue(line);
        while (_output.Count > 200 && _output.TryDequeue(out _))
        {
        }
    }

    private void DumpOutput()
    {
        Console.Error.WriteLine("--- Proportion.Web output (last lines) ---");
        foreach (var line in _output)
        {
            Console.Error.WriteLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
        }
        if (_output.Any(l => l.Contains("fail:", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal)))
        {
            DumpOutput();
        }
        _process.Dispose();
    }

    public static async Task SignInAsync(HttpClient http, string email, CancellationToken ct)
    {
        var form = await GetOkAsync(http, "/sign-in", ct);
        var token = AntiforgeryToken().Match(form) is { Success: true } m ? m.Groups[1].Value
            : throw new InvalidOperationException("No __RequestVerificationToken on /sign-in.");
        using var post = await http.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Generator.Password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }), ct);
        if (post.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {email} answered {(int)post.StatusCode}, not a redirect: wrong password or a locked account?");
        }
    }

    public static async Task<string> GetOkAsync(HttpClient http, string url, CancellationToken ct)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode} {response.Headers.Location}, not 200.");
        }
        return body;
    }

    [GeneratedRegex(@"<input[^>]*name=""__RequestVerificationToken""[^>]*value=""([^""]+)""")]
    internal static partial Regex AntiforgeryToken();

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Proportion.slnx")))
            {
                return dir.FullName;
            }
        }
        return Directory.GetCurrentDirectory();
    }

    internal static string DefaultWebDll() =>
        Path.Combine(RepositoryRoot(), "src", "Proportion.Web", "bin", "Release", "net10.0", "Proportion.Web.dll");
}
