using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Proportion.Core.Analytics;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Bench;

/// <summary>
/// Adds years of incidents, their interventions and their <see cref="RestraintTally"/> rows, in bulk, to a
/// database that <see cref="Generator"/> has filled with organisations, services, people and practices, so the
/// charts and the national counts can be timed at the scale of a country (issue 12: ten million incidents over
/// three years across 5,000 services). Rows go straight to the database's bulk path, not through EF: binary
/// COPY on PostgreSQL, one transaction of prepared INSERTs on SQLite, with the loaded tables' secondary
/// indexes and (on PostgreSQL) foreign keys set aside during the load and rebuilt, then checked, after it.
/// The tallies are what the app would have kept (<see cref="RestraintTally.For"/> for each incident, added up
/// per person, service and period here), so the charts read the same numbers the incidents give.
/// Deterministic for a given seed and generated database, apart from the rows' ids.
/// </summary>
public static class AnalyticsGenerator
{
    /// <summary>A database with more incidents than this has been loaded already; the generator refuses it.</summary>
    private const int MostIncidentsBefore = 1_000_000;

    private static readonly string[] LoadedTables = ["Incidents", "IncidentInterventions", "RestraintTallies", "ServiceTallies"];

    public static async Task RunAsync(AnalyticsGenerateSettings s, CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        var plan = await ReadPlanAsync(s, ct);
        Console.WriteLine($"{plan.People.Count:N0} people in {plan.People.Select(p => p.ServiceId).Distinct().Count():N0} services of {plan.Recorders.Count:N0} organisations; "
            + $"{plan.Existing.Sum(e => e.Value.Count):N0} incidents already recorded (added to the tallies with the new ones).");
        if (plan.People.Count == 0)
        {
            throw new UsageException("The database has no people: run generate on it first.");
        }

        var now = DateTime.UtcNow;
        var today = UkTime.Today(TimeProvider.System);
        var generator = new IncidentSource(s.Seed, plan, now, today, s.Years);

        await using var sink = s.Provider == DatabaseProvider.Postgres
            ? (IBulkSink)await PostgresSink.OpenAsync(s.Connection, ct)
            : SqliteSink.Open(s.Connection);
        Console.WriteLine($"Read the plan in {total.Elapsed.TotalSeconds:F1} s. Setting aside secondary indexes{(s.Provider == DatabaseProvider.Postgres ? " and foreign keys" : "")} of {string.Join(", ", LoadedTables)} ...");
        await sink.PrepareAsync(ct);

        var load = Stopwatch.StartNew();
        var sinceReport = Stopwatch.StartNew();
        long incidents = 0, interventions = 0, tallies = 0;
        var counts = generator.CountsPerPerson(s.Incidents);
        for (var p = 0; p < plan.People.Count; p++)
        {
            ct.ThrowIfCancellationRequested();
            var person = plan.People[p];
            var periods = new Dictionary<(Guid ServiceId, ChartPeriod Period, DateOnly Starts), RestraintTally>();
            foreach (var incident in generator.For(person, counts[p]))
            {
                sink.AddIncident(incident);
                foreach (var intervention in incident.Interventions)
                {
                    sink.AddIntervention(incident.Id, intervention);
                }
                incidents++;
                interventions += incident.Interventions.Count;
                AddToTallies(periods, incident);
            }
            foreach (var incident in plan.Existing.GetValueOrDefault(person.Id) ?? [])
            {
                AddToTallies(periods, incident);
            }
            foreach (var tally in periods.Values.OrderBy(t => t.ServiceId).ThenBy(t => t.Period).ThenBy(t => t.Starts))
            {
                sink.AddTally(tally);
                tallies++;
            }
            if (sinceReport.Elapsed > TimeSpan.FromSeconds(15))
            {
                var rows = incidents + interventions + tallies;
                Console.WriteLine($"  ... {incidents:N0} incidents, {rows:N0} rows, {rows / load.Elapsed.TotalSeconds:N0} rows/s");
                sinceReport.Restart();
            }
        }
        await sink.CompleteAsync(ct);
        load.Stop();
        var loaded = incidents + interventions + tallies;
        Console.WriteLine($"Loaded {incidents:N0} incidents, {interventions:N0} interventions and {tallies:N0} tallies ({loaded:N0} rows) "
            + $"in {load.Elapsed.TotalSeconds:F1} s: {loaded / load.Elapsed.TotalSeconds:N0} rows/s, {incidents / load.Elapsed.TotalSeconds:N0} incidents/s.");

        var rebuild = Stopwatch.StartNew();
        await sink.RestoreAsync(ct);
        Console.WriteLine($"{sink.RestoreWhat} in {rebuild.Elapsed.TotalSeconds:F1} s.");
        // Each service's tallies are its people's summed, as the migration that made them fills them.
        var services = Stopwatch.StartNew();
        await using (var db = Generator.Open(s.Provider, s.Connection))
        {
            db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            await db.Database.ExecuteSqlRawAsync(RestraintTallies.ServiceTalliesFromPeopleSql, ct);
        }
        Console.WriteLine($"Summed the service tallies in {services.Elapsed.TotalSeconds:F1} s.");
        var analyse = Stopwatch.StartNew();
        await sink.AnalyseAsync(ct);
        Console.WriteLine($"{sink.AnalyseWhat} in {analyse.Elapsed.TotalSeconds:F1} s.");
        Console.WriteLine($"Generation took {total.Elapsed.TotalSeconds:F1} s of wall time ({total.Elapsed.TotalMinutes:F1} min), "
            + $"{loaded / total.Elapsed.TotalSeconds:N0} rows/s overall.");
    }

    private static void AddToTallies(Dictionary<(Guid, ChartPeriod, DateOnly), RestraintTally> periods, Incident incident)
    {
        foreach (var period in Enum.GetValues<ChartPeriod>())
        {
            var one = RestraintTally.For(incident, period);
            var key = (one.ServiceId, one.Period, one.Starts);
            if (!periods.TryGetValue(key, out var tally))
            {
                periods[key] = one;
                continue;
            }
            tally.Incidents += one.Incidents;
            tally.Emergencies += one.Emergencies;
            tally.Interventions += one.Interventions;
            tally.RestraintMinutes += one.RestraintMinutes;
            tally.Prone += one.Prone;
            tally.RapidTranquillisation += one.RapidTranquillisation;
            tally.Seclusion += one.Seclusion;
            tally.WithInjury += one.WithInjury;
        }
    }

    /// <summary>A person to give incidents to: where they are, and the practice in place that a planned use names.</summary>
    public sealed record PlannedPerson(Guid Id, Guid OrganisationId, Guid ServiceId, Guid? PracticeInPlace);

    /// <summary>What generate made that the incidents refer to, and the incidents it recorded (which have no tallies).</summary>
    public sealed record Plan(List<PlannedPerson> People, Dictionary<Guid, Guid> Recorders, Dictionary<Guid, List<Incident>> Existing);

    private static async Task<Plan> ReadPlanAsync(AnalyticsGenerateSettings s, CancellationToken ct)
    {
        await using var db = Generator.Open(s.Provider, s.Connection);
        var existingCount = await db.Incidents.CountAsync(ct);
        if (existingCount > MostIncidentsBefore)
        {
            throw new UsageException($"The database already has {existingCount:N0} incidents: analytics-generate loads a database made by generate, once.");
        }
        // Content order, not id order: the ids generate gave are not the same from one run to the next.
        var people = await db.People.AsNoTracking()
            .Join(db.Services, p => p.ServiceId, x => x.Id, (p, x) => new { Person = p, ServiceName = x.Name })
            .Join(db.Organisations, px => px.Person.OrganisationId, o => o.Id, (px, o) => new { px.Person, px.ServiceName, OrganisationName = o.Name })
            .OrderBy(x => x.OrganisationName).ThenBy(x => x.ServiceName).ThenBy(x => x.Person.FamilyName).ThenBy(x => x.Person.GivenName)
            .ThenBy(x => x.Person.DateOfBirth).ThenBy(x => x.Person.NhsNumber)
            .Select(x => new { x.Person.Id, x.Person.OrganisationId, x.Person.ServiceId })
            .ToListAsync(ct);
        var inPlace = (await db.Practices.AsNoTracking()
                .Where(p => p.Status == PracticeStatus.Agreed || p.Status == PracticeStatus.UnderReview)
                .Select(p => new { p.PersonId, p.Id, p.StartDate })
                .ToListAsync(ct))
            .GroupBy(p => p.PersonId)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.StartDate).First().Id);
        // Incidents are recorded by the organisation's service manager, as generate's are.
        var managers = await db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail!.StartsWith("MANAGER") && u.NormalizedEmail.EndsWith("@" + Generator.EmailDomain.ToUpperInvariant()))
            .Select(u => new { u.OrganisationId, u.Id })
            .ToListAsync(ct);
        var recorders = managers.GroupBy(m => m.OrganisationId).ToDictionary(g => g.Key, g => g.First().Id);
        var existing = existingCount == 0
            ? []
            : (await db.Incidents.AsNoTracking().Include(i => i.Interventions).ToListAsync(ct))
                .GroupBy(i => i.PersonId).ToDictionary(g => g.Key, g => g.ToList());
        if (await db.RestraintTallies.AnyAsync(ct))
        {
            // The tallies are written afresh for every incident, old and new: the ones there are replaced.
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "RestraintTallies" """, ct);
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "ServiceTallies" """, ct);
        }
        var planned = people
            .Where(p => recorders.ContainsKey(p.OrganisationId))
            .Select(p => new PlannedPerson(p.Id, p.OrganisationId, p.ServiceId, inPlace.TryGetValue(p.Id, out var practice) ? practice : null))
            .ToList();
        return new Plan(planned, recorders, existing);
    }

    /// <summary>
    /// The incidents, drawn from one seeded sequence. People differ a lot in how often restriction is used on
    /// them (a log-normal spread of rates); over the three years uses fall by about a quarter, as a reduction
    /// plan would hope; they happen more by day and evening than at night. Six in ten people's uses are of
    /// their agreed practice when they have one in place; 1 to 3 interventions each, mostly standing, seated
    /// or escort holds, with prone restraint and rapid tranquillisation rare; 1 to 30 minutes each; some injuries.
    /// </summary>
    private sealed class IncidentSource(int seed, Plan plan, DateTime now, DateOnly today, int years)
    {
        private readonly Random _random = new(seed);
        private readonly DateTime _from = UkTime.EndOfDay(today.AddYears(-years));

        private static readonly (InterventionType Type, int Weight)[] Types =
        [
            (InterventionType.PhysicalStanding, 200), (InterventionType.PhysicalSeated, 170), (InterventionType.PhysicalRestrictiveEscort, 150),
            (InterventionType.PhysicalSide, 40), (InterventionType.PhysicalSupine, 25), (InterventionType.PhysicalKneeling, 20),
            (InterventionType.PhysicalOther, 20), (InterventionType.PhysicalProne, 8), (InterventionType.ChemicalRapidTranquillisation, 4),
            (InterventionType.ChemicalInjection, 6), (InterventionType.ChemicalOral, 60), (InterventionType.ChemicalOther, 6),
            (InterventionType.Mechanical, 10), (InterventionType.Seclusion, 25), (InterventionType.Segregation, 10),
            (InterventionType.LocalEnvironmental, 130), (InterventionType.LocalEnforcedSupervision, 116),
        ];

        private static readonly (InterventionReason Reason, int Weight)[] Reasons =
        [
            (InterventionReason.PreventViolenceToOthers, 35), (InterventionReason.PreventSelfHarm, 18), (InterventionReason.PreventAccidentalInjury, 12),
            (InterventionReason.AdministerMedicines, 5), (InterventionReason.PersonalCare, 10), (InterventionReason.NasogastricFeeding, 1),
            (InterventionReason.PreventOverActivity, 4), (InterventionReason.PreventDangerousBehaviour, 10), (InterventionReason.Search, 1),
            (InterventionReason.PreventAbsconding, 2), (InterventionReason.Other, 1), (InterventionReason.NotKnown, 1),
        ];

        // Relative chance of each hour of the day (London time is near enough UTC for a spread).
        private static readonly int[] Hours = [2, 1, 1, 1, 1, 2, 4, 8, 10, 10, 9, 9, 10, 9, 10, 11, 12, 12, 11, 10, 9, 7, 5, 3];

        /// <summary>How many of <paramref name="total"/> incidents each person has, adding up to exactly the total.</summary>
        public int[] CountsPerPerson(int total)
        {
            var weights = plan.People.Select(_ => Math.Exp(0.8 * Normal())).ToArray();
            var sum = weights.Sum();
            var counts = weights.Select(w => (int)Math.Floor(total * w / sum)).ToArray();
            for (var left = total - counts.Sum(); left > 0; left--)
            {
                counts[_random.Next(counts.Length)]++;
            }
            return counts;
        }

        public IEnumerable<Incident> For(PlannedPerson person, int count)
        {
            var recorder = plan.Recorders[person.OrganisationId];
            var span = (now - _from).TotalMinutes;
            for (var n = 0; n < count; n++)
            {
                // A quarter fewer uses at the end of the years than at the start.
                double x;
                do
                {
                    x = _random.NextDouble();
                }
                while (_random.NextDouble() > 1 - 0.25 * x);
                var day = _from.AddMinutes(x * span).Date;
                var occurred = day.AddHours(Weighted(Hours)).AddMinutes(_random.Next(60));
                if (occurred <= _from || occurred >= now)
                {
                    occurred = _from.AddMinutes(_random.NextDouble() * span);
                }
                occurred = new DateTime(occurred.Ticks - occurred.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);

                var practice = person.PracticeInPlace is { } p && _random.Next(10) < 6 ? p : (Guid?)null;
                var incident = new Incident
                {
                    OrganisationId = person.OrganisationId,
                    ServiceId = person.ServiceId,
                    PersonId = person.Id,
                    OccurredAt = occurred,
                    Location = Names.IncidentLocations[_random.Next(Names.IncidentLocations.Length)],
                    Kind = practice is null ? IncidentKind.Emergency : IncidentKind.Planned,
                    PracticeId = practice,
                    WithinAgreedGuidelines = practice is null ? null : _random.Next(50) != 0,
                    PracticeIneffective = practice is not null && _random.Next(200) == 0,
                    Reason = Reasons[Weighted(ReasonWeights)].Reason,
                    Antecedents = "A change to the day's plan.",
                    DeEscalation = "Calm talk and space offered.",
                    HowUsed = "As the care plan describes.",
                    Outcome = "Settled within the hour.",
                    PoliceInvolved = _random.Next(400) == 0,
                    SubmissionKey = Guid.NewGuid(),
                    RecordedById = recorder,
                    RecordedAt = Min(occurred.AddMinutes(_random.Next(30, 360)), now),
                };
                incident.CallsForEarlyReview = EarlyReview.CalledForBy(incident);
                var started = occurred;
                var many = _random.Next(10);
                for (var i = many < 6 ? 1 : many < 9 ? 2 : 3; i > 0; i--)
                {
                    var ended = started.AddMinutes(_random.Next(1, 31));
                    incident.Interventions.Add(new IncidentIntervention
                    {
                        Type = Types[Weighted(TypeWeights)].Type,
                        StartedAt = started,
                        EndedAt = ended,
                        InjuryToPerson = _random.Next(25) == 0,
                        InjuryToStaff = _random.Next(20) == 0,
                        InjuryToOthers = _random.Next(200) == 0,
                    });
                    started = ended;
                }
                incident.SeriousInjury = incident.AnyInjury && _random.Next(50) == 0;
                // Emergencies are reviewed by the manager within 48 hours (R10); the ones still within it may not be yet.
                var reviewed = occurred.AddHours(_random.Next(2, 47));
                if (reviewed < now)
                {
                    incident.ManagerReviewedAt = reviewed;
                    incident.ManagerReviewedById = recorder;
                    incident.ReviewOutcome = "Guidelines still right.";
                }
                yield return incident;
            }
        }

        private static readonly int[] TypeWeights = Types.Select(t => t.Weight).ToArray();
        private static readonly int[] ReasonWeights = Reasons.Select(r => r.Weight).ToArray();

        private int Weighted(int[] weights)
        {
            var roll = _random.Next(weights.Sum());
            for (var i = 0; i < weights.Length; i++)
            {
                roll -= weights[i];
                if (roll < 0)
                {
                    return i;
                }
            }
            return weights.Length - 1;
        }

        private double Normal() =>
            Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());

        private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
    }

    /// <summary>Where the rows go: the database's bulk path, with its indexes set aside while they go in.</summary>
    private interface IBulkSink : IAsyncDisposable
    {
        Task PrepareAsync(CancellationToken ct);
        void AddIncident(Incident i);
        void AddIntervention(Guid incidentId, IncidentIntervention v);
        void AddTally(RestraintTally t);
        Task CompleteAsync(CancellationToken ct);
        Task RestoreAsync(CancellationToken ct);
        string RestoreWhat { get; }
        string AnalyseWhat { get; }
        Task AnalyseAsync(CancellationToken ct);
    }

    /// <summary>
    /// Binary COPY, one connection per table so the three run at once (a connection holds one COPY at a time).
    /// The tables' secondary indexes and foreign keys are dropped first and made again afterwards, from the
    /// definitions PostgreSQL gives back, so the keys are checked once per table rather than once per row.
    /// </summary>
    private sealed class PostgresSink : IBulkSink
    {
        private readonly NpgsqlConnection _control;
        private readonly NpgsqlConnection[] _copies = new NpgsqlConnection[3];
        private NpgsqlBinaryImporter? _incidents, _interventions, _tallies;
        private readonly List<(string Table, string Name, string Definition)> _indexes = [];
        private readonly List<(string Table, string Name, string Definition)> _foreignKeys = [];

        private PostgresSink(NpgsqlConnection control) => _control = control;

        public static async Task<PostgresSink> OpenAsync(string connection, CancellationToken ct)
        {
            var control = new NpgsqlConnection(connection);
            await control.OpenAsync(ct);
            var sink = new PostgresSink(control);
            for (var i = 0; i < sink._copies.Length; i++)
            {
                sink._copies[i] = new NpgsqlConnection(connection);
                await sink._copies[i].OpenAsync(ct);
            }
            return sink;
        }

        private async Task ExecuteAsync(string sql, CancellationToken ct)
        {
            await using var command = new NpgsqlCommand(sql, _control) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync(ct);
        }

        public async Task PrepareAsync(CancellationToken ct)
        {
            var tables = string.Join(", ", LoadedTables.Select(t => $"'\"{t}\"'::regclass"));
            await using (var command = new NpgsqlCommand($"""
                SELECT c.relname, i.relname, pg_get_indexdef(x.indexrelid)
                FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid
                WHERE x.indrelid IN ({tables}) AND NOT x.indisprimary
                """, _control))
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    _indexes.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
                }
            }
            await using (var command = new NpgsqlCommand($"""
                SELECT c.relname, k.conname, pg_get_constraintdef(k.oid)
                FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
                WHERE k.contype = 'f' AND k.conrelid IN ({tables})
                """, _control))
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    _foreignKeys.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
                }
            }
            foreach (var (table, name, _) in _foreignKeys)
            {
                await ExecuteAsync($"""ALTER TABLE "{table}" DROP CONSTRAINT "{name}" """, ct);
            }
            foreach (var (_, name, _) in _indexes)
            {
                await ExecuteAsync($"""DROP INDEX "{name}" """, ct);
            }
            Console.WriteLine($"  set aside {_indexes.Count} indexes and {_foreignKeys.Count} foreign keys");

            _incidents = await _copies[0].BeginBinaryImportAsync("""
                COPY "Incidents" ("Id", "OrganisationId", "ServiceId", "PersonId", "OccurredAt", "Location", "Kind", "PracticeId",
                    "WithinAgreedGuidelines", "PracticeIneffective", "Reason", "Antecedents", "DeEscalation", "HowUsed", "Outcome",
                    "Died", "SeriousInjury", "AbuseOrAllegation", "PoliceInvolved", "SubmissionKey", "RecordedById", "RecordedAt",
                    "ManagerReviewedAt", "ManagerReviewedById", "ReviewOutcome", "Version", "UnauthorisedRestriction", "CallsForEarlyReview")
                FROM STDIN (FORMAT BINARY)
                """, ct);
            _interventions = await _copies[1].BeginBinaryImportAsync("""
                COPY "IncidentInterventions" ("Id", "IncidentId", "Type", "StartedAt", "EndedAt", "InjuryToPerson", "InjuryToStaff", "InjuryToOthers")
                FROM STDIN (FORMAT BINARY)
                """, ct);
            _tallies = await _copies[2].BeginBinaryImportAsync("""
                COPY "RestraintTallies" ("OrganisationId", "ServiceId", "PersonId", "Period", "Starts", "Incidents", "Emergencies",
                    "Interventions", "RestraintMinutes", "Prone", "RapidTranquillisation", "Seclusion", "WithInjury")
                FROM STDIN (FORMAT BINARY)
                """, ct);
        }

        public void AddIncident(Incident i)
        {
            var w = _incidents!;
            w.StartRow();
            w.Write(i.Id, NpgsqlDbType.Uuid);
            w.Write(i.OrganisationId, NpgsqlDbType.Uuid);
            w.Write(i.ServiceId, NpgsqlDbType.Uuid);
            w.Write(i.PersonId, NpgsqlDbType.Uuid);
            w.Write(i.OccurredAt, NpgsqlDbType.TimestampTz);
            w.Write(i.Location, NpgsqlDbType.Varchar);
            w.Write((int)i.Kind, NpgsqlDbType.Integer);
            Nullable(w, i.PracticeId, NpgsqlDbType.Uuid);
            Nullable(w, i.WithinAgreedGuidelines, NpgsqlDbType.Boolean);
            w.Write(i.PracticeIneffective, NpgsqlDbType.Boolean);
            w.Write((int)i.Reason, NpgsqlDbType.Integer);
            w.Write(i.Antecedents, NpgsqlDbType.Varchar);
            w.Write(i.DeEscalation, NpgsqlDbType.Varchar);
            w.Write(i.HowUsed, NpgsqlDbType.Varchar);
            w.Write(i.Outcome, NpgsqlDbType.Varchar);
            Nullable(w, i.Died, NpgsqlDbType.Boolean);
            Nullable(w, i.SeriousInjury, NpgsqlDbType.Boolean);
            w.Write(i.AbuseOrAllegation, NpgsqlDbType.Boolean);
            w.Write(i.PoliceInvolved, NpgsqlDbType.Boolean);
            w.Write(i.SubmissionKey, NpgsqlDbType.Uuid);
            w.Write(i.RecordedById, NpgsqlDbType.Uuid);
            w.Write(i.RecordedAt, NpgsqlDbType.TimestampTz);
            Nullable(w, i.ManagerReviewedAt, NpgsqlDbType.TimestampTz);
            Nullable(w, i.ManagerReviewedById, NpgsqlDbType.Uuid);
            if (i.ReviewOutcome is null)
            {
                w.WriteNull();
            }
            else
            {
                w.Write(i.ReviewOutcome, NpgsqlDbType.Varchar);
            }
            w.Write(i.Version, NpgsqlDbType.Integer);
            w.Write(i.UnauthorisedRestriction, NpgsqlDbType.Boolean);
            w.Write(i.CallsForEarlyReview, NpgsqlDbType.Boolean);
        }

        public void AddIntervention(Guid incidentId, IncidentIntervention v)
        {
            var w = _interventions!;
            w.StartRow();
            w.Write(v.Id, NpgsqlDbType.Uuid);
            w.Write(incidentId, NpgsqlDbType.Uuid);
            w.Write((int)v.Type, NpgsqlDbType.Integer);
            w.Write(v.StartedAt, NpgsqlDbType.TimestampTz);
            w.Write(v.EndedAt, NpgsqlDbType.TimestampTz);
            w.Write(v.InjuryToPerson, NpgsqlDbType.Boolean);
            w.Write(v.InjuryToStaff, NpgsqlDbType.Boolean);
            w.Write(v.InjuryToOthers, NpgsqlDbType.Boolean);
        }

        public void AddTally(RestraintTally t)
        {
            var w = _tallies!;
            w.StartRow();
            w.Write(t.OrganisationId, NpgsqlDbType.Uuid);
            w.Write(t.ServiceId, NpgsqlDbType.Uuid);
            w.Write(t.PersonId, NpgsqlDbType.Uuid);
            w.Write((int)t.Period, NpgsqlDbType.Integer);
            w.Write(t.Starts, NpgsqlDbType.Date);
            w.Write(t.Incidents, NpgsqlDbType.Integer);
            w.Write(t.Emergencies, NpgsqlDbType.Integer);
            w.Write(t.Interventions, NpgsqlDbType.Integer);
            w.Write(t.RestraintMinutes, NpgsqlDbType.Integer);
            w.Write(t.Prone, NpgsqlDbType.Integer);
            w.Write(t.RapidTranquillisation, NpgsqlDbType.Integer);
            w.Write(t.Seclusion, NpgsqlDbType.Integer);
            w.Write(t.WithInjury, NpgsqlDbType.Integer);
        }

        private static void Nullable<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type) where T : struct
        {
            if (value is { } v)
            {
                w.Write(v, type);
            }
            else
            {
                w.WriteNull();
            }
        }

        public async Task CompleteAsync(CancellationToken ct)
        {
            foreach (var importer in new[] { _incidents, _interventions, _tallies })
            {
                await importer!.CompleteAsync(ct);
                await importer.DisposeAsync();
            }
            _incidents = _interventions = _tallies = null;
        }

        public async Task RestoreAsync(CancellationToken ct)
        {
            await ExecuteAsync("SET maintenance_work_mem = '512MB'", ct);
            foreach (var (_, _, definition) in _indexes)
            {
                await ExecuteAsync(definition, ct);
            }
            // Adding a foreign key checks every row against its parent in one pass.
            foreach (var (table, name, definition) in _foreignKeys)
            {
                await ExecuteAsync($"""ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {definition}""", ct);
            }
        }

        public string RestoreWhat => "Indexes made again and foreign keys added back (each checked in one pass)";

        public string AnalyseWhat => "VACUUM (ANALYZE) of the loaded tables and CHECKPOINT";

        public async Task AnalyseAsync(CancellationToken ct)
        {
            // VACUUM as well as ANALYZE, as autovacuum would soon: it sets the hint bits and visibility map of
            // millions of fresh rows, which the first queries would otherwise do while being timed.
            foreach (var table in LoadedTables)
            {
                await ExecuteAsync($"""VACUUM (ANALYZE) "{table}" """, ct);
            }
            await ExecuteAsync("CHECKPOINT", ct);
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var importer in new[] { _incidents, _interventions, _tallies })
            {
                if (importer is not null)
                {
                    await importer.DisposeAsync();
                }
            }
            foreach (var connection in _copies)
            {
                if (connection is not null)
                {
                    await connection.DisposeAsync();
                }
            }
            await _control.DisposeAsync();
        }
    }

    /// <summary>
    /// One transaction of prepared INSERTs, each command made once and its parameters' values changed per row
    /// (the indexes dropped and made again inside it, so a stopped load leaves the database as it was),
    /// with the journal in WAL mode and syncing off for the load only (the app's defaults are put back after).
    /// Values are written as EF Core's SQLite provider stores them: GUIDs as upper-case text, times as
    /// "yyyy-MM-dd HH:mm:ss.FFFFFFF" text, dates as "yyyy-MM-dd", booleans as 0 and 1. Secondary indexes are
    /// dropped before and made again after, which sorts once instead of inserting at random into big B-trees.
    /// Foreign keys are not enforced during the load (every id comes from the database read before it).
    /// </summary>
    private sealed class SqliteSink : IBulkSink
    {
        private readonly SqliteConnection _connection;
        private SqliteTransaction? _transaction;
        private SqliteCommand? _incidents, _interventions, _tallies;
        private readonly List<string> _indexes = [];

        private SqliteSink(SqliteConnection connection) => _connection = connection;

        public static SqliteSink Open(string connection)
        {
            var c = new SqliteConnection(connection);
            c.Open();
            return new SqliteSink(c);
        }

        private void Execute(string sql)
        {
            using var command = _connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = sql;
            command.CommandTimeout = 0;
            command.ExecuteNonQuery();
        }

        public Task PrepareAsync(CancellationToken ct)
        {
            Execute("PRAGMA journal_mode = WAL");
            Execute("PRAGMA synchronous = OFF");
            Execute("PRAGMA foreign_keys = OFF");
            Execute("PRAGMA cache_size = -262144");
            // The indexes are dropped inside the load's transaction (SQLite's DDL is transactional), so a load
            // stopped half way leaves the database as it was, indexes and all.
            _transaction = _connection.BeginTransaction();
            using (var command = _connection.CreateCommand())
            {
                command.Transaction = _transaction;
                command.CommandText = $"""
                    SELECT name, sql FROM sqlite_master
                    WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", LoadedTables.Select(t => $"'{t}'"))})
                    """;
                using var reader = command.ExecuteReader();
                var names = new List<string>();
                while (reader.Read())
                {
                    names.Add(reader.GetString(0));
                    _indexes.Add(reader.GetString(1));
                }
                reader.Close();
                foreach (var name in names)
                {
                    Execute($"""DROP INDEX "{name}" """);
                }
            }
            Console.WriteLine($"  set aside {_indexes.Count} indexes");
            _incidents = Prepare("Incidents", ["Id", "OrganisationId", "ServiceId", "PersonId", "OccurredAt", "Location", "Kind", "PracticeId",
                "WithinAgreedGuidelines", "PracticeIneffective", "Reason", "Antecedents", "DeEscalation", "HowUsed", "Outcome",
                "Died", "SeriousInjury", "AbuseOrAllegation", "PoliceInvolved", "SubmissionKey", "RecordedById", "RecordedAt",
                "ManagerReviewedAt", "ManagerReviewedById", "ReviewOutcome", "Version", "UnauthorisedRestriction", "CallsForEarlyReview"]);
            _interventions = Prepare("IncidentInterventions", ["Id", "IncidentId", "Type", "StartedAt", "EndedAt", "InjuryToPerson", "InjuryToStaff", "InjuryToOthers"]);
            _tallies = Prepare("RestraintTallies", ["OrganisationId", "ServiceId", "PersonId", "Period", "Starts", "Incidents", "Emergencies",
                "Interventions", "RestraintMinutes", "Prone", "RapidTranquillisation", "Seclusion", "WithInjury"]);
            return Task.CompletedTask;
        }

        private SqliteCommand Prepare(string table, string[] columns)
        {
            var command = _connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = $"""INSERT INTO "{table}" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, n) => $"$p{n}"))})""";
            for (var n = 0; n < columns.Length; n++)
            {
                command.Parameters.Add(new SqliteParameter($"$p{n}", null));
            }
            command.Prepare();
            return command;
        }

        private static object Text(Guid g) => g.ToString().ToUpperInvariant();
        private static object Text(Guid? g) => g is { } v ? Text(v) : DBNull.Value;
        private static object Text(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        private static object Text(DateTime? t) => t is { } v ? Text(v) : DBNull.Value;
        private static object Bit(bool b) => b ? 1L : 0L;
        private static object Bit(bool? b) => b is { } v ? Bit(v) : DBNull.Value;

        private static void Run(SqliteCommand command, params object?[] values)
        {
            for (var n = 0; n < values.Length; n++)
            {
                command.Parameters[n].Value = values[n] ?? DBNull.Value;
            }
            command.ExecuteNonQuery();
        }

        public void AddIncident(Incident i) => Run(_incidents!,
            Text(i.Id), Text(i.OrganisationId), Text(i.ServiceId), Text(i.PersonId), Text(i.OccurredAt), i.Location, (long)i.Kind,
            Text(i.PracticeId), Bit(i.WithinAgreedGuidelines), Bit(i.PracticeIneffective), (long)i.Reason, i.Antecedents, i.DeEscalation,
            i.HowUsed, i.Outcome, Bit(i.Died), Bit(i.SeriousInjury), Bit(i.AbuseOrAllegation), Bit(i.PoliceInvolved), Text(i.SubmissionKey),
            Text(i.RecordedById), Text(i.RecordedAt), Text(i.ManagerReviewedAt), Text(i.ManagerReviewedById), i.ReviewOutcome,
            (long)i.Version, Bit(i.UnauthorisedRestriction), Bit(i.CallsForEarlyReview));

        public void AddIntervention(Guid incidentId, IncidentIntervention v) => Run(_interventions!,
            Text(v.Id), Text(incidentId), (long)v.Type, Text(v.StartedAt), Text(v.EndedAt), Bit(v.InjuryToPerson), Bit(v.InjuryToStaff), Bit(v.InjuryToOthers));

        public void AddTally(RestraintTally t) => Run(_tallies!,
            Text(t.OrganisationId), Text(t.ServiceId), Text(t.PersonId), (long)t.Period, t.Starts.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            (long)t.Incidents, (long)t.Emergencies, (long)t.Interventions, (long)t.RestraintMinutes, (long)t.Prone,
            (long)t.RapidTranquillisation, (long)t.Seclusion, (long)t.WithInjury);

        public Task CompleteAsync(CancellationToken ct) => Task.CompletedTask;

        /// <summary>Makes the indexes again and commits: the rows and their indexes arrive together.</summary>
        public Task RestoreAsync(CancellationToken ct)
        {
            foreach (var sql in _indexes)
            {
                Execute(sql);
            }
            _transaction!.Commit();
            _transaction.Dispose();
            _transaction = null;
            return Task.CompletedTask;
        }

        public string RestoreWhat => "Indexes made again and the load's one transaction committed";

        public string AnalyseWhat => "ANALYZE, a WAL checkpoint and the app's journal mode back";

        public Task AnalyseAsync(CancellationToken ct)
        {
            // Statistics from a sample of each index, as SQLite advises for large databases (PRAGMA optimize does
            // the same): a full ANALYZE would read every row of ten million incidents' indexes.
            Execute("PRAGMA analysis_limit = 1000");
            Execute("ANALYZE");
            Execute("PRAGMA wal_checkpoint(TRUNCATE)");
            Execute("PRAGMA journal_mode = DELETE");
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            _incidents?.Dispose();
            _interventions?.Dispose();
            _tallies?.Dispose();
            _transaction?.Dispose();
            _connection.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
