using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Proportion.Core.Data;

namespace Proportion.Bench;

/// <summary>
/// The database's own rate for rows like an incident, at the incidents benchmark's concurrency: each client
/// inserts one row per transaction, back to back, into a throwaway table shaped like the Incidents table's
/// main columns (its key, the unique submission key index, the ids, two times, two codes and the five texts
/// the benchmark posts). No foreign keys and no other rows: this is the ceiling, not the same work.
/// PostgreSQL through pgbench; SQLite, which pgbench cannot drive, from threads here.
/// </summary>
public static partial class RawInserts
{
    public const string Table = "bench_raw_incidents";

    /// <summary>The ids every raw row carries: the first bench manager's organisation, service, a person, and the manager.</summary>
    public sealed record Row(Guid OrganisationId, Guid ServiceId, Guid PersonId, Guid RecordedById);

    public sealed record Result(double PerSecond, long Rows, Stats Latency, string How);

    /// <summary>
    /// Creates the table, inserts for the benchmark's length, and drops the table; null when it could not run
    /// (on PostgreSQL, with no <paramref name="pgbench"/>).
    /// </summary>
    public static async Task<Result?> RunAsync(IncidentsSettings s, Row row, string? pgbench, CancellationToken ct)
    {
        var postgres = s.Provider == DatabaseProvider.Postgres;
        if (postgres && pgbench is null)
        {
            Console.WriteLine("  pgbench not found (give --pgbench <path>): no raw insert rate on PostgreSQL.");
            return null;
        }
        await using (var db = Generator.Open(s.Provider, s.Connection))
        {
            await db.Database.ExecuteSqlRawAsync($"DROP TABLE IF EXISTS {Table}", ct);
            await db.Database.ExecuteSqlRawAsync(CreateTable(postgres), ct);
            await db.Database.ExecuteSqlRawAsync($"CREATE UNIQUE INDEX ix_{Table}_key ON {Table} (organisation_id, submission_key)", ct);
        }
        try
        {
            return postgres
                ? await PgbenchAsync(pgbench!, s, row, ct)
                : await SqliteAsync(s, row, ct);
        }
        finally
        {
            await using var db = Generator.Open(s.Provider, s.Connection);
            await db.Database.ExecuteSqlRawAsync($"DROP TABLE IF EXISTS {Table}", CancellationToken.None);
        }
    }

    // The types EF gives the Incidents table's columns on each provider.
    private static string CreateTable(bool postgres)
    {
        var (id, time, text) = postgres ? ("uuid", "timestamp with time zone", "character varying") : ("TEXT", "TEXT", "TEXT");
        return $"""
            CREATE TABLE {Table} (
                id {id} NOT NULL PRIMARY KEY,
                organisation_id {id} NOT NULL,
                service_id {id} NOT NULL,
                person_id {id} NOT NULL,
                recorded_by_id {id} NOT NULL,
                submission_key {id} NOT NULL,
                occurred_at {time} NOT NULL,
                recorded_at {time} NOT NULL,
                kind INTEGER NOT NULL,
                reason INTEGER NOT NULL,
                location {text}{(postgres ? "(200)" : "")} NOT NULL,
                antecedents {text}{(postgres ? "(4000)" : "")} NOT NULL,
                de_escalation {text}{(postgres ? "(4000)" : "")} NOT NULL,
                how_used {text}{(postgres ? "(4000)" : "")} NOT NULL,
                outcome {text}{(postgres ? "(4000)" : "")} NOT NULL)
            """;
    }

    private const string Columns =
        "id, organisation_id, service_id, person_id, recorded_by_id, submission_key, occurred_at, recorded_at, kind, reason, "
        + "location, antecedents, de_escalation, how_used, outcome";

    // ------------------------------------------------------------------------------------------- PostgreSQL

    private static async Task<Result?> PgbenchAsync(string pgbench, IncidentsSettings s, Row row, CancellationToken ct)
    {
        var work = Directory.CreateTempSubdirectory("proportion-pgbench.");
        try
        {
            // Literals, not variables: with -M prepared the statement is parsed once per connection, as
            // EF's would be by Npgsql's automatic preparation. gen_random_uuid() makes version 4 ids where
            // the app makes version 7; PostgreSQL 15 has no function for those.
            var script = Path.Combine(work.FullName, "insert.sql");
            await File.WriteAllTextAsync(script, $"""
                INSERT INTO {Table} ({Columns})
                VALUES (gen_random_uuid(), '{row.OrganisationId}', '{row.ServiceId}', '{row.PersonId}', '{row.RecordedById}', gen_random_uuid(),
                        now() - interval '1 day', now(), {(int)IncidentsBenchmark.Kind}, {(int)IncidentsBenchmark.Reason},
                        '{IncidentsBenchmark.Location}', '{IncidentsBenchmark.Antecedents}', '{IncidentsBenchmark.DeEscalation}',
                        '{IncidentsBenchmark.HowUsed}', '{IncidentsBenchmark.Outcome}');

                """, ct);

            var c = new NpgsqlConnectionStringBuilder(s.Connection);
            var start = new ProcessStartInfo(pgbench)
            {
                WorkingDirectory = work.FullName,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            // pgbench's threads only wait on the server; one per core, as many as there are clients at most.
            var threads = Math.Clamp(Environment.ProcessorCount, 1, s.Clients);
            foreach (var arg in new[]
                     {
                         "-n", "-f", script, "-c", $"{s.Clients}", "-j", $"{threads}", "-T", $"{s.Seconds}", "-M", "prepared",
                         // One line per transaction, for the percentiles pgbench itself does not print.
                         "-l", "--log-prefix", Path.Combine(work.FullName, "log"),
                         "-h", c.Host ?? "localhost", "-p", $"{c.Port}", "-U", c.Username ?? Environment.UserName,
                         c.Database ?? throw new UsageException("The PostgreSQL connection string needs a Database."),
                     })
            {
                start.ArgumentList.Add(arg);
            }
            if (!string.IsNullOrEmpty(c.Password))
            {
                start.Environment["PGPASSWORD"] = c.Password;
            }
            start.Environment["PGSSLMODE"] = c.SslMode switch
            {
                SslMode.Disable => "disable",
                SslMode.Allow => "allow",
                SslMode.Require => "require",
                SslMode.VerifyCA => "verify-ca",
                SslMode.VerifyFull => "verify-full",
                _ => "prefer",
            };
            Console.WriteLine($"  {pgbench} -n -f insert.sql -c {s.Clients} -j {threads} -T {s.Seconds} -M prepared -l -h {c.Host} -p {c.Port} {c.Database}");

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {pgbench}.");
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            var output = await stdout;
            if (process.ExitCode != 0 || TpsLine().Match(output) is not { Success: true } tps)
            {
                Console.WriteLine($"  pgbench failed (exit code {process.ExitCode}); no raw insert rate:");
                Console.WriteLine(output + await stderr);
                return null;
            }
            var failed = FailedLine().Match(output) is { Success: true } f ? long.Parse(f.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
            var rows = ProcessedLine().Match(output) is { Success: true } p ? long.Parse(p.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
            return new Result(double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture), rows, Stats.Of(LoggedLatencies(work)),
                $"pgbench -M prepared, tps without initial connection time, {failed} failed");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Each logged transaction's time in ms. A log line is "client transaction time script epoch microseconds",
    /// time in microseconds; a failed transaction has a word in its place and is left out.
    /// </summary>
    private static List<double> LoggedLatencies(DirectoryInfo work)
    {
        var times = new List<double>();
        foreach (var file in work.EnumerateFiles("log.*"))
        {
            foreach (var line in File.ReadLines(file.FullName))
            {
                var fields = line.Split(' ');
                if (fields.Length > 2 && long.TryParse(fields[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var us))
                {
                    times.Add(us / 1000.0);
                }
            }
        }
        return times;
    }

    [GeneratedRegex(@"^tps = ([0-9.]+) \(without initial connection time\)", RegexOptions.Multiline)]
    private static partial Regex TpsLine();

    [GeneratedRegex(@"^number of failed transactions: (\d+)", RegexOptions.Multiline)]
    private static partial Regex FailedLine();

    [GeneratedRegex(@"^number of transactions actually processed: (\d+)", RegexOptions.Multiline)]
    private static partial Regex ProcessedLine();

    /// <summary>The path given, else pgbench on the PATH, else the newest /usr/lib/postgresql/*/bin/pgbench (Debian's layout).</summary>
    public static string? FindPgbench(string? given)
    {
        if (given is not null)
        {
            return File.Exists(given) ? given : throw new UsageException($"--pgbench {given}: no such file.");
        }
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "pgbench")).FirstOrDefault(File.Exists);
        if (onPath is not null)
        {
            return onPath;
        }
        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.EnumerateDirectories("/usr/lib/postgresql")
                .Select(dir => Path.Combine(dir, "bin", "pgbench")).Where(File.Exists)
                .OrderByDescending(path => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path))), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
    }

    // ----------------------------------------------------------------------------------------------- SQLite

    /// <summary>
    /// One thread per client, each with its own connection on the app's connection string and so with the
    /// app's settings: the app sets no pragmas, so the journal mode is whatever the file has (EF creates
    /// SQLite databases in WAL mode) and a locked database is retried by Microsoft.Data.Sqlite for up to its
    /// command timeout. Each row is its own BEGIN IMMEDIATE ... COMMIT, the transaction EF's SaveChanges opens.
    /// Threads rather than tasks: Microsoft.Data.Sqlite blocks, and 32 blocked pool threads would wait on the
    /// thread pool's slow growth instead of the database.
    /// </summary>
    private static async Task<Result?> SqliteAsync(IncidentsSettings s, Row row, CancellationToken ct)
    {
        await using (var probe = new SqliteConnection(s.Connection))
        {
            await probe.OpenAsync(ct);
            Console.WriteLine($"  SQLite {probe.ServerVersion}, journal_mode={await PragmaAsync(probe, "journal_mode", ct)}, "
                + $"synchronous={await PragmaAsync(probe, "synchronous", ct)}, busy retries for {probe.DefaultTimeout} s (the app's settings: none of its own)");
        }

        var length = TimeSpan.FromSeconds(s.Seconds);
        var errors = 0L;
        string? firstError = null;
        var start = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, s.Clients).Select(_ => Task.Factory.StartNew(() =>
        {
            var times = new List<double>();
            using var connection = new SqliteConnection(s.Connection);
            connection.Open();
            using var insert = connection.CreateCommand();
            insert.CommandText = $"""
                INSERT INTO {Table} ({Columns})
                VALUES ($id, $organisation, $service, $person, $recordedBy, $key, $occurred, $recorded, $kind, $reason,
                        $location, $antecedents, $deEscalation, $howUsed, $outcome)
                """;
            var id = insert.Parameters.Add("$id", SqliteType.Text);
            insert.Parameters.AddWithValue("$organisation", Text(row.OrganisationId));
            insert.Parameters.AddWithValue("$service", Text(row.ServiceId));
            insert.Parameters.AddWithValue("$person", Text(row.PersonId));
            insert.Parameters.AddWithValue("$recordedBy", Text(row.RecordedById));
            var key = insert.Parameters.Add("$key", SqliteType.Text);
            var occurred = insert.Parameters.Add("$occurred", SqliteType.Text);
            var recorded = insert.Parameters.Add("$recorded", SqliteType.Text);
            insert.Parameters.AddWithValue("$kind", (int)IncidentsBenchmark.Kind);
            insert.Parameters.AddWithValue("$reason", (int)IncidentsBenchmark.Reason);
            insert.Parameters.AddWithValue("$location", IncidentsBenchmark.Location);
            insert.Parameters.AddWithValue("$antecedents", IncidentsBenchmark.Antecedents);
            insert.Parameters.AddWithValue("$deEscalation", IncidentsBenchmark.DeEscalation);
            insert.Parameters.AddWithValue("$howUsed", IncidentsBenchmark.HowUsed);
            insert.Parameters.AddWithValue("$outcome", IncidentsBenchmark.Outcome);
            while (Stopwatch.GetElapsedTime(start) < length && !ct.IsCancellationRequested)
            {
                var began = Stopwatch.GetTimestamp();
                try
                {
                    using var transaction = connection.BeginTransaction();
                    insert.Transaction = transaction;
                    // Stored as EF stores them: Guids as upper-case text, times as "yyyy-MM-dd HH:mm:ss.FFFFFFF".
                    id.Value = Text(Guid.CreateVersion7());
                    key.Value = Text(Guid.NewGuid());
                    var now = DateTime.UtcNow;
                    occurred.Value = now.AddDays(-1);
                    recorded.Value = now;
                    insert.ExecuteNonQuery();
                    transaction.Commit();
                    times.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
                }
                catch (SqliteException e)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, e.Message, null);
                }
            }
            return times;
        }, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        var latencies = (await Task.WhenAll(workers)).SelectMany(t => t).ToList();
        var elapsed = Stopwatch.GetElapsedTime(start);
        return new Result(latencies.Count / elapsed.TotalSeconds, latencies.Count, Stats.Of(latencies),
            $"Microsoft.Data.Sqlite, {s.Clients} threads, {errors} failed{(firstError is null ? "" : $" (first: {firstError})")}");
    }

    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    private static async Task<string> PragmaAsync(SqliteConnection connection, string name, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return Convert.ToString(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) ?? "";
    }
}
