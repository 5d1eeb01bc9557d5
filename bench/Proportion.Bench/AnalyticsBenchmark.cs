using Proportion.Core.Reporting;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Proportion.Core.Analytics;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Scoping;

namespace Proportion.Bench;

/// <summary>
/// Times what the charts and the yearly report read, at the size analytics-generate makes, each against the
/// database's own aggregation of the incidents table for the same answer, in the same rounds so both see the
/// same machine noise: one service's weekly SPC chart over three years, the national monthly counts, and
/// the yearly report's figures for one organisation. Everything runs under the system scope, on a fresh
/// context per read. The answers are compared first; the command exits 1 if they disagree.
/// </summary>
public static class AnalyticsBenchmark
{
    public const double ServiceChartAimMs = 50;
    public const double NationalAimMs = 500;
    public const double ReportAimMs = 2000;

    private const int Years = 3;

    public static async Task<int> RunAsync(AnalyticsSettings s, CancellationToken ct)
    {
        var options = DatabaseSetup.Options(s.Provider, s.Connection);
        var target = await FindTargetAsync(options, s.Organisation, ct);
        var today = UkTime.Today(TimeProvider.System);
        var from = today.AddYears(-Years);
        var postgres = s.Provider == DatabaseProvider.Postgres;
        Console.WriteLine($"Provider {s.Provider}; {target.Incidents:N0} incidents and {target.Tallies:N0} tallies in the database; {target.Services:N0} services.");
        Console.WriteLine($"Service: '{target.ServiceName}' ({target.ServiceIncidents:N0} incidents). Organisation: '{target.OrganisationName}'.");
        Console.WriteLine($"Charts from {from:yyyy-MM-dd} to {today:yyyy-MM-dd}. The direct queries bucket by "
            + (postgres ? "London time (AT TIME ZONE 'Europe/London'), as the tallies do." : "UTC (SQLite has no time zones): weeks and months may differ by the incidents of an hour or two at their edges; totals must agree."));
        Console.WriteLine();

        if (s.ShowSql)
        {
            // What EF sends for each read through the tallies, captured on one run of each.
            var capture = new SqlCapture();
            var captured = new DbContextOptionsBuilder<ProportionDbContext>(options).AddInterceptors(capture).Options;
            await ServiceChartAsync(captured, target.ServiceId, from, today, ct);
            capture.Print("one service's chart");
            await NationalAsync(captured, from, today, ct);
            capture.Print("national monthly counts");
            await ReportFiguresAsync(captured, target.OrganisationId, today, ct);
            capture.Print("the report's figures");
        }

        var same = true;
        var chart = await ServiceChartAsync(options, target.ServiceId, from, today, ct);
        var chartDirect = await ServiceChartDirectAsync(options, postgres, target.ServiceId, from, today, ct);
        same &= Compare("one service's weekly chart (incidents)", chart.Points, chartDirect.Points, exact: postgres);
        var national = await NationalAsync(options, from, today, ct);
        var nationalDirect = await NationalDirectAsync(options, postgres, from, today, ct);
        same &= Compare("national monthly counts (incidents)", national, nationalDirect, exact: postgres);
        var report = await ReportFiguresAsync(options, target.OrganisationId, today, ct);
        var reportDirect = await ReportFiguresDirectAsync(options, postgres, target.OrganisationId, today, ct);
        same &= Compare("the report's monthly incidents, two years", report.Incidents, reportDirect.Incidents, exact: postgres);
        same &= CompareTypes(report.Types, reportDirect.Types, report.Interventions);
        var reasonsSame = report.Reasons.Count == reportDirect.Reasons.Count && report.Reasons.All(r => reportDirect.Reasons.GetValueOrDefault(r.Key) == r.Value)
            && report.Reasons.Values.Sum() == report.Incidents.Sum(p => p.Value);
        Console.WriteLine($"the report's reasons: {report.Reasons.Count} reasons, {report.Reasons.Values.Sum():N0} incidents (EF) / {reportDirect.Reasons.Values.Sum():N0} (SQL)"
            + (reasonsSame ? "" : "  DIFFERENT"));
        same &= reasonsSame;
        Console.WriteLine($"Chart: {chart.Chart.Count(p => p.Causes != SpecialCause.None)} of {chart.Chart.Count} weeks marked special cause; mean {chart.Chart[^1].Mean:F1} a week.");
        if (!same)
        {
            Console.Error.WriteLine("The tallies and the direct queries disagree (above): the timings would not compare like with like.");
            return 1;
        }

        var times = new[] { new List<double>(), [], [], [], [], [] };
        Console.WriteLine();
        Console.WriteLine($"Warming up ({s.Warmup} rounds), then measuring {s.Runs} rounds ...");
        for (var round = -s.Warmup; round < s.Runs; round++)
        {
            ct.ThrowIfCancellationRequested();
            var keep = round >= 0;
            Record(keep, times[0], await TimeAsync(() => ServiceChartAsync(options, target.ServiceId, from, today, ct)));
            Record(keep, times[1], await TimeAsync(() => ServiceChartDirectAsync(options, postgres, target.ServiceId, from, today, ct)));
            Record(keep, times[2], await TimeAsync(() => NationalAsync(options, from, today, ct)));
            Record(keep, times[3], await TimeAsync(() => NationalDirectAsync(options, postgres, from, today, ct)));
            Record(keep, times[4], await TimeAsync(() => ReportPdfAsync(options, target.OrganisationId, target.OrganisationName, today, ct)));
            Record(keep, times[5], await TimeAsync(() => ReportFiguresDirectAsync(options, postgres, target.OrganisationId, today, ct)));
        }

        var stats = times.Select(Stats.Of).ToArray();
        Console.WriteLine();
        Console.WriteLine($"{s.Provider}, {target.Incidents:N0} incidents, {target.Tallies:N0} tallies, {s.Runs} runs of each after {s.Warmup} warm-up, times in ms:");
        Console.WriteLine();
        Console.WriteLine("| what | through the tallies: median | p95 | direct GROUP BY over incidents: median | p95 | ratio median | ratio p95 | aim |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        Row($"one service's SPC chart ({chart.Points.Count} weeks, {target.ServiceIncidents:N0} incidents)", stats[0], stats[1], ServiceChartAimMs);
        Row($"national monthly counts ({national.Count} months)", stats[2], stats[3], NationalAimMs);
        Row($"the yearly report PDF for one organisation, its figures worked out afresh", stats[4], stats[5], ReportAimMs);
        Console.WriteLine();
        Console.WriteLine(Verdict("service's chart", stats[0], ServiceChartAimMs, s.Provider));
        Console.WriteLine(Verdict("national monthly counts", stats[2], NationalAimMs, s.Provider));
        Console.WriteLine(Verdict("report PDF", stats[4], ReportAimMs, s.Provider));
        return 0;
    }

    private static void Row(string what, Stats tallied, Stats direct, double aim) =>
        Console.WriteLine($"| {what} | {tallied.Median:F2} | {tallied.P95:F2} | {direct.Median:F2} | {direct.P95:F2} | "
            + $"{tallied.Median / direct.Median:F3} | {tallied.P95 / direct.P95:F3} | {aim:F0} |");

    private static string Verdict(string what, Stats stats, double aim, DatabaseProvider provider) =>
        stats.P95 < aim
            ? $"Aim met for the {what}: under {aim:F0} ms at p95 on {provider}."
            : stats.Median < aim
                ? $"Aim NOT met for the {what} at p95 ({stats.P95:F0} ms, aim {aim:F0} ms) on {provider}; met at the median ({stats.Median:F0} ms)."
                : $"Aim NOT met for the {what}: median {stats.Median:F0} ms, p95 {stats.P95:F0} ms, aim {aim:F0} ms on {provider}.";

    // ------------------------------------------------------------------ one service's chart

    public sealed record ServiceChart(IReadOnlyList<SeriesPoint> Points, IReadOnlyList<ControlPoint> Chart);

    /// <summary>As a service's chart page reads it: the weekly series from the tallies, then the XmR arithmetic.</summary>
    private static async Task<ServiceChart> ServiceChartAsync(DbContextOptions<ProportionDbContext> options, Guid serviceId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var db = new ProportionDbContext(options) { Scope = UserScope.System };
        var points = await new RestrictionSeries(db).ReadAsync(new ChartSubject(ChartSubjectKind.Service, serviceId), Measure.Incidents, ChartPeriod.Week, from, to, ct);
        return new ServiceChart(points, ProcessControl.Chart([.. points.Select(p => p.Value)]));
    }

    /// <summary>The same weeks counted by the database from the incidents themselves, zero-filled and charted the same way.</summary>
    private static async Task<ServiceChart> ServiceChartDirectAsync(DbContextOptions<ProportionDbContext> options, bool postgres, Guid serviceId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var week = postgres
            ? """CAST(date_trunc('week', "OccurredAt" AT TIME ZONE 'Europe/London') AS date)"""
            : """date("OccurredAt", 'weekday 0', '-6 days')""";
        var starts = Periods.Between(from, to, ChartPeriod.Week);
        var points = await BucketsAsync(options, week, "ServiceId", serviceId, starts, ChartPeriod.Week, to, ct);
        return new ServiceChart(points, ProcessControl.Chart([.. points.Select(p => p.Value)]));
    }

    // ------------------------------------------------------------------ the national monthly counts

    /// <summary>
    /// Every incident in the country by month, from the services' monthly tallies, summed by the database as
    /// <see cref="RestrictionSeries"/> sums an organisation's (it has no national subject, so the bench writes the query).
    /// </summary>
    private static async Task<IReadOnlyList<SeriesPoint>> NationalAsync(DbContextOptions<ProportionDbContext> options, DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var db = new ProportionDbContext(options) { Scope = UserScope.System };
        var starts = Periods.Between(from, to, ChartPeriod.Month);
        var first = starts[0];
        var sums = await db.ServiceTallies
            .Where(t => t.Period == ChartPeriod.Month && t.Starts >= first && t.Starts <= to)
            .GroupBy(t => t.Starts)
            .Select(g => new { g.Key, Sum = g.Sum(t => t.Incidents) })
            .ToDictionaryAsync(g => g.Key, g => (double)g.Sum, ct);
        return [.. starts.Select(s => new SeriesPoint(s, sums.GetValueOrDefault(s)))];
    }

    private static async Task<IReadOnlyList<SeriesPoint>> NationalDirectAsync(DbContextOptions<ProportionDbContext> options, bool postgres, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var starts = Periods.Between(from, to, ChartPeriod.Month);
        return await BucketsAsync(options, Month(postgres), null, null, starts, ChartPeriod.Month, to, ct);
    }

    private static string Month(bool postgres) => postgres
        ? """CAST(date_trunc('month', "OccurredAt" AT TIME ZONE 'Europe/London') AS date)"""
        : """date("OccurredAt", 'start of month')""";

    // ------------------------------------------------------------------ the yearly report PDF

    /// <summary>
    /// The yearly report PDF for one organisation's last whole financial year, the worst case: its figures
    /// worked out afresh by the app's own <see cref="ReportFigureQueries"/> (as saving a draft does), frozen
    /// into a version as publishing does, and printed by the app's own <c>YearlyReportPdf</c>. A published
    /// report's PDF skips the first step: it prints the figures frozen when the board signed it off.
    /// </summary>
    private static async Task<byte[]> ReportPdfAsync(DbContextOptions<ProportionDbContext> options, Guid organisationId, string organisationName,
        DateOnly today, CancellationToken ct)
    {
        await using var db = new ProportionDbContext(options) { Scope = UserScope.System };
        var year = ReportingYear.LastEnded(today);
        var figures = await new ReportFigureQueries(db, new RestrictionSeries(db)).ReadAsync(organisationId, year, DateTime.UtcNow, ct);
        var version = new YearlyReportVersion
        {
            Number = 1, Status = YearlyReportStatus.Published, FiguresJson = figures.ToJson(),
            TrainingStrategy = "Every member of staff who may restrain is trained by a certified provider.",
            WhyUsed = "To prevent serious harm.", ReductionStrategies = "Positive behaviour support plans.",
            SignedForBoardBy = "Chair of the board", SignedForBoardRole = "Chair", BoardMeetingOn = today, PublishedAt = DateTime.UtcNow,
        };
        var pdf = Proportion.Web.Pages.Reports.YearlyReportPdf.Build(new PublishedReport(organisationName, year, version, []), today);
        return pdf.Length > 0 ? pdf : throw new InvalidOperationException("The report PDF was empty.");
    }

    // ------------------------------------------------------------------ the yearly report (what the PDF's figures read, as queries the direct side mirrors)

    public sealed record ReportFigures(IReadOnlyList<SeriesPoint> Incidents, IReadOnlyList<SeriesPoint> Interventions, Dictionary<int, long> Types, Dictionary<int, long> Reasons);

    /// <summary>
    /// TODO(report PDF): a stand-in for the yearly report PDF until its builder is on main. It reads what the
    /// report's figures need for one organisation, the last two financial years (1 April to 31 March, the year
    /// before being the comparison): monthly incidents and interventions from the tallies through
    /// <see cref="RestrictionSeries"/>, the XmR chart of the interventions, and each type of intervention with
    /// how often it was used, grouped by the database over the incidents and their interventions; the two years'
    /// totals with the people restrained, summed from the monthly tallies in one grouped query; and each reason
    /// with its deaths and serious injuries, grouped over the incidents. The same queries, in the same shape, as
    /// the report's figures query being written alongside (ReportFigureQueries on the report branch).
    /// </summary>
    private static async Task<ReportFigures> ReportFiguresAsync(DbContextOptions<ProportionDbContext> options, Guid organisationId, DateOnly today, CancellationToken ct)
    {
        var (first, last, fromUtc, toUtc) = ReportYears(today);
        await using var db = new ProportionDbContext(options) { Scope = UserScope.System };
        var series = new RestrictionSeries(db);
        var subject = new ChartSubject(ChartSubjectKind.Organisation, organisationId);
        var incidents = await series.ReadAsync(subject, Measure.Incidents, ChartPeriod.Month, first, last, ct);
        var interventions = await series.ReadAsync(subject, Measure.Interventions, ChartPeriod.Month, first, last, ct);
        _ = ProcessControl.Chart([.. interventions.Select(p => p.Value)]);
        var types = await db.Incidents
            .Where(i => i.OrganisationId == organisationId && i.OccurredAt >= fromUtc && i.OccurredAt < toUtc)
            .SelectMany(i => i.Interventions)
            .GroupBy(v => v.Type)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => (int)g.Key, g => (long)g.Count, ct);
        var split = new DateOnly(last.Year - 1, 4, 1);
        var years = await db.RestraintTallies
            .Where(t => t.OrganisationId == organisationId && t.Period == ChartPeriod.Month && t.Starts >= first && t.Starts <= last)
            .GroupBy(t => t.Starts >= split)
            .Select(g => new
            {
                ThisYear = g.Key,
                Incidents = g.Sum(t => t.Incidents),
                Interventions = g.Sum(t => t.Interventions),
                People = g.Select(t => t.PersonId).Distinct().Count(),
                Prone = g.Sum(t => t.Prone),
                Rapid = g.Sum(t => t.RapidTranquillisation),
                Seclusion = g.Sum(t => t.Seclusion),
                Injury = g.Sum(t => t.WithInjury),
            })
            .ToListAsync(ct);
        var splitUtc = UkTime.ToUtc(split, TimeOnly.MinValue)!.Value;
        var reasons = await db.Incidents
            .Where(i => i.OrganisationId == organisationId && i.OccurredAt >= fromUtc && i.OccurredAt < toUtc)
            .GroupBy(i => new { ThisYear = i.OccurredAt >= splitUtc, i.Reason })
            .Select(g => new
            {
                g.Key.ThisYear,
                g.Key.Reason,
                Count = g.Count(),
                Deaths = g.Sum(i => i.Died == true ? 1 : 0),
                Serious = g.Sum(i => i.SeriousInjury == true ? 1 : 0),
            })
            .ToListAsync(ct);
        if (years.Sum(y => y.Incidents) != incidents.Sum(p => p.Value))
        {
            throw new InvalidOperationException("The report's yearly totals do not add up to its months.");
        }
        return new ReportFigures(incidents, interventions, types,
            reasons.GroupBy(r => (int)r.Reason).ToDictionary(g => g.Key, g => (long)g.Sum(r => r.Count)));
    }

    private static async Task<ReportFigures> ReportFiguresDirectAsync(DbContextOptions<ProportionDbContext> options, bool postgres, Guid organisationId, DateOnly today, CancellationToken ct)
    {
        var (first, last, fromUtc, toUtc) = ReportYears(today);
        var starts = Periods.Between(first, last, ChartPeriod.Month);
        var incidents = await BucketsAsync(options, Month(postgres), "OrganisationId", organisationId, starts, ChartPeriod.Month, last, ct);
        await using var db = new ProportionDbContext(options) { Scope = UserScope.System };
        // The month expression is one of two constants above; the values go in as parameters.
        var monthly = $"""
            SELECT {Month(postgres).Replace("\"OccurredAt\"", "i.\"OccurredAt\"")} AS "Starts", COUNT(*) AS "Value"
            FROM "IncidentInterventions" AS v JOIN "Incidents" AS i ON i."Id" = v."IncidentId"
            WHERE i."OrganisationId" = {"{0}"} AND i."OccurredAt" >= {"{1}"} AND i."OccurredAt" < {"{2}"}
            GROUP BY 1
            """;
        var months = (await db.Database.SqlQueryRaw<Bucket>(monthly, organisationId, fromUtc, toUtc).ToListAsync(ct))
            .GroupBy(b => b.Starts < first ? first : b.Starts).ToDictionary(g => g.Key, g => (double)g.Sum(b => b.Value));
        var interventions = starts.Select(s => new SeriesPoint(s, months.GetValueOrDefault(s))).ToList();
        _ = ProcessControl.Chart([.. interventions.Select(p => p.Value)]);
        var types = await db.Database.SqlQueryRaw<KeyCount>("""
            SELECT v."Type" AS "Key", COUNT(*) AS "Value"
            FROM "IncidentInterventions" AS v JOIN "Incidents" AS i ON i."Id" = v."IncidentId"
            WHERE i."OrganisationId" = {0} AND i."OccurredAt" >= {1} AND i."OccurredAt" < {2}
            GROUP BY v."Type"
            """, organisationId, fromUtc, toUtc).ToDictionaryAsync(k => k.Key, k => k.Value, ct);
        var reasons = await db.Database.SqlQueryRaw<KeyCount>("""
            SELECT "Reason" AS "Key", COUNT(*) AS "Value" FROM "Incidents"
            WHERE "OrganisationId" = {0} AND "OccurredAt" >= {1} AND "OccurredAt" < {2}
            GROUP BY "Reason"
            """, organisationId, fromUtc, toUtc).ToDictionaryAsync(k => k.Key, k => k.Value, ct);
        return new ReportFigures(incidents, interventions, types, reasons);
    }

    /// <summary>The last financial year that has ended and the one before it: their first and last days, and the UTC instants between.</summary>
    private static (DateOnly First, DateOnly Last, DateTime FromUtc, DateTime ToUtc) ReportYears(DateOnly today)
    {
        var startsIn = today.Month >= 4 ? today.Year - 1 : today.Year - 2;
        var first = new DateOnly(startsIn - 1, 4, 1);
        var last = new DateOnly(startsIn + 1, 3, 31);
        return (first, last, UkTime.ToUtc(first, TimeOnly.MinValue)!.Value, UkTime.EndOfDay(last));
    }

    // ------------------------------------------------------------------ shared

    public sealed class Bucket
    {
        public DateOnly Starts { get; set; }
        public long Value { get; set; }
    }

    public sealed class KeyCount
    {
        public int Key { get; set; }
        public long Value { get; set; }
    }

    /// <summary>
    /// Incidents counted by the database per period (<paramref name="bucket"/>, an SQL expression of "OccurredAt"),
    /// over the periods' whole days in England, zero-filled; only those whose <paramref name="column"/> is
    /// <paramref name="id"/> when one is given.
    /// </summary>
    private static async Task<IReadOnlyList<SeriesPoint>> BucketsAsync(DbContextOptions<ProportionDbContext> options, string bucket, string? column, Guid? id,
        IReadOnlyList<DateOnly> starts, ChartPeriod period, DateOnly to, CancellationToken ct)
    {
        var fromUtc = UkTime.ToUtc(starts[0], TimeOnly.MinValue)!.Value;
        var last = Periods.EndOf(starts[^1], period);
        var toUtc = UkTime.EndOfDay(last < to ? last : to);
        await using var db = new ProportionDbContext(options) { Scope = UserScope.System };
        var sql = $"""
            SELECT {bucket} AS "Starts", COUNT(*) AS "Value" FROM "Incidents"
            WHERE "OccurredAt" >= {"{0}"} AND "OccurredAt" < {"{1}"}{(column is null ? "" : $" AND \"{column}\" = {{2}}")}
            GROUP BY 1
            """;
        object[] parameters = id is { } value ? [fromUtc, toUtc, value] : [fromUtc, toUtc];
        var counts = await db.Database.SqlQueryRaw<Bucket>(sql, parameters).ToListAsync(ct);
        // Bucketed in UTC (SQLite), the first minutes of the first period in England can fall in the period before.
        var byStart = counts.GroupBy(b => b.Starts < starts[0] ? starts[0] : b.Starts).ToDictionary(g => g.Key, g => (double)g.Sum(b => b.Value));
        return [.. starts.Select(s => new SeriesPoint(s, byStart.GetValueOrDefault(s)))];
    }

    /// <summary>Totals must agree; with <paramref name="exact"/> (both bucketed in London time) every period must.</summary>
    private static bool Compare(string what, IReadOnlyList<SeriesPoint> tallied, IReadOnlyList<SeriesPoint> direct, bool exact)
    {
        var a = tallied.Sum(p => p.Value);
        var b = direct.Sum(p => p.Value);
        var differ = tallied.Zip(direct, (x, y) => x.Starts != y.Starts || x.Value != y.Value).Count(d => d);
        var ok = a == b && tallied.Count == direct.Count && (!exact || differ == 0);
        Console.WriteLine($"{what}: {tallied.Count} periods, total {a:N0} from the tallies / {b:N0} counted directly; "
            + $"{differ} periods differ{(exact ? "" : " (bucketed in UTC)")}{(ok ? "" : "  DIFFERENT")}");
        return ok;
    }

    private static bool CompareTypes(Dictionary<int, long> tallied, Dictionary<int, long> direct, IReadOnlyList<SeriesPoint> interventions)
    {
        var same = tallied.Count == direct.Count && tallied.All(t => direct.GetValueOrDefault(t.Key) == t.Value);
        var total = interventions.Sum(p => p.Value);
        var ok = same && tallied.Values.Sum() == total;
        Console.WriteLine($"the report's interventions by type: {tallied.Count} types, {tallied.Values.Sum():N0} interventions (EF) / {direct.Values.Sum():N0} (SQL) / {total:N0} in the monthly tallies"
            + (ok ? "" : "  DIFFERENT"));
        return ok;
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

    private sealed class SqlCapture : DbCommandInterceptor
    {
        private readonly List<string> _sql = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            _sql.Add(command.CommandText);
            return ValueTask.FromResult(result);
        }

        public void Print(string what)
        {
            Console.WriteLine($"SQL for {what} ({_sql.Count} statements):");
            foreach (var sql in _sql)
            {
                Console.WriteLine(sql);
                Console.WriteLine();
            }
            _sql.Clear();
        }
    }

    private sealed record Target(Guid OrganisationId, string OrganisationName, Guid ServiceId, string ServiceName,
        int Services, int ServiceIncidents, int Incidents, int Tallies);

    private static async Task<Target> FindTargetAsync(DbContextOptions<ProportionDbContext> options, int organisation, CancellationToken ct)
    {
        await using var db = new ProportionDbContext(options) { Scope = UserScope.System };
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        var managerEmail = Generator.ManagerEmail(organisation).ToUpperInvariant();
        var manager = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == managerEmail, ct)
            ?? throw new UsageException($"No user {Generator.ManagerEmail(organisation)}: run generate and analytics-generate on this database first.");
        var serviceId = await db.ServiceAssignments.Where(a => a.UserId == manager.Id).Select(a => a.ServiceId).FirstAsync(ct);
        var serviceName = await db.Services.Where(x => x.Id == serviceId).Select(x => x.Name).SingleAsync(ct);
        var organisationName = await db.Organisations.Where(o => o.Id == manager.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        return new Target(manager.OrganisationId, organisationName, serviceId, serviceName,
            await db.Services.CountAsync(ct),
            await db.Incidents.CountAsync(i => i.ServiceId == serviceId, ct),
            await db.Incidents.CountAsync(ct),
            await db.RestraintTallies.CountAsync(ct));
    }
}
