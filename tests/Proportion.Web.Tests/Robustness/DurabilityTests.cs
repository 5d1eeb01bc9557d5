using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Scoping;
using Proportion.Web.Tests.Support;
using Xunit.Abstractions;

namespace Proportion.Web.Tests.Robustness;

/// <summary>
/// Nothing acknowledged is lost when the app dies. The built app runs as its own process on PostgreSQL;
/// several clients record incidents through the real form; the process is killed with SIGKILL while
/// they are mid-request; after a restart every incident a client was told about is in the database,
/// and a retry of each unanswered submission records it once.
/// </summary>
public sealed class DurabilityTests(ITestOutputHelper output)
{
    private const string CareWorker = "careworker@oakfield.example";
    private const string Manager = "manager@oakfield.example";
    private const int Clients = 6;
    /// <summary>Enough acknowledgements that the kill lands among many writes, few enough to stay quick.</summary>
    private const int AcknowledgedBeforeKill = 20;
    private static readonly TimeSpan MostTimeBeforeKill = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan KillAfterPostStarts = TimeSpan.FromMilliseconds(30);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    /// <summary>One submission of the form: the fields posted, and the incident it was acknowledged as, if it was.</summary>
    private sealed record Submission(int Client, Guid PersonId, Guid Key, List<KeyValuePair<string, string>> Fields)
    {
        public Guid? AcknowledgedAs { get; set; }
    }

    [SkippableFact]
    public async Task KilledMidSubmission_EveryAcknowledgedIncidentSurvives_AndARetryRecordsOnce()
    {
        Skip.IfNot(TestDatabase.PostgresAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var clock = Stopwatch.StartNew();
        using var database = new TestDatabase(DatabaseProvider.Postgres);
        var submissions = new ConcurrentQueue<Submission>();
        var unexpected = new ConcurrentQueue<string>();
        var clients = new List<AppClient>();
        RunningApp? app = null;
        var passed = false;
        try
        {
            app = await RunningApp.StartAsync(database.ConnectionString);
            output.WriteLine($"App started in {clock.Elapsed.TotalSeconds:0.0} s");
            var people = await WithDatabaseAsync(database, db => db.People
                .Where(p => p.Service!.Name == "Oakfield House").Select(p => p.Id).ToListAsync());
            Assert.NotEmpty(people);

            for (var i = 0; i < Clients; i++)
            {
                clients.Add(await NewClient(app.BaseUrl).SignInAsync(i % 2 == 0 ? CareWorker : Manager));
            }

            // Every client submits until the app is killed; a request cut off by the kill is expected.
            using var killed = new CancellationTokenSource();
            var acknowledgedSoFar = 0;
            // Set by the client about to post once enough are acknowledged, so the kill lands while the app is writing.
            var killNow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var submitting = Stopwatch.StartNew();
            var workers = clients.Select((client, index) => Task.Run(async () =>
            {
                for (var n = 0; !killed.IsCancellationRequested; n++)
                {
                    Submission? submission = null;
                    try
                    {
                        var personId = people[(index + n) % people.Count];
                        var form = await ReadFormAsync(client, personId);
                        submission = new Submission(index, personId, Guid.Parse(form["Input.SubmissionKey"]), Fill(form));
                        submissions.Enqueue(submission);
                        if (Volatile.Read(ref acknowledgedSoFar) >= AcknowledgedBeforeKill || submitting.Elapsed > MostTimeBeforeKill)
                        {
                            killNow.TrySetResult();
                        }
                        submission.AcknowledgedAs = await PostAsync(client, submission);
                        Interlocked.Increment(ref acknowledgedSoFar);
                    }
                    catch (Exception e) when (e is NotAcknowledgedException or InvalidOperationException)
                    {
                        unexpected.Enqueue($"client {index}: {e.Message}");
                        return;
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                    {
                        if (!killed.IsCancellationRequested)
                        {
                            unexpected.Enqueue($"client {index}: {e.Message} before the kill");
                        }
                        return;
                    }
                }
            })).ToList();

            await Task.WhenAny(killNow.Task, Task.WhenAll(workers), Task.Delay(2 * MostTimeBeforeKill));
            // Long enough for the post to reach the app, well short of the time the app takes to record it.
            await Task.Delay(KillAfterPostStarts);
            // Marked first: a request the kill cuts off must already count as expected when its client sees it fail.
            killed.Cancel();
            var acknowledgedAtKill = Volatile.Read(ref acknowledgedSoFar);
            var killing = Stopwatch.StartNew();
            app.Kill();
            output.WriteLine($"Kill took {killing.ElapsedMilliseconds} ms; {acknowledgedAtKill} acknowledged when it began");
            await Task.WhenAll(workers);
            Assert.True(unexpected.IsEmpty, string.Join("\n", unexpected));

            var acknowledged = submissions.Where(s => s.AcknowledgedAs is not null).ToList();
            var unanswered = submissions.Where(s => s.AcknowledgedAs is null).ToList();
            output.WriteLine($"Killed after {submitting.Elapsed.TotalSeconds:0.0} s of submitting: {submissions.Count} submitted, "
                + $"{acknowledged.Count} acknowledged, {unanswered.Count} cut off by the kill");
            Assert.NotEmpty(acknowledged);

            app = await RunningApp.StartAsync(database.ConnectionString);
            output.WriteLine($"Restarted at {clock.Elapsed.TotalSeconds:0.0} s");

            // Every incident a client was told about is there, under the key it was submitted with.
            var stored = await WithDatabaseAsync(database, db => db.Incidents
                .Select(i => new { i.Id, i.SubmissionKey, i.PersonId }).ToListAsync());
            var storedById = stored.ToDictionary(i => i.Id);
            var lost = acknowledged.Where(s => !storedById.TryGetValue(s.AcknowledgedAs!.Value, out var i) || i.SubmissionKey != s.Key || i.PersonId != s.PersonId).ToList();
            Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged incidents are missing: "
                + string.Join(", ", lost.Select(s => $"{s.AcknowledgedAs} (key {s.Key}, client {s.Client})")));
            var committedUnanswered = unanswered.Count(s => stored.Any(i => i.SubmissionKey == s.Key));
            output.WriteLine($"All {acknowledged.Count} acknowledged incidents found; {committedUnanswered} of the {unanswered.Count} cut off had been committed");

            // The client that lost its answer tries again, as the form's own key allows: each records once.
            using var retrier = await NewClient(app.BaseUrl).SignInAsync(Manager);
            using var retrierCareWorker = await NewClient(app.BaseUrl).SignInAsync(CareWorker);
            foreach (var submission in unanswered)
            {
                var client = submission.Client % 2 == 0 ? retrierCareWorker : retrier;
                var token = (await ReadFormAsync(client, submission.PersonId))["__RequestVerificationToken"];
                var retried = submission with { Fields = [.. submission.Fields.Where(f => f.Key != "__RequestVerificationToken"), new("__RequestVerificationToken", token)] };
                submission.AcknowledgedAs = await PostAsync(client, retried);
            }

            var keys = submissions.Select(s => s.Key).ToHashSet();
            var perKey = await WithDatabaseAsync(database, db => db.Incidents
                .GroupBy(i => i.SubmissionKey).Select(g => new { Key = g.Key, Count = g.Count() }).ToListAsync());
            Assert.DoesNotContain(perKey, k => k.Count > 1);
            Assert.Equal(keys.Count, perKey.Count(k => keys.Contains(k.Key)));
            var afterRetry = await WithDatabaseAsync(database, db => db.Incidents.Select(i => new { i.Id, i.SubmissionKey }).ToListAsync());
            Assert.All(submissions, s => Assert.Contains(afterRetry, i => i.Id == s.AcknowledgedAs && i.SubmissionKey == s.Key));

            // The restarted app serves what was acknowledged before the kill.
            var shown = await retrier.GetAsync($"/incidents/{acknowledged[^1].AcknowledgedAs}");
            Assert.Equal(HttpStatusCode.OK, shown.Status);

            output.WriteLine($"{unanswered.Count} retried, each recorded once; {submissions.Count} submissions, {afterRetry.Count(i => keys.Contains(i.SubmissionKey))} incidents. "
                + $"Took {clock.Elapsed.TotalSeconds:0.0} s");
            passed = true;
        }
        finally
        {
            clients.ForEach(client => client.Dispose());
            app?.Kill();
            if (app is not null && !passed)
            {
                output.WriteLine("--- last app output ---\n" + Tail(app.Log, 2000));
            }
        }
    }

    /// <summary>The incident form as the app serves it: its hidden fields, including the submission key and antiforgery token.</summary>
    private static async Task<Dictionary<string, string>> ReadFormAsync(AppClient client, Guid personId)
    {
        var page = await client.GetAsync($"/people/{personId}/incidents/new");
        if (page.Status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The incident form answered {page.Status}");
        }
        var form = page.Document.QuerySelector("input[name='Input.SubmissionKey']")?.Closest("form")
            ?? throw new InvalidOperationException("The incident form has no submission key");
        return form.QuerySelectorAll("input[type=hidden]")
            .Where(input => input.GetAttribute("name") is not null)
            .GroupBy(input => input.GetAttribute("name")!)
            .ToDictionary(g => g.Key, g => g.First().GetAttribute("value") ?? "");
    }

    /// <summary>A complete emergency CB1 for an incident half an hour ago, with the form's own hidden fields.</summary>
    private static List<KeyValuePair<string, string>> Fill(Dictionary<string, string> hidden)
    {
        var began = UkTime.ToLondon(DateTime.UtcNow - TimeSpan.FromMinutes(30));
        // The intervention follows on the same date; keep it clear of midnight.
        if (began.AddMinutes(5).Date != began.Date)
        {
            began = began.AddMinutes(-10);
        }
        var fields = new Dictionary<string, string>(hidden)
        {
            ["Input.OccurredOn.Day"] = began.Day.ToString(), ["Input.OccurredOn.Month"] = began.Month.ToString(), ["Input.OccurredOn.Year"] = began.Year.ToString(),
            ["Input.Step"] = "7",
            ["Input.Location"] = "The lounge",
            ["Input.Kind"] = nameof(IncidentKind.Emergency),
            ["Input.Interventions[0].Type"] = nameof(InterventionType.PhysicalSeated),
            ["Input.Interventions[0].Start"] = began.AddMinutes(1).ToString("HH:mm"),
            ["Input.Interventions[0].End"] = began.AddMinutes(4).ToString("HH:mm"),
            ["Input.Interventions[0].Injuries"] = "NoOne",
            ["Input.Reason"] = nameof(InterventionReason.PreventViolenceToOthers),
            ["Input.Antecedents"] = "Another resident shouted at him during lunch",
            ["Input.DeEscalation"] = "Offered a quiet room and a walk in the garden",
            ["Input.HowUsed"] = "Two staff sat with him and held his hands until he was calm",
            ["Input.Outcome"] = "Calm within five minutes; had a cup of tea",
            ["Input.OtherStaff[0].Name"] = "Jo Agency",
            ["Input.OtherStaff[0].Role"] = "Agency support worker",
        };
        return [.. fields];
    }

    /// <summary>Posts a submission; returns the incident it was acknowledged as (a redirect to it), or null for any other answer.</summary>
    private static async Task<Guid?> PostAsync(AppClient client, Submission submission)
    {
        using var response = await client.Http.PostAsync($"/people/{submission.PersonId}/incidents/new", new FormUrlEncodedContent(submission.Fields));
        var page = await AppClient.Page.ReadAsync(response);
        if (page.Status == HttpStatusCode.Redirect && page.Location is { } location && location.StartsWith("/incidents/")
            && Guid.TryParse(location["/incidents/".Length..], out var id))
        {
            return id;
        }
        throw new NotAcknowledgedException($"{page.Status} {page.Location} {string.Join("; ", page.ErrorSummary)}");
    }

    /// <summary>The app answered, but not with the incident: a fault in the test or the app, never expected.</summary>
    private sealed class NotAcknowledgedException(string answer) : Exception($"The submission was not acknowledged: {answer}");

    private static AppClient NewClient(Uri baseUrl) =>
        new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = baseUrl,
            Timeout = TimeSpan.FromSeconds(60),
        });

    private static async Task<T> WithDatabaseAsync<T>(TestDatabase database, Func<ProportionDbContext, Task<T>> work)
    {
        await using var db = new ProportionDbContext(DatabaseSetup.Options(DatabaseProvider.Postgres, database.ConnectionString)) { Scope = UserScope.System };
        return await work(db);
    }

    private static string Tail(string text, int length) => text.Length <= length ? text : text[^length..];

    /// <summary>The built app as its own process, in Development so the demo organisations load on first start.</summary>
    private sealed class RunningApp
    {
        private readonly Process _process;
        private readonly StringBuilder _log = new();

        public Uri BaseUrl { get; }

        public string Log
        {
            get { lock (_log) return _log.ToString(); }
        }

        private RunningApp(Process process, Uri baseUrl)
        {
            _process = process;
            BaseUrl = baseUrl;
        }

        public static async Task<RunningApp> StartAsync(string connectionString)
        {
            var port = FreePort();
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Proportion.Web.dll"));
            start.ArgumentList.Add("--contentRoot");
            start.ArgumentList.Add(AppContext.BaseDirectory);
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add($"http://127.0.0.1:{port}");
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            start.Environment.Remove("DOTNET_ENVIRONMENT");
            start.Environment.Remove("ASPNETCORE_URLS");
            start.Environment["Database__Provider"] = nameof(DatabaseProvider.Postgres);
            start.Environment["ConnectionStrings__Proportion"] = connectionString;
            start.Environment["Reminders__Enabled"] = "false";

            var app = new RunningApp(new Process { StartInfo = start }, new Uri($"http://127.0.0.1:{port}/"));
            app._process.OutputDataReceived += (_, e) => app.Append(e.Data);
            app._process.ErrorDataReceived += (_, e) => app.Append(e.Data);
            app._process.Start();
            app._process.BeginOutputReadLine();
            app._process.BeginErrorReadLine();
            try
            {
                await app.WaitUntilHealthyAsync();
            }
            catch
            {
                app.Kill();
                throw;
            }
            return app;
        }

        /// <summary>SIGKILL on Linux: no shutdown, no flushing, as when the machine loses power or the OOM killer strikes.</summary>
        public void Kill()
        {
            try
            {
                if (!_process.HasExited)
                {
                    // The app itself: `dotnet app.dll` hosts it in-process, with no children. Walking the
                    // process tree first (entireProcessTree) takes long enough on a busy machine for the
                    // requests the kill was aimed at to finish.
                    _process.Kill();
                }
                _process.WaitForExit(10_000);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }

        private async Task WaitUntilHealthyAsync()
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var health = new Uri(BaseUrl, "health");
            var waited = Stopwatch.StartNew();
            var last = "no answer yet";
            while (waited.Elapsed < StartTimeout)
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"The app exited with code {_process.ExitCode} before {health} answered.\n--- app output ---\n{Log}");
                }
                try
                {
                    using var response = await http.GetAsync(health);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }
                    last = $"HTTP {(int)response.StatusCode}";
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    last = e.Message;
                }
                await Task.Delay(200);
            }
            throw new TimeoutException($"{health} did not answer within {StartTimeout.TotalSeconds:0} s (last: {last}).\n--- app output ---\n{Log}");
        }

        private void Append(string? line)
        {
            if (line is not null)
            {
                lock (_log) _log.AppendLine(line);
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
