using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Scoping;

namespace Proportion.Bench;

/// <summary>
/// Records incidents through the real form, <c>POST /people/{id}/incidents/new</c>, from many signed-in
/// clients at once, each posting back to back; then, in the same run and at the same concurrency, inserts
/// one comparable row per transaction straight into the database, so the rate through the app has a
/// ceiling from this machine to be read against.
/// </summary>
public static partial class IncidentsBenchmark
{
    // The aims from the issue: a quarter of the raw insert rate (on PostgreSQL), p99 under 100 ms, no failure.
    public const double GoalRatio = 0.25;
    public const double GoalP99Ms = 100;

    // What every post says, and what every raw row holds: a short but complete record, so both sides
    // write text of the same length. No apostrophes: the pgbench script quotes them as SQL literals.
    internal const string Location = "The lounge";
    internal const string Antecedents = "Another resident shouted at her during lunch";
    internal const string DeEscalation = "Offered a quiet room and a walk in the garden";
    internal const string HowUsed = "She fell forwards; two staff held her arms until she sat up";
    internal const string Outcome = "Calm within ten minutes; had a cup of tea";
    internal const IncidentKind Kind = IncidentKind.Emergency;
    internal const InterventionReason Reason = InterventionReason.PreventViolenceToOthers;

    /// <summary>A bench service manager, the service they are assigned to and its people, in name order.</summary>
    internal sealed record Manager(Guid UserId, string Email, Guid OrganisationId, Guid ServiceId, string ServiceName, IReadOnlyList<Guid> People);

    public static async Task<int> RunAsync(IncidentsSettings s, CancellationToken ct)
    {
        var options = DatabaseSetup.Options(s.Provider, s.Connection);
        var managers = await FindManagersAsync(options, s.Clients, ct);
        Console.WriteLine($"Provider {s.Provider}; {await CountIncidentsAsync(options, ct):N0} incidents in the database.");
        Console.WriteLine($"{s.Clients} clients, each signed in with its own cookie, spread over {managers.Count} service manager{(managers.Count == 1 ? "" : "s")} "
            + $"({string.Join(", ", managers.Select(m => m.Email))}); each posts for the people of its manager's service in turn.");

        var webDll = Path.GetFullPath(s.WebDll ?? WebApp.DefaultWebDll());
        if (!File.Exists(webDll))
        {
            Console.Error.WriteLine($"{webDll} not found: build it first (dotnet build -c Release src/Proportion.Web).");
            return 1;
        }
        // Found now, so a wrong --pgbench stops the run before the app's half of it rather than after.
        var pgbench = s.Provider == DatabaseProvider.Postgres ? RawInserts.FindPgbench(s.Pgbench) : null;
        if (s.Provider == DatabaseProvider.Postgres && pgbench is null)
        {
            Console.WriteLine("No pgbench found (give --pgbench <path>): the raw insert rate and the ratio will be missing.");
        }

        // An incident yesterday at 14:00 (London): always in the past, clear of midnight, and a time the
        // clocks never skip. Taken once, so a run that crosses midnight still posts a past time.
        var day = UkTime.Today(TimeProvider.System).AddDays(-1);
        var failures = new Failures();
        Phase measured;
        long before, after;
        double webCpuMs, clientCpuMs, databaseCpuMs;
        await using (var web = await WebApp.StartAsync(webDll, s.Provider, s.Connection, ct))
        {
            var clients = new List<Client>();
            try
            {
                var signIn = Stopwatch.StartNew();
                // Signing in hashes the password (PBKDF2), so the clients do it together rather than in turn.
                clients.AddRange(await Task.WhenAll(Enumerable.Range(0, s.Clients)
                    .Select(i => Client.SignInAsync(web.BaseAddress, managers[i % managers.Count], i, ct))));
                Console.WriteLine($"{clients.Count} clients signed in and holding the form's antiforgery token after {signIn.Elapsed.TotalSeconds:F1} s.");

                // One post first, so a form the app refuses stops the run here with its reasons rather than
                // failing for the whole run.
                if (await clients[0].PostAsync(day, ct) is { } refused)
                {
                    Console.Error.WriteLine($"The first post was refused ({refused.Kind}): {refused.Detail}");
                    return 1;
                }

                Console.WriteLine($"Warming up for {s.WarmupSeconds} s, then measuring {s.Seconds} s ...");
                var warmup = await RunPhaseAsync(clients, TimeSpan.FromSeconds(s.WarmupSeconds), day, failures, ct);
                if (warmup.Failed > 0)
                {
                    Console.WriteLine($"  ({warmup.Failed} of {warmup.Posts} warm-up posts failed; they are not counted below.)");
                }
                failures.Clear();
                before = await CountIncidentsAsync(options, ct);
                var cpu = web.CpuMs();
                var clientCpu = ClientCpuMs();
                var databaseCpu = PostgresServerCpuMs();
                measured = await RunPhaseAsync(clients, TimeSpan.FromSeconds(s.Seconds), day, failures, ct);
                webCpuMs = web.CpuMs() - cpu;
                clientCpuMs = ClientCpuMs() - clientCpu;
                databaseCpuMs = PostgresServerCpuMs() - databaseCpu;
                after = await CountIncidentsAsync(options, ct);
            }
            finally
            {
                foreach (var client in clients)
                {
                    client.Dispose();
                }
            }
        }

        // The baseline runs after the app has stopped, so neither competes with the other for the cores.
        var first = managers[0];
        Console.WriteLine($"Raw inserts: {s.Clients} connections, one row per transaction, {s.Seconds} s ...");
        var raw = await RawInserts.RunAsync(s, new RawInserts.Row(first.OrganisationId, first.ServiceId, first.People[0], first.UserId), pgbench, ct);

        var latency = Stats.Of(measured.Latencies);
        var rate = measured.Succeeded / measured.Elapsed.TotalSeconds;
        var ratio = raw is null ? double.NaN : rate / raw.PerSecond;
        var rose = after - before;
        Console.WriteLine();
        Console.WriteLine($"{s.Provider}, {s.Clients} clients for {measured.Elapsed.TotalSeconds:F1} s after {s.WarmupSeconds} s warm-up, times in ms:");
        Console.WriteLine();
        Console.WriteLine("| provider | incidents/s | p50 | p99 | failed | raw inserts/s | raw p50 | raw p99 | ratio | web CPU / incident |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine($"| {s.Provider} | {rate:F1} | {latency.Median:F1} | {latency.P99:F1} | {measured.Failed} | "
            + $"{(raw is null ? "–" : raw.PerSecond.ToString("F0", CultureInfo.InvariantCulture))} | {Ms(raw?.Latency.Median)} | {Ms(raw?.Latency.P99)} | "
            + $"{(raw is null ? "–" : ratio.ToString("F3", CultureInfo.InvariantCulture))} | {(webCpuMs > 0 ? (webCpuMs / measured.Posts).ToString("F1", CultureInfo.InvariantCulture) : "–")} |");
        Console.WriteLine();
        Console.WriteLine($"Posts: {measured.Posts:N0}, recorded (302 to /incidents/{{id}}): {measured.Succeeded:N0}, failed: {measured.Failed:N0}; "
            + $"latency mean {measured.Latencies.Average():F1} ms, max {measured.Latencies.Max():F1} ms (all posts).");
        // The clients share the cores with the app and the database, so their own cost is part of the picture.
        Console.WriteLine($"CPU per post (mean): web process {(webCpuMs > 0 ? $"{webCpuMs / measured.Posts:F1} ms" : "not known")}, "
            + $"these {s.Clients} clients {clientCpuMs / measured.Posts:F1} ms, "
            + (s.Provider == DatabaseProvider.Postgres && databaseCpuMs > 0
                ? $"PostgreSQL server processes on this machine {databaseCpuMs / measured.Posts:F1} ms"
                : "database not counted separately (SQLite runs inside the web process)")
            + $"; {Environment.ProcessorCount} cores.");
        failures.Summarise();
        var countMatches = rose == measured.Succeeded;
        Console.WriteLine(countMatches
            ? $"Incidents in the database: {before:N0} -> {after:N0}, up by exactly the {measured.Succeeded:N0} successful posts."
            : $"Incidents in the database: {before:N0} -> {after:N0}, up by {rose:N0}, but {measured.Succeeded:N0} posts succeeded: MISMATCH.");
        if (raw is not null)
        {
            Console.WriteLine($"Raw inserts: {raw.Rows:N0} rows, {raw.PerSecond:F0}/s, {raw.How}.");
            Console.WriteLine($"Ratio incidents/s ÷ raw inserts/s: {rate:F1} ÷ {raw.PerSecond:F0} = {ratio:F3} (each incident also writes its interventions, staff, "
                + "audit row and notifications, and reads the user's scope, in one transaction).");
        }
        Console.WriteLine();
        Aim(s.Provider != DatabaseProvider.Postgres ? null : raw is null ? false : ratio >= GoalRatio,
            $"at least {GoalRatio:F2} of the raw insert rate{(s.Provider == DatabaseProvider.Postgres ? "" : " (the aim is set for PostgreSQL)")}");
        Aim(latency.P99 < GoalP99Ms, $"p99 under {GoalP99Ms} ms");
        Aim(measured.Failed == 0, "no failed request");
        return measured.Failed == 0 && countMatches ? 0 : 1;
    }

    /// <summary>
    /// User plus system CPU of every process on this machine named postgres (the server and its backends), from
    /// /proc; 0 where there is none or no /proc. Backends that end during the phase take their time with them, but
    /// the app's pooled connections live through it.
    /// </summary>
    private static double PostgresServerCpuMs()
    {
        double ticks = 0;
        foreach (var dir in Directory.Exists("/proc") ? Directory.EnumerateDirectories("/proc") : [])
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var name = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
                if (name != "postgres")
                {
                    continue;
                }
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
            }
        }
        return ticks * 10; // USER_HZ is 100
    }

    private static double ClientCpuMs()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalMilliseconds;
    }

    private static string Ms(double? ms) => ms is { } v ? v.ToString("F1", CultureInfo.InvariantCulture) : "–";

    private static void Aim(bool? met, string what) =>
        Console.WriteLine($"  {(met switch { true => "met    ", false => "NOT met", null => "(n/a)  " })}  {what}");

    private sealed record Phase(int Posts, int Succeeded, int Failed, List<double> Latencies, TimeSpan Elapsed);

    /// <summary>
    /// Every client posts back to back until the time is up; the phase ends when the last post has been
    /// answered, and the rate is over that whole time. Latency is from sending a post to reading its answer.
    /// </summary>
    private static async Task<Phase> RunPhaseAsync(IReadOnlyList<Client> clients, TimeSpan length, DateOnly day, Failures failures, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        var results = await Task.WhenAll(clients.Select(async client =>
        {
            var times = new List<double>();
            var ok = 0;
            while (Stopwatch.GetElapsedTime(start) < length)
            {
                var sent = Stopwatch.GetTimestamp();
                var failure = await client.PostAsync(day, ct);
                times.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                if (failure is null)
                {
                    ok++;
                }
                else
                {
                    failures.Add(failure);
                }
            }
            return (times, ok);
        }));
        var elapsed = Stopwatch.GetElapsedTime(start);
        var latencies = results.SelectMany(r => r.times).ToList();
        var succeeded = results.Sum(r => r.ok);
        return new Phase(latencies.Count, succeeded, latencies.Count - succeeded, latencies, elapsed);
    }

    internal sealed record Failure(string Kind, string Detail);

    /// <summary>Failed posts by kind; the first of each kind is printed as it happens, to help find the cause.</summary>
    private sealed class Failures
    {
        private readonly ConcurrentDictionary<string, int> _counts = new();

        public void Add(Failure failure)
        {
            if (_counts.AddOrUpdate(failure.Kind, 1, (_, n) => n + 1) == 1)
            {
                Console.WriteLine($"  A post failed ({failure.Kind}): {failure.Detail}");
            }
        }

        public void Clear() => _counts.Clear();

        public void Summarise()
        {
            foreach (var (kind, n) in _counts.OrderByDescending(c => c.Value))
            {
                Console.WriteLine($"  failed: {n:N0} × {kind}");
            }
        }
    }

    /// <summary>One signed-in browser: its own cookies and connection, the form's token, and its turn through the people.</summary>
    private sealed class Client(HttpClient http, Manager manager, string token, int offset) : IDisposable
    {
        private int _next = offset;

        public static async Task<Client> SignInAsync(Uri baseAddress, Manager manager, int index, CancellationToken ct)
        {
            var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false };
            // Long enough that a slow answer is measured as slow, not turned into a failure.
            var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(120) };
            try
            {
                await WebApp.SignInAsync(http, manager.Email, ct);
                // The token is tied to the signed-in user and this client's antiforgery cookie, not to the
                // page, so one fetch of the form serves every post that follows.
                var form = await WebApp.GetOkAsync(http, $"/people/{manager.People[0]}/incidents/new", ct);
                var token = WebApp.AntiforgeryToken().Match(form) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
                    : throw new InvalidOperationException("No __RequestVerificationToken on the incident form.");
                return new Client(http, manager, token, index);
            }
            catch
            {
                http.Dispose();
                throw;
            }
        }

        /// <summary>Posts one new incident; null when it was recorded (302 to the incident), else why not.</summary>
        public async Task<Failure?> PostAsync(DateOnly day, CancellationToken ct)
        {
            var personId = manager.People[_next++ % manager.People.Count];
            try
            {
                using var response = await http.PostAsync($"/people/{personId}/incidents/new", Form(day), ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                var location = response.Headers.Location?.OriginalString;
                if (response.StatusCode == HttpStatusCode.Redirect && location is not null && IncidentLink().IsMatch(location))
                {
                    return null;
                }
                return response.StatusCode == HttpStatusCode.OK
                    ? new Failure("200, the form came back with errors", ErrorSummary(body))
                    : new Failure($"{(int)response.StatusCode}{(location is null ? "" : " to " + LinkKind(location))}",
                        Shorten(location ?? Text(body)));
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
            {
                return new Failure(e is TaskCanceledException ? "no answer within the client's timeout" : e.GetType().Name, Shorten(e.Message));
            }
        }

        // As IncidentTests.Form fills it: two interventions, a reason, the four required accounts, and two staff
        // (the signed-in manager, who is sent a reflection notice, and an agency worker without an account). It is
        // the post of the check page's "Record incident" (step 7), carrying every page's answers, as a browser sends it.
        private FormUrlEncodedContent Form(DateOnly day) => new(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Step"] = "7",
            ["Input.SubmissionKey"] = Guid.NewGuid().ToString(),
            ["Input.OccurredOn.Day"] = day.Day.ToString(CultureInfo.InvariantCulture),
            ["Input.OccurredOn.Month"] = day.Month.ToString(CultureInfo.InvariantCulture),
            ["Input.OccurredOn.Year"] = day.Year.ToString(CultureInfo.InvariantCulture),
            ["Input.Location"] = Location,
            ["Input.Kind"] = Kind.ToString(),
            ["Input.Interventions[0].Type"] = nameof(InterventionType.PhysicalProne),
            ["Input.Interventions[0].Start"] = "14:01",
            ["Input.Interventions[0].End"] = "14:04",
            ["Input.Interventions[0].Injuries"] = "Staff",
            ["Input.Interventions[1].Type"] = nameof(InterventionType.PhysicalSeated),
            ["Input.Interventions[1].Start"] = "14:05",
            ["Input.Interventions[1].End"] = "14:10",
            ["Input.Interventions[1].Injuries"] = "NoOne",
            ["Input.Reason"] = Reason.ToString(),
            ["Input.Antecedents"] = Antecedents,
            ["Input.DeEscalation"] = DeEscalation,
            ["Input.HowUsed"] = HowUsed,
            ["Input.Outcome"] = Outcome,
            ["Input.StaffUserIds"] = manager.UserId.ToString(),
            ["Input.OtherStaff[0].Name"] = "Jo Agency",
            ["Input.OtherStaff[0].Role"] = "Agency support worker",
        });

        public void Dispose() => http.Dispose();
    }

    // "/sign-in?ReturnUrl=..." says the cookie was refused; anything else is shown as it is.
    private static string LinkKind(string location) => location.Split('?')[0];

    [GeneratedRegex(@"^/incidents/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex IncidentLink();

    [GeneratedRegex(@"<ul class=""govuk-list govuk-error-summary__list"">(.*?)</ul>", RegexOptions.Singleline)]
    private static partial Regex ErrorList();

    [GeneratedRegex(@"<li>(.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex ErrorItem();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    /// <summary>The error summary's lines, as the user would read them.</summary>
    private static string ErrorSummary(string html) =>
        ErrorList().Match(html) is { Success: true } list
            ? string.Join(" | ", ErrorItem().Matches(list.Groups[1].Value).Select(m => Text(m.Groups[1].Value)))
            : "no error summary on the page: " + Shorten(Text(html));

    private static string Text(string html) => WebUtility.HtmlDecode(Space().Replace(Tag().Replace(html, " "), " ")).Trim();

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + " ...";

    private static async Task<long> CountIncidentsAsync(DbContextOptions<ProportionDbContext> options, CancellationToken ct)
    {
        await using var db = new ProportionDbContext(options) { Scope = UserScope.System };
        return await db.Incidents.IgnoreQueryFilters().LongCountAsync(ct);
    }

    /// <summary>
    /// manager1@bench.example, manager2@... as generate made them, as many as there are clients or fewer,
    /// each with the people of the service they are assigned to.
    /// </summary>
    private static async Task<List<Manager>> FindManagersAsync(DbContextOptions<ProportionDbContext> options, int most, CancellationToken ct)
    {
        await using var db = new ProportionDbContext(options) { Scope = UserScope.System };
        var managers = new List<Manager>();
        for (var o = 1; o <= most; o++)
        {
            var email = Generator.ManagerEmail(o);
            var user = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == email.ToUpperInvariant())
                .Select(u => new { u.Id, u.OrganisationId }).SingleOrDefaultAsync(ct);
            if (user is null)
            {
                break;
            }
            var serviceId = await db.ServiceAssignments.Where(a => a.UserId == user.Id).Select(a => a.ServiceId).FirstAsync(ct);
            var service = await db.Services.Where(x => x.Id == serviceId).Select(x => new { ServiceId = x.Id, x.Name }).SingleAsync(ct);
            var people = await db.People.Where(p => p.ServiceId == service.ServiceId)
                .OrderBy(p => p.FamilyName).ThenBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
            if (people.Count == 0)
            {
                throw new UsageException($"The service '{service.Name}' has no people; generate with --people-per-service of at least 1.");
            }
            managers.Add(new Manager(user.Id, email, user.OrganisationId, service.ServiceId, service.Name, people));
        }
        return managers.Count > 0 ? managers
            : throw new UsageException($"No user {Generator.ManagerEmail(1)}: run generate on this database first.");
    }
}
