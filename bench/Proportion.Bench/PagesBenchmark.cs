using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Scoping;

namespace Proportion.Bench;

/// <summary>
/// Times two pages of the real app, served by its own process over loopback HTTP, against the same
/// queries run here with a plain DbContext under the same user's scope. Page requests and direct
/// queries are interleaved round by round, so both see the same machine noise.
/// </summary>
public static class PagesBenchmark
{
    public const double GoalP95Ms = 50;

    private sealed record Row(Guid PracticeId, Guid PersonId, string PersonName, PracticeCategory Category, string Description,
        PracticeKind Kind, PracticeStatus Status, DateOnly StartDate, DateOnly? ReviewDate);

    public static async Task<int> RunAsync(PagesSettings s, CancellationToken ct)
    {
        var options = DatabaseSetup.Options(s.Provider, s.Connection);
        var target = await FindTargetAsync(options, s.Organisation, ct);
        Console.WriteLine($"Provider {s.Provider}; {target.Practices:N0} practices, {target.People:N0} people in the database.");
        Console.WriteLine($"Signed-in user {target.Email} (service manager of '{target.ServiceName}').");
        Console.WriteLine($"Person register: {target.PersonPractices} practices; service open list: {target.OpenInService} rows.");

        var webDll = Path.GetFullPath(s.WebDll ?? WebApp.DefaultWebDll());
        if (!File.Exists(webDll))
        {
            Console.Error.WriteLine($"{webDll} not found: build it first (dotnet build -c Release src/Proportion.Web).");
            return 1;
        }
        await using var web = await WebApp.StartAsync(webDll, s.Provider, s.Connection, ct);

        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true };
        using var http = new HttpClient(handler) { BaseAddress = web.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        await WebApp.SignInAsync(http, target.Email, ct);

        var registerUrl = $"/people/{target.PersonId}/practices";
        var listUrl = $"/services/{target.ServiceId}/practices";

        UserScope scope;
        await using (var db = new ProportionDbContext(options) { Scope = UserScope.System })
        {
            scope = await new UserScopeFactory(db, TimeProvider.System).BuildAsync(target.UserId, ct);
        }

        // Sanity: the page shows what the direct query returns, so both sides do the same work.
        var registerHtml = await WebApp.GetOkAsync(http, registerUrl, ct);
        var listHtml = await WebApp.GetOkAsync(http, listUrl, ct);
        if (!WebUtility.HtmlDecode(registerHtml).Contains(target.PersonFamilyName, StringComparison.Ordinal)
            || !listHtml.Contains($"{target.InPlaceInService} in place", StringComparison.Ordinal))
        {
            var saved = Path.Combine(Path.GetTempPath(), "proportion-bench-pages.html");
            await File.WriteAllTextAsync(saved, registerHtml + "\n<!-- ===== -->\n" + listHtml, ct);
            Console.Error.WriteLine($"The pages did not show the expected person or row count; is the scope right? Both pages saved to {saved}.");
            return 1;
        }
        Console.WriteLine($"Page sizes: register {registerHtml.Length / 1024.0:F0} KiB, open list {listHtml.Length / 1024.0:F0} KiB.");

        var pageRegister = new List<double>();
        var pageList = new List<double>();
        var pageTasks = new List<double>();
        var pageHome = new List<double>();
        double cpuTasks = 0, cpuHome = 0;
        var directRegister = new List<double>();
        var directList = new List<double>();
        var directScope = new List<double>();
        var directAudit = new List<double>();
        double cpuRegister = 0, cpuList = 0;
        var person = new Person { Id = target.PersonId, OrganisationId = target.OrganisationId, GivenName = "", FamilyName = "" };

        Console.WriteLine($"Warming up ({s.Warmup} rounds), then measuring {s.Requests} rounds ...");
        for (var round = -s.Warmup; round < s.Requests; round++)
        {
            ct.ThrowIfCancellationRequested();
            var keep = round >= 0;
            var cpu = web.CpuMs();
            Record(keep, pageRegister, await TimeAsync(() => WebApp.GetOkAsync(http, registerUrl, ct)));
            cpuRegister += keep ? web.CpuMs() - cpu : 0;
            Record(keep, directRegister, await TimeAsync(() => RegisterQueryAsync(options, scope, target.PersonId, ct)));
            cpu = web.CpuMs();
            Record(keep, pageList, await TimeAsync(() => WebApp.GetOkAsync(http, listUrl, ct)));
            cpuList += keep ? web.CpuMs() - cpu : 0;
            Record(keep, directList, await TimeAsync(() => OpenListQueryAsync(options, scope, target.ServiceId, ct)));
            cpu = web.CpuMs();
            Record(keep, pageTasks, await TimeAsync(() => WebApp.GetOkAsync(http, "/tasks", ct)));
            cpuTasks += keep ? web.CpuMs() - cpu : 0;
            cpu = web.CpuMs();
            Record(keep, pageHome, await TimeAsync(() => WebApp.GetOkAsync(http, "/", ct)));
            cpuHome += keep ? web.CpuMs() - cpu : 0;
            Record(keep, directScope, await TimeAsync(() => ScopeAsync(options, target.UserId, ct)));
            Record(keep, directAudit, await TimeAsync(() => AuditViewAsync(options, scope, person, ct)));
        }

        var register = Stats.Of(pageRegister);
        var list = Stats.Of(pageList);
        var dRegister = Stats.Of(directRegister);
        var dList = Stats.Of(directList);
        Console.WriteLine();
        Console.WriteLine($"{s.Provider}, {target.Practices:N0} practices, {s.Requests} requests per page after {s.Warmup} warm-up, times in ms:");
        Console.WriteLine();
        Console.WriteLine("| page | median | p95 | direct query median | direct p95 | ratio median | ratio p95 |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine($"| person register `/people/{{id}}/practices` | {register.Median:F2} | {register.P95:F2} | {dRegister.Median:F2} | {dRegister.P95:F2} | {register.Median / dRegister.Median:F1} | {register.P95 / dRegister.P95:F1} |");
        Console.WriteLine($"| service open list `/services/{{id}}/practices` | {list.Median:F2} | {list.P95:F2} | {dList.Median:F2} | {dList.P95:F2} | {list.Median / dList.Median:F1} | {list.P95 / dList.P95:F1} |");
        var tasks = Stats.Of(pageTasks);
        var home = Stats.Of(pageHome);
        // My tasks and the home page gather every due item of the user's services (DueWork); the due step
        // times that against its direct query, so here they are timed as pages only.
        Console.WriteLine($"| my tasks `/tasks` | {tasks.Median:F2} | {tasks.P95:F2} | | | | |");
        Console.WriteLine($"| home page `/` | {home.Median:F2} | {home.P95:F2} | | | | |");
        Console.WriteLine();
        var scopeStats = Stats.Of(directScope);
        var auditStats = Stats.Of(directAudit);
        if (web.CpuMs() > 0)
        {
            // Linux accounts CPU time in clock ticks, so this is a mean over all requests, not a percentile;
            // it is far steadier than wall time on a shared machine, so it is the figure to compare builds by.
            Console.WriteLine("Web process CPU per request (mean, ms; excludes the database server's CPU):");
            Console.WriteLine($"  person register {cpuRegister / s.Requests,6:F2}    service open list {cpuList / s.Requests,6:F2}"
                + $"    my tasks {cpuTasks / s.Requests,6:F2}    home page {cpuHome / s.Requests,6:F2}");
            Console.WriteLine();
        }
        Console.WriteLine("Parts of a page's cost, run directly (median / p95 ms):");
        Console.WriteLine($"  user scope, built on every request (3 queries)   {scopeStats.Median,7:F2} / {scopeStats.P95:F2}");
        Console.WriteLine($"  logged view, one audit row per register view     {auditStats.Median,7:F2} / {auditStats.P95:F2}");
        Console.WriteLine();
        await PrintWeightsAsync(web, http, target, ct);
        var met = register.P95 < GoalP95Ms && list.P95 < GoalP95Ms;
        Console.WriteLine(met
            ? $"Goal met: both pages under {GoalP95Ms} ms at p95 on {s.Provider}."
            : $"Goal NOT met: a page is over {GoalP95Ms} ms at p95 on {s.Provider}.");
        return 0;
    }

    private static async Task PrintWeightsAsync(WebApp web, HttpClient signedIn, Target target, CancellationToken ct)
    {
        using var signedOut = new HttpClient { BaseAddress = web.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        PageWeight.Print(
        [
            await PageWeight.MeasureAsync(signedOut, "sign-in page `/sign-in`", "/sign-in", ct),
            await PageWeight.MeasureAsync(signedIn, "home page `/`", "/", ct),
            await PageWeight.MeasureAsync(signedIn, "my tasks `/tasks`", "/tasks", ct),
            await PageWeight.MeasureAsync(signedIn, "person register `/people/{id}/practices`", $"/people/{target.PersonId}/practices", ct),
            await PageWeight.MeasureAsync(signedIn, "service open list `/services/{id}/practices`", $"/services/{target.ServiceId}/practices", ct),
            await PageWeight.MeasureAsync(signedIn, "incident, first page `/people/{id}/incidents/new`", $"/people/{target.PersonId}/incidents/new", ct),
        ]);
    }

    private static void Record(bool keep, List<double> into, double ms)
    {
        if (keep)
        {
            into.Add(ms);
        }
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var start = Stopwatch.GetTimestamp();
        await action();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    // The page models' queries, as they are written in Pages/Practices/Register.cshtml.cs and
    // Pages/Services/Practices.cshtml.cs, each on a fresh context as a request would have.
    private static async Task RegisterQueryAsync(DbContextOptions<ProportionDbContext> options, UserScope scope, Guid personId, CancellationToken ct)
    {
        await using var db = new ProportionDbContext(options) { Scope = scope };
        var person = await db.People.Include(p => p.Service).AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, ct)
            ?? throw new InvalidOperationException("The person is not visible in the manager's scope.");
        var practices = await db.Practices.AsNoTracking().Where(p => p.PersonId == person.Id)
            .OrderBy(p => p.Status).ThenBy(p => p.StartDate).ToListAsync(ct);
        if (practices.Count == 0)
        {
            throw new InvalidOperationException("No practices found for the person.");
        }
    }

    private static async Task OpenListQueryAsync(DbContextOptions<ProportionDbContext> options, UserScope scope, Guid serviceId, CancellationToken ct)
    {
        await using var db = new ProportionDbContext(options) { Scope = scope };
        _ = await db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Id == serviceId, ct)
            ?? throw new InvalidOperationException("The service is not visible in the manager's scope.");
        var rows = await db.Practices.AsNoTracking()
            .Where(p => p.ServiceId == serviceId && p.Status != PracticeStatus.Ended)
            .OrderBy(p => p.Person!.FamilyName).ThenBy(p => p.Person!.GivenName).ThenBy(p => p.StartDate)
            .Select(p => new Row(p.Id, p.PersonId, p.Person!.GivenName + " " + p.Person.FamilyName, p.Category, p.Description,
                p.Kind, p.Status, p.StartDate, p.ReviewDate))
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            throw new InvalidOperationException("No open practices found for the service.");
        }
    }

    private static async Task ScopeAsync(DbContextOptions<ProportionDbContext> options, Guid userId, CancellationToken ct)
    {
        await using var db = new ProportionDbContext(options) { Scope = UserScope.System };
        _ = await new UserScopeFactory(db, TimeProvider.System).BuildAsync(userId, ct);
    }

    private static async Task AuditViewAsync(DbContextOptions<ProportionDbContext> options, UserScope scope, Person person, CancellationToken ct)
    {
        await using var db = new ProportionDbContext(options) { Scope = scope };
        // What the route subjects write for a view: one entry, saved on its own.
        new AuditTrail(db, TimeProvider.System).Record(person.OrganisationId, AuditAction.Viewed, nameof(Person), person.Id,
            "Viewed register of restrictive practices (benchmark, direct)", person.Id);
        await db.SaveChangesAsync(ct);
    }

    private sealed record Target(
        Guid UserId, string Email, Guid OrganisationId, Guid ServiceId, string ServiceName, Guid PersonId, string PersonFamilyName,
        int PersonPractices, int OpenInService, int InPlaceInService, int Practices, int People);

    private static async Task<Target> FindTargetAsync(DbContextOptions<ProportionDbContext> options, int organisation, CancellationToken ct)
    {
        await using var db = new ProportionDbContext(options) { Scope = UserScope.System };
        var email = Generator.ManagerEmail(organisation);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == email.ToUpperInvariant(), ct)
            ?? throw new UsageException($"No user {email}: run generate on this database first.");
        var serviceId = await db.ServiceAssignments.Where(a => a.UserId == user.Id).Select(a => a.ServiceId).FirstAsync(ct);
        var serviceName = await db.Services.Where(x => x.Id == serviceId).Select(x => x.Name).SingleAsync(ct);
        // A person from the middle of the service's list by name, with a typical register.
        var people = await db.People.Where(p => p.ServiceId == serviceId)
            .OrderBy(p => p.FamilyName).ThenBy(p => p.Id).Select(p => new { p.Id, p.FamilyName }).ToListAsync(ct);
        if (people.Count == 0)
        {
            throw new UsageException($"The service '{serviceName}' has no people; generate with --people-per-service of at least 1.");
        }
        var person = people[people.Count / 2];
        return new Target(
            user.Id, email, user.OrganisationId, serviceId, serviceName, person.Id, person.FamilyName,
            await db.Practices.CountAsync(p => p.PersonId == person.Id, ct),
            await db.Practices.CountAsync(p => p.ServiceId == serviceId && p.Status != PracticeStatus.Ended, ct),
            // The list's sentence counts what is in place; proposed practices are listed but named apart.
            await db.Practices.CountAsync(p => p.ServiceId == serviceId && (p.Status == PracticeStatus.Agreed || p.Status == PracticeStatus.UnderReview), ct),
            await db.Practices.CountAsync(ct),
            await db.People.CountAsync(ct));
    }
}

/// <summary>Median, and the 95th and 99th percentiles by nearest rank, of a set of timings.</summary>
public readonly record struct Stats(double Median, double P95, double P99, int Count)
{
    public static Stats Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return new Stats(double.NaN, double.NaN, double.NaN, 0);
        }
        var sorted = values.Order().ToArray();
        var n = sorted.Length;
        var median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Stats(median, NearestRank(sorted, 0.95), NearestRank(sorted, 0.99), n);
    }

    private static double NearestRank(double[] sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
}
