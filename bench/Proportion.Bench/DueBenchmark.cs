using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Oversight;
using Proportion.Core.Rules;
using Proportion.Core.Scoping;

namespace Proportion.Bench;

/// <summary>
/// Times <see cref="DueWork"/>, every due and overdue item (R8, R9, R10, R11, R18), for the service
/// manager's service and for the senior manager's whole organisation, each under that user's scope,
/// against one hand-written SQL statement giving the same answer, run in the same rounds so both see the
/// same machine noise. The two answers are compared first: the run stops if they differ.
/// </summary>
public static class DueBenchmark
{
    public const double ServiceAimMs = 100;
    public const double OrganisationAimMs = 1000;

    public static async Task<int> RunAsync(DueSettings s, CancellationToken ct)
    {
        var options = DatabaseSetup.Options(s.Provider, s.Connection);
        var target = await FindTargetAsync(options, s.Organisation, ct);
        Console.WriteLine($"Provider {s.Provider}; {target.Practices:N0} practices in the database.");
        Console.WriteLine($"Service: '{target.ServiceName}' ({target.ServicePractices:N0} practices), as {Generator.ManagerEmail(s.Organisation)}.");
        Console.WriteLine($"Organisation: '{target.OrganisationName}' ({target.Services:N0} services, {target.OrganisationPractices:N0} practices), as {Generator.SeniorEmail(s.Organisation)}.");

        UserScope managerScope, seniorScope;
        await using (var db = new ProportionDbContext(options) { Scope = UserScope.System })
        {
            var factory = new UserScopeFactory(db, TimeProvider.System);
            managerScope = await factory.BuildAsync(target.ManagerId, ct);
            seniorScope = await factory.BuildAsync(target.SeniorId, ct);
        }
        if (!managerScope.PeopleServiceIds.Contains(target.ServiceId) || !seniorScope.AllPeopleInOrganisation)
        {
            Console.Error.WriteLine("The bench users' scopes are not what generate made: is this a generated database?");
            return 1;
        }

        // One instant for the whole run, so the two answers are worked out for the same moment and an
        // incident crossing its 48 hours between them cannot make them differ.
        var clock = new FixedClock(TimeProvider.System.GetUtcNow());
        // The rule settings as a deployment without a "Rules" section has them: every default.
        var rules = Microsoft.Extensions.Options.Options.Create(new RuleSettings());
        var months = rules.Value.ReductionConsideredWithinMonths;

        Console.WriteLine();
        var serviceItems = await DueWorkAsync(options, managerScope, clock, rules, target.ServiceId, ct);
        var organisationItems = await DueWorkAsync(options, seniorScope, clock, rules, null, ct);
        var same = Compare("service", serviceItems, await DirectAsync(options, clock, months, target.ServiceId, null, ct));
        same &= Compare("organisation", organisationItems, await DirectAsync(options, clock, months, null, target.OrganisationId, ct));
        if (!same)
        {
            Console.Error.WriteLine("DueWork and the direct query disagree (above): the timings would not compare like with like.");
            return 1;
        }

        var dueService = new List<double>();
        var directService = new List<double>();
        var dueOrganisation = new List<double>();
        var directOrganisation = new List<double>();
        Console.WriteLine($"Warming up ({s.Warmup} rounds), then measuring {s.Runs} rounds ...");
        for (var round = -s.Warmup; round < s.Runs; round++)
        {
            ct.ThrowIfCancellationRequested();
            var keep = round >= 0;
            Record(keep, dueService, await TimeAsync(() => DueWorkAsync(options, managerScope, clock, rules, target.ServiceId, ct)));
            Record(keep, directService, await TimeAsync(() => DirectAsync(options, clock, months, target.ServiceId, null, ct)));
            Record(keep, dueOrganisation, await TimeAsync(() => DueWorkAsync(options, seniorScope, clock, rules, null, ct)));
            Record(keep, directOrganisation, await TimeAsync(() => DirectAsync(options, clock, months, null, target.OrganisationId, ct)));
        }

        var service = Stats.Of(dueService);
        var dService = Stats.Of(directService);
        var organisation = Stats.Of(dueOrganisation);
        var dOrganisation = Stats.Of(directOrganisation);
        Console.WriteLine();
        Console.WriteLine($"{s.Provider}, {target.Practices:N0} practices, {s.Runs} runs of each after {s.Warmup} warm-up, times in ms:");
        Console.WriteLine();
        Console.WriteLine("| due work for | items | DueWork median | DueWork p95 | direct query median | direct p95 | ratio median | ratio p95 | aim |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine($"| one service ({target.ServicePractices:N0} practices) | {serviceItems.Count:N0} | {service.Median:F2} | {service.P95:F2} | {dService.Median:F2} | {dService.P95:F2} | {service.Median / dService.Median:F1} | {service.P95 / dService.P95:F1} | {ServiceAimMs:F0} |");
        Console.WriteLine($"| the organisation ({target.Services:N0} services, {target.OrganisationPractices:N0} practices) | {organisationItems.Count:N0} | {organisation.Median:F2} | {organisation.P95:F2} | {dOrganisation.Median:F2} | {dOrganisation.P95:F2} | {organisation.Median / dOrganisation.Median:F1} | {organisation.P95 / dOrganisation.P95:F1} | {OrganisationAimMs:F0} |");
        Console.WriteLine();
        await BreakdownAsync("the service", options, managerScope, clock, rules, target.ServiceId, ct);
        await BreakdownAsync("the organisation", options, seniorScope, clock, rules, null, ct);
        // Judged at p95, as the pages are; the median is said too, since on a shared machine p95 moves a lot.
        Console.WriteLine(Verdict("service", service, ServiceAimMs, s.Provider));
        Console.WriteLine(Verdict("organisation", organisation, OrganisationAimMs, s.Provider));
        return 0;
    }

    private const int BreakdownRuns = 5;

    // The order DueWork runs its queries in.
    private static readonly string[] QueryNames = ["services", "R9", "R8", "R18", "R11", "R11 actions", "R10"];

    /// <summary>
    /// Where DueWork's time goes: each query timed from sending it to having read its rows into objects
    /// (the database's work, the transfer and EF's materialising), and the rest, which is building,
    /// wording and sorting the items. A few runs after the timed ones, so the timer costs them nothing.
    /// </summary>
    private static async Task BreakdownAsync(string what, DbContextOptions<ProportionDbContext> options, UserScope scope,
        TimeProvider clock, Microsoft.Extensions.Options.IOptions<RuleSettings> rules, Guid? serviceId, CancellationToken ct)
    {
        var timer = new QueryTimer();
        var timed = new DbContextOptionsBuilder<ProportionDbContext>(options).AddInterceptors(timer).Options;
        var perQuery = new List<double>[QueryNames.Length];
        for (var q = 0; q < perQuery.Length; q++)
        {
            perQuery[q] = [];
        }
        var rest = new List<double>();
        var totals = new List<double>();
        for (var run = 0; run < BreakdownRuns; run++)
        {
            timer.Ms.Clear();
            var total = await TimeAsync(() => DueWorkAsync(timed, scope, clock, rules, serviceId, ct));
            if (timer.Ms.Count != QueryNames.Length)
            {
                Console.WriteLine($"(No breakdown for {what}: DueWork ran {timer.Ms.Count} queries, not {QueryNames.Length}.)");
                return;
            }
            for (var q = 0; q < QueryNames.Length; q++)
            {
                perQuery[q].Add(timer.Ms[q]);
            }
            rest.Add(total - timer.Ms.Sum());
            totals.Add(total);
        }
        Console.WriteLine($"Where DueWork's time goes for {what} (median of {BreakdownRuns} runs, ms; each query until its rows are read):");
        Console.WriteLine("  " + string.Join("  ", QueryNames.Select((name, q) => $"{name} {Stats.Of(perQuery[q]).Median:F1}"))
            + $"  items {Stats.Of(rest).Median:F1}  total {Stats.Of(totals).Median:F1}");
        Console.WriteLine();
    }

    /// <summary>Times each command from sending it to the disposal of its reader, when EF has read every row.</summary>
    internal sealed class QueryTimer : DbCommandInterceptor
    {
        private long _start;

        public List<double> Ms { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            _start = Stopwatch.GetTimestamp();
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
        {
            Ms.Add(Stopwatch.GetElapsedTime(_start).TotalMilliseconds);
            return result;
        }
    }

    private static string Verdict(string what, Stats stats, double aim, DatabaseProvider provider) =>
        stats.P95 < aim
            ? $"Aim met for the {what}: under {aim:F0} ms at p95 on {provider}."
            : stats.Median < aim
                ? $"Aim NOT met for the {what} at p95 ({stats.P95:F0} ms, aim {aim:F0} ms) on {provider}; met at the median ({stats.Median:F0} ms)."
                : $"Aim NOT met for the {what}: median {stats.Median:F0} ms, p95 {stats.P95:F0} ms, aim {aim:F0} ms on {provider}.";

    /// <summary>
    /// Prints the counts per kind side by side; the answers agree when every kind has the same records.
    /// Due dates are compared too, but a difference there is reported, not failed on: DueWork keeps any
    /// one incident per practice for R8, so when two incidents await the same early review its date is the
    /// one the database happened to return first; the direct answer takes the earliest.
    /// </summary>
    private static bool Compare(string what, IReadOnlyList<DueItem> due, List<Answer> direct)
    {
        Console.WriteLine($"Items due for the {what}, by kind (DueWork / direct query):");
        var same = true;
        foreach (var kind in Enum.GetValues<DueKind>())
        {
            var a = due.Where(i => i.Kind == kind).ToList();
            var b = direct.Where(i => i.Kind == kind).ToList();
            var overdueA = a.Count(i => i.Overdue);
            var overdueB = b.Count(i => i.Overdue);
            var idsMatch = a.Select(i => i.RecordId).Order().SequenceEqual(b.Select(i => i.RecordId).Order());
            var kindSame = a.Count == b.Count && idsMatch && overdueA == overdueB;
            var datesDiffer = kindSame
                ? a.Join(b, i => i.RecordId, j => j.RecordId, (i, j) => i.Due != j.Due).Count(d => d)
                : 0;
            Console.WriteLine($"  {kind,-24} {a.Count,8:N0} / {b.Count,-8:N0} overdue {overdueA,8:N0} / {overdueB,-8:N0}"
                + (kindSame ? "" : "  DIFFERENT")
                + (datesDiffer > 0 ? $"  ({datesDiffer} due dates differ)" : ""));
            same &= kindSame;
        }
        Console.WriteLine($"  {"total",-24} {due.Count,8:N0} / {direct.Count,-8:N0}");
        Console.WriteLine();
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

    // As My tasks and the organisation's picture call it: a fresh context per request, the user's scope.
    private static async Task<IReadOnlyList<DueItem>> DueWorkAsync(DbContextOptions<ProportionDbContext> options, UserScope scope,
        TimeProvider clock, Microsoft.Extensions.Options.IOptions<RuleSettings> rules, Guid? serviceId, CancellationToken ct)
    {
        await using var db = new ProportionDbContext(options) { Scope = scope };
        var dueWork = new DueWork(db, clock, rules, BenchLinks.Instance);
        return serviceId is { } id ? await dueWork.ForServiceAsync(id, ct) : await dueWork.ForScopeAsync(ct: ct);
    }

    /// <summary>One record due: what the direct query finds, in the terms DueWork's items are compared in.</summary>
    public sealed record Answer(DueKind Kind, Guid RecordId, Guid ServiceId, DateOnly Due, bool Overdue, string? Person);

    /// <summary>A row of the direct query: columns named as the SQL names them.</summary>
    public sealed class Row
    {
        public int Kind { get; set; }
        public Guid RecordId { get; set; }
        public Guid ServiceId { get; set; }
        public Guid? PersonId { get; set; }
        public string? Text { get; set; }
        public DateOnly? Day { get; set; }
        public DateTime? At { get; set; }
        public string? GivenName { get; set; }
        public string? PreferredName { get; set; }
        public string? FamilyName { get; set; }
    }

    /// <summary>
    /// The same answer as DueWork in one round trip: one SQL statement, a UNION ALL of the five rules with
    /// the service or organisation written into each WHERE, unscoped (no query filters, no joins they would
    /// add). Only what SQL cannot say the same way on both providers is done here: adding months to a date
    /// (R11, R18), the London date of a time, and keeping the earliest incident per practice (R8).
    /// </summary>
    public static async Task<List<Answer>> DirectAsync(DbContextOptions<ProportionDbContext> options, TimeProvider clock, int months, Guid? serviceId, Guid? organisationId, CancellationToken ct)
    {
        var today = UkTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = new ProportionDbContext(options) { Scope = UserScope.System };
        var rows = await db.Database.SqlQueryRaw<Row>(Sql(serviceId is not null), serviceId ?? organisationId!.Value,
                ReviewDue.ShownFrom(today), ReductionConsidered.CutOff(today, months), now - IncidentDuties.ManagerReviewWithin, true,
                today.AddDays(MonitoringDue.DueSoonDays))
            .ToListAsync(ct);

        var answers = new List<Answer>(rows.Count);
        foreach (var r in rows)
        {
            var person = KnownAs(r);
            switch ((DueKind)r.Kind)
            {
                case DueKind.PracticeReview:
                    answers.Add(new Answer(DueKind.PracticeReview, r.RecordId, r.ServiceId, r.Day!.Value, r.Day < today, person));
                    break;
                case DueKind.ReductionNotConsidered:
                    answers.Add(new Answer(DueKind.ReductionNotConsidered, r.RecordId, r.ServiceId, r.Day!.Value.AddMonths(months), true, person));
                    break;
                case DueKind.IncidentReview48Hours:
                    answers.Add(new Answer(DueKind.IncidentReview48Hours, r.RecordId, r.ServiceId,
                        DateOnly.FromDateTime(UkTime.ToLondon(r.At!.Value + IncidentDuties.ManagerReviewWithin)), true, person));
                    break;
                case DueKind.MonitoringAction:
                    answers.Add(new Answer(DueKind.MonitoringAction, r.RecordId, r.ServiceId, r.Day!.Value, MonitoringDue.IsOverdue(r.Day.Value, today), null));
                    break;
                case DueKind.Monitoring or DueKind.Audit:
                    var kind = r.Kind == (int)DueKind.Audit ? MonitoringKind.SeniorAudit : MonitoringKind.ManagerMonitoring;
                    var due = MonitoringDue.DueOn(kind, r.Day, DateOnly.FromDateTime(UkTime.ToLondon(r.At!.Value)));
                    if (due <= today.AddDays(MonitoringDue.DueSoonDays))
                    {
                        answers.Add(new Answer((DueKind)r.Kind, r.RecordId, r.ServiceId, due, MonitoringDue.IsOverdue(due, today), null));
                    }
                    break;
            }
        }
        // R8: one item per practice however many incidents wait on its review, due from the earliest.
        answers.AddRange(rows.Where(r => r.Kind == (int)DueKind.EarlyReview).GroupBy(r => r.RecordId).Select(g =>
        {
            var first = g.MinBy(r => r.At)!;
            return new Answer(DueKind.EarlyReview, first.RecordId, first.ServiceId, DateOnly.FromDateTime(UkTime.ToLondon(first.At!.Value)), true, KnownAs(first));
        }));
        return answers;
    }

    private static string? KnownAs(Row r) =>
        r.FamilyName is null ? null : $"{(string.IsNullOrWhiteSpace(r.PreferredName) ? r.GivenName : r.PreferredName)} {r.FamilyName}";

    /// <summary>
    /// Parameters: {0} the service or organisation, {1} reviews shown up to (R9), {2} the R18 cut-off,
    /// {3} emergencies before this are past their 48 hours (R10), {4} true. The codes are the enums'
    /// values. Written once for both providers: quoted names, and NULLs cast to a type PostgreSQL can put
    /// in a UNION (SQLite takes any type name in a CAST).
    /// </summary>
    private static string Sql(bool forService)
    {
        var where = forService ? "\"ServiceId\"" : "\"OrganisationId\"";
        var services = forService ? "s.\"Id\" = {0}" : "s.\"OrganisationId\" = {0}";
        var inPlace = $"({(int)PracticeStatus.Agreed}, {(int)PracticeStatus.UnderReview})";
        var completed = (int)ReviewStatus.Completed;
        return $$"""
            SELECT {{(int)DueKind.PracticeReview}} AS "Kind", p."Id" AS "RecordId", p."ServiceId" AS "ServiceId", p."PersonId" AS "PersonId",
                   p."Description" AS "Text", p."ReviewDate" AS "Day", CAST(NULL AS timestamptz) AS "At",
                   pe."GivenName" AS "GivenName", pe."PreferredName" AS "PreferredName", pe."FamilyName" AS "FamilyName"
            FROM "RestrictivePractices" AS p JOIN "People" AS pe ON pe."Id" = p."PersonId"
            WHERE p.{{where}} = {0} AND p."Status" IN {{inPlace}} AND p."ReviewDate" <= {1}
            UNION ALL
            SELECT {{(int)DueKind.ReductionNotConsidered}}, p."Id", p."ServiceId", p."PersonId", p."Description", p."StartDate", NULL,
                   pe."GivenName", pe."PreferredName", pe."FamilyName"
            FROM "RestrictivePractices" AS p JOIN "People" AS pe ON pe."Id" = p."PersonId"
            WHERE p.{{where}} = {0} AND p."Status" IN {{inPlace}} AND p."StartDate" < {2}
              AND (p."ReductionConsideredOn" IS NULL OR p."ReductionConsideredOn" < {2})
            UNION ALL
            SELECT {{(int)DueKind.EarlyReview}}, i."PracticeId", i."ServiceId", i."PersonId", p."Description", NULL, i."RecordedAt",
                   pe."GivenName", pe."PreferredName", pe."FamilyName"
            FROM "Incidents" AS i JOIN "RestrictivePractices" AS p ON p."Id" = i."PracticeId" JOIN "People" AS pe ON pe."Id" = i."PersonId"
            WHERE i.{{where}} = {0} AND i."CallsForEarlyReview" = {4} AND p."Status" <> {{(int)PracticeStatus.Ended}}
              AND NOT EXISTS (SELECT 1 FROM "PracticeDecisions" AS d WHERE d."PracticeId" = i."PracticeId"
                              AND d."Status" = {{(int)DecisionStatus.Agreed}} AND d."AgreedAt" > i."RecordedAt")
              AND NOT EXISTS (SELECT 1 FROM "PracticeReviews" AS r WHERE r."PracticeId" = i."PracticeId"
                              AND r."Status" = {{completed}} AND r."CompletedAt" > i."RecordedAt")
            UNION ALL
            SELECT {{(int)DueKind.IncidentReview48Hours}}, i."Id", i."ServiceId", i."PersonId", NULL, NULL, i."OccurredAt",
                   pe."GivenName", pe."PreferredName", pe."FamilyName"
            FROM "Incidents" AS i JOIN "People" AS pe ON pe."Id" = i."PersonId"
            WHERE i.{{where}} = {0} AND i."Kind" = {{(int)IncidentKind.Emergency}} AND i."ManagerReviewedAt" IS NULL AND i."OccurredAt" < {3}
            UNION ALL
            SELECT {{(int)DueKind.Monitoring}}, s."Id", s."Id", NULL, s."Name",
                   (SELECT MAX(m."CompletedOn") FROM "ServiceMonitoring" AS m WHERE m."ServiceId" = s."Id"
                    AND m."Kind" = {{(int)MonitoringKind.ManagerMonitoring}} AND m."Status" = {{(int)MonitoringStatus.Completed}}),
                   s."CreatedAt", NULL, NULL, NULL
            FROM "Services" AS s WHERE {{services}}
            UNION ALL
            SELECT {{(int)DueKind.Audit}}, s."Id", s."Id", NULL, s."Name",
                   (SELECT MAX(m."CompletedOn") FROM "ServiceMonitoring" AS m WHERE m."ServiceId" = s."Id"
                    AND m."Kind" = {{(int)MonitoringKind.SeniorAudit}} AND m."Status" = {{(int)MonitoringStatus.Completed}}),
                   s."CreatedAt", NULL, NULL, NULL
            FROM "Services" AS s WHERE {{services}}
            UNION ALL
            SELECT {{(int)DueKind.MonitoringAction}}, a."Id", m."ServiceId", NULL, a."What", a."DueOn", NULL, NULL, NULL, NULL
            FROM "MonitoringActions" AS a JOIN "ServiceMonitoring" AS m ON m."Id" = a."MonitoringId"
            WHERE m.{{where}} = {0} AND m."Status" = {{(int)MonitoringStatus.Completed}} AND a."DoneOn" IS NULL AND a."DueOn" <= {5}
            """;
    }

    private sealed record Target(
        Guid ManagerId, Guid SeniorId, Guid OrganisationId, string OrganisationName, Guid ServiceId, string ServiceName,
        int Services, int ServicePractices, int OrganisationPractices, int Practices);

    private static async Task<Target> FindTargetAsync(DbContextOptions<ProportionDbContext> options, int organisation, CancellationToken ct)
    {
        await using var db = new ProportionDbContext(options) { Scope = UserScope.System };
        var managerEmail = Generator.ManagerEmail(organisation).ToUpperInvariant();
        var seniorEmail = Generator.SeniorEmail(organisation).ToUpperInvariant();
        var manager = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == managerEmail, ct)
            ?? throw new UsageException($"No user {Generator.ManagerEmail(organisation)}: run generate on this database first.");
        var seniorId = await db.Users.Where(u => u.NormalizedEmail == seniorEmail).Select(u => u.Id).SingleAsync(ct);
        var serviceId = await db.ServiceAssignments.Where(a => a.UserId == manager.Id).Select(a => a.ServiceId).FirstAsync(ct);
        var serviceName = await db.Services.Where(x => x.Id == serviceId).Select(x => x.Name).SingleAsync(ct);
        var organisationName = await db.Organisations.Where(o => o.Id == manager.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        return new Target(
            manager.Id, seniorId, manager.OrganisationId, organisationName, serviceId, serviceName,
            await db.Services.CountAsync(x => x.OrganisationId == manager.OrganisationId, ct),
            await db.Practices.CountAsync(p => p.ServiceId == serviceId, ct),
            await db.Practices.CountAsync(p => p.OrganisationId == manager.OrganisationId, ct),
            await db.Practices.CountAsync(ct));
    }

    /// <summary>A clock stopped at one instant.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
