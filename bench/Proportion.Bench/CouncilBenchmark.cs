using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Commissioning;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Scoping;

namespace Proportion.Bench;

/// <summary>
/// Times the council-wide picture (R27) for one council funding the same number of people at every generated
/// provider (2,000 across 200 at the aim's size): the page served by the real app over loopback HTTP, signed in
/// as the council's commissioner, and <see cref="CouncilPicture"/>'s queries run here under the same scope, each
/// beside one hand-written SQL statement of grouped counts for the register and incident figures, in the same
/// rounds so all three see the same machine noise. The direct statement's answer is compared with the picture's
/// first: the run stops if they differ.
/// </summary>
public static class CouncilBenchmark
{
    public const double AimP95Ms = 200;
    public const string CommissionerEmail = $"commissioner@{Generator.EmailDomain}";

    public static async Task<int> RunAsync(CouncilSettings s, CancellationToken ct)
    {
        var options = DatabaseSetup.Options(s.Provider, s.Connection);
        var (councilId, commissionerId, providers, funded) = await FundAsync(options, s.FundedPerProvider, ct);
        Console.WriteLine($"Provider {s.Provider}; Bench Council 001 funds {funded:N0} people across {providers:N0} providers; signed in as {CommissionerEmail}.");

        UserScope scope;
        await using (var db = new ProportionDbContext(options) { Scope = UserScope.System })
        {
            scope = await new UserScopeFactory(db, TimeProvider.System).BuildAsync(commissionerId, ct);
        }
        var clock = TimeProvider.System;
        var picture = await PictureAsync(options, scope, clock, councilId, ct);
        var direct = await DirectAsync(options, clock, councilId, ct);
        if (!Same(picture, direct))
        {
            Console.Error.WriteLine("The picture and the direct query disagree: the timings would not compare like with like.");
            return 1;
        }

        var webDll = Path.GetFullPath(s.WebDll ?? WebApp.DefaultWebDll());
        if (!File.Exists(webDll))
        {
            Console.Error.WriteLine($"{webDll} not found: build it first (dotnet build -c Release src/Proportion.Web).");
            return 1;
        }
        await using var web = await WebApp.StartAsync(webDll, s.Provider, s.Connection, ct);
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true };
        using var http = new HttpClient(handler) { BaseAddress = web.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        await WebApp.SignInAsync(http, CommissionerEmail, ct);
        var html = WebUtility.HtmlDecode(await WebApp.GetOkAsync(http, "/council/picture", ct));
        if (!html.Contains($"{funded} people at {providers} providers", StringComparison.Ordinal))
        {
            var saved = Path.Combine(Path.GetTempPath(), "proportion-bench-council.html");
            await File.WriteAllTextAsync(saved, html, ct);
            Console.Error.WriteLine($"The page did not count {funded} people at {providers} providers; is the scope right? Saved to {saved}.");
            return 1;
        }
        Console.WriteLine($"Page size: {html.Length / 1024.0:F0} KiB.");

        var page = new List<double>();
        var core = new List<double>();
        var sql = new List<double>();
        double cpu = 0;
        Console.WriteLine($"Warming up ({s.Warmup} rounds), then measuring {s.Runs} rounds ...");
        for (var round = -s.Warmup; round < s.Runs; round++)
        {
            ct.ThrowIfCancellationRequested();
            var keep = round >= 0;
            var before = web.CpuMs();
            Record(keep, page, await TimeAsync(() => WebApp.GetOkAsync(http, "/council/picture", ct)));
            cpu += keep ? web.CpuMs() - before : 0;
            Record(keep, core, await TimeAsync(() => PictureAsync(options, scope, clock, councilId, ct)));
            Record(keep, sql, await TimeAsync(() => DirectAsync(options, clock, councilId, ct)));
        }

        var p = Stats.Of(page);
        var c = Stats.Of(core);
        var d = Stats.Of(sql);
        Console.WriteLine();
        Console.WriteLine($"{s.Provider}, {funded:N0} people funded across {providers:N0} providers, {s.Runs} runs of each after {s.Warmup} warm-up, times in ms:");
        Console.WriteLine();
        Console.WriteLine("| what | median | p95 | direct query median | direct p95 | ratio median | ratio p95 | aim (p95) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine($"| the page `/council/picture` | {p.Median:F2} | {p.P95:F2} | {d.Median:F2} | {d.P95:F2} | {p.Median / d.Median:F1} | {p.P95 / d.P95:F1} | {AimP95Ms:F0} |");
        Console.WriteLine($"| its queries (`CouncilPicture.ReadAsync`) | {c.Median:F2} | {c.P95:F2} | {d.Median:F2} | {d.P95:F2} | {c.Median / d.Median:F1} | {c.P95 / d.P95:F1} | |");
        Console.WriteLine();
        if (web.CpuMs() > 0)
        {
            Console.WriteLine($"Web process CPU per page (mean, ms; excludes the database server's): {cpu / s.Runs:F2}");
            Console.WriteLine();
        }
        await BreakdownAsync(options, scope, clock, councilId, ct);
        Console.WriteLine(p.P95 < AimP95Ms
            ? $"Aim met: the council picture under {AimP95Ms} ms at p95 on {s.Provider}."
            : $"Aim NOT met: the council picture is over {AimP95Ms} ms at p95 on {s.Provider}.");
        return 0;
    }

    // The order CouncilPicture.ReadAsync runs its queries in.
    private static readonly string[] QueryNames = ["people", "in place", "reviews", "incidents", "renewals", "ended", "sign-offs", "names", "training"];

    /// <summary>Where the picture's time goes: each query until its rows are read, and the rest (a few runs after the timed ones).</summary>
    private static async Task BreakdownAsync(DbContextOptions<ProportionDbContext> options, UserScope scope, TimeProvider clock, Guid councilId, CancellationToken ct)
    {
        const int runs = 5;
        var timer = new DueBenchmark.QueryTimer();
        var timed = new DbContextOptionsBuilder<ProportionDbContext>(options).AddInterceptors(timer).Options;
        var perQuery = QueryNames.Select(_ => new List<double>()).ToArray();
        var rest = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            timer.Ms.Clear();
            var total = await TimeAsync(() => PictureAsync(timed, scope, clock, councilId, ct));
            if (timer.Ms.Count != QueryNames.Length)
            {
                Console.WriteLine($"(No breakdown: the picture ran {timer.Ms.Count} queries, not {QueryNames.Length}.)");
                return;
            }
            for (var q = 0; q < QueryNames.Length; q++)
            {
                perQuery[q].Add(timer.Ms[q]);
            }
            rest.Add(total - timer.Ms.Sum());
        }
        Console.WriteLine($"Where the picture's queries spend their time (median of {runs} runs, ms; each query until its rows are read):");
        Console.WriteLine("  " + string.Join("  ", QueryNames.Select((name, q) => $"{name} {Stats.Of(perQuery[q]).Median:F1}")) + $"  rest {Stats.Of(rest).Median:F1}");
        Console.WriteLine();
    }

    /// <summary>
    /// Makes Bench Council 001 fund exactly <paramref name="perProvider"/> people at each provider (the first by id;
    /// anyone else it funded moves to the next council), and gives it a commissioner. Safe to run again.
    /// </summary>
    private static async Task<(Guid Council, Guid Commissioner, int Providers, int Funded)> FundAsync(DbContextOptions<ProportionDbContext> options,
        int perProvider, CancellationToken ct)
    {
        await using var db = new ProportionDbContext(options) { Scope = UserScope.System };
        var councils = await db.Organisations.Where(o => o.Kind == OrganisationKind.Council && o.Name.StartsWith("Bench Council"))
            .OrderBy(o => o.Name).Select(o => o.Id).ToListAsync(ct);
        if (councils.Count == 0)
        {
            throw new UsageException("No bench councils: run generate on this database first.");
        }
        var council = councils[0];
        Guid? other = councils.Count > 1 ? councils[1] : null;
        var people = await db.People.Select(p => new { p.Id, p.OrganisationId }).ToListAsync(ct);
        var chosen = people.GroupBy(p => p.OrganisationId).SelectMany(g => g.OrderBy(p => p.Id).Take(perProvider)).Select(p => p.Id).ToList();
        await db.People.Where(p => p.FundingCouncilId == council).ExecuteUpdateAsync(u => u.SetProperty(p => p.FundingCouncilId, other), ct);
        foreach (var batch in chosen.Chunk(500))
        {
            await db.People.Where(p => batch.Contains(p.Id)).ExecuteUpdateAsync(u => u.SetProperty(p => p.FundingCouncilId, council), ct);
        }

        var commissioner = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == CommissionerEmail.ToUpperInvariant(), ct);
        if (commissioner is null)
        {
            commissioner = new AppUser
            {
                DisplayName = "Bench Commissioner", UserName = CommissionerEmail, NormalizedUserName = CommissionerEmail.ToUpperInvariant(),
                Email = CommissionerEmail, NormalizedEmail = CommissionerEmail.ToUpperInvariant(), EmailConfirmed = true,
                SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true, OrganisationId = council,
            };
            commissioner.PasswordHash = new PasswordHasher<AppUser>().HashPassword(commissioner, Generator.Password);
            db.Users.Add(commissioner);
            var role = await db.Roles.Where(r => r.Name == Roles.Commissioner).Select(r => r.Id).SingleAsync(ct);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = commissioner.Id, RoleId = role });
            await db.SaveChangesAsync(ct);
        }
        return (council, commissioner.Id, chosen.Select(id => people.First(p => p.Id == id).OrganisationId).Distinct().Count(), chosen.Count);
    }

    /// <summary>What the page model runs, on a fresh context as a request would have.</summary>
    private static async Task<CouncilPictureView> PictureAsync(DbContextOptions<ProportionDbContext> options, UserScope scope, TimeProvider clock,
        Guid councilId, CancellationToken ct)
    {
        await using var db = new ProportionDbContext(options) { Scope = scope };
        return await new CouncilPicture(db, clock).ReadAsync(councilId, ct);
    }

    private sealed record Row(int Kind, Guid Provider, int Sub, long Count);

    private sealed record Answer(Dictionary<Guid, int> People, Dictionary<(Guid, int), int> InPlace, Dictionary<Guid, int> ReviewsOverdue,
        Dictionary<(Guid, int), int> Incidents);

    /// <summary>
    /// The register and incident figures by provider in one statement, written once for both databases:
    /// {0} the council, {1} today (reviews before it are overdue), {2} and {3} the incidents' window.
    /// </summary>
    private const string Sql = """
        SELECT 1 AS "Kind", pe."OrganisationId" AS "Provider", 0 AS "Sub", COUNT(*) AS "Count"
        FROM "People" AS pe WHERE pe."FundingCouncilId" = {0} GROUP BY pe."OrganisationId"
        UNION ALL
        SELECT 2, p."OrganisationId", p."Category", COUNT(*)
        FROM "RestrictivePractices" AS p JOIN "People" AS pe ON pe."Id" = p."PersonId"
        WHERE pe."FundingCouncilId" = {0} AND p."Status" IN (2, 3) GROUP BY p."OrganisationId", p."Category"
        UNION ALL
        SELECT 3, p."OrganisationId", 0, COUNT(*)
        FROM "RestrictivePractices" AS p JOIN "People" AS pe ON pe."Id" = p."PersonId"
        WHERE pe."FundingCouncilId" = {0} AND p."Status" IN (2, 3) AND p."ReviewDate" < {1} GROUP BY p."OrganisationId"
        UNION ALL
        SELECT 4, t."OrganisationId", t."Prone", COUNT(*)
        FROM (SELECT i."OrganisationId",
                     CASE WHEN EXISTS (SELECT 1 FROM "IncidentInterventions" AS x WHERE x."IncidentId" = i."Id" AND x."Type" = {4}) THEN 1 ELSE 0 END AS "Prone"
              FROM "Incidents" AS i JOIN "People" AS pe ON pe."Id" = i."PersonId"
              WHERE pe."FundingCouncilId" = {0} AND i."OccurredAt" >= {2} AND i."OccurredAt" < {3}) AS t
        GROUP BY t."OrganisationId", t."Prone"
        """;

    private static async Task<Answer> DirectAsync(DbContextOptions<ProportionDbContext> options, TimeProvider clock, Guid councilId, CancellationToken ct)
    {
        var today = UkTime.Today(clock);
        await using var db = new ProportionDbContext(options) { Scope = UserScope.System };
        var rows = await db.Database.SqlQueryRaw<Row>(Sql, councilId, today,
            UkTime.EndOfDay(CouncilPicture.IncidentsFrom(today).AddDays(-1)), UkTime.EndOfDay(today), (int)InterventionType.PhysicalProne).ToListAsync(ct);
        Dictionary<Guid, int> One(int kind) => rows.Where(r => r.Kind == kind).ToDictionary(r => r.Provider, r => (int)r.Count);
        Dictionary<(Guid, int), int> Two(int kind) => rows.Where(r => r.Kind == kind).ToDictionary(r => (r.Provider, r.Sub), r => (int)r.Count);
        return new Answer(One(1), Two(2), One(3), Two(4));
    }

    private static bool Same(CouncilPictureView picture, Answer direct)
    {
        var same = picture.Providers.Count == direct.People.Count;
        foreach (var provider in picture.Providers)
        {
            var id = provider.OrganisationId;
            var f = provider.Figures;
            same &= f.People == direct.People.GetValueOrDefault(id)
                && f.ReviewsOverdue == direct.ReviewsOverdue.GetValueOrDefault(id)
                && f.Prone == direct.Incidents.GetValueOrDefault((id, 1))
                && f.Incidents == direct.Incidents.GetValueOrDefault((id, 0)) + direct.Incidents.GetValueOrDefault((id, 1))
                && Enum.GetValues<PracticeCategory>().All(c => f.InPlaceOf(c) == direct.InPlace.GetValueOrDefault((id, (int)c)));
        }
        return same;
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
}
