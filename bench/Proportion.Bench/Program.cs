using Proportion.Bench;

// Hand-parsed arguments: System.CommandLine is not in the central package list, and a handful of
// options per command do not need it.
const string Usage = """
    Proportion.Bench: fills a database at scale, times pages, the due work and the charts' reads against
    their queries, and records incidents through the app against the database's raw insert rate.

      generate --provider Sqlite|Postgres --connection "<connection string>"
               [--organisations 10] [--services-per-org 20] [--people-per-service 50]
               [--practices-per-person 10] [--seed 2026] [--batch 5000]
          Migrates an empty database and fills it. Each organisation gets a service manager
          (manager<N>@bench.example, assigned to its first service) and a senior manager
          (senior<N>@bench.example); every password is Bench-password-2026.

      pages    --provider Sqlite|Postgres --connection "<connection string>"
               [--requests 300] [--warmup 50] [--organisation 1] [--web-dll <path>]
          Starts Proportion.Web on that database, signs in as manager<N>@bench.example and
          times the person register page and the service's open list against the same queries
          run directly with a DbContext, in the same run.

      incidents --provider Sqlite|Postgres --connection "<connection string>"
               [--clients 32] [--seconds 30] [--warmup-seconds 5] [--web-dll <path>] [--pgbench <path>]
          Starts Proportion.Web on that database; the clients sign in as the bench's service managers
          (one cookie each) and post new emergency incidents back to back through
          POST /people/{id}/incidents/new, for the warm-up and then the measured seconds. Then, with as
          many connections for as long, inserts one comparable row per transaction into a throwaway
          table (pgbench -M prepared on PostgreSQL, threads here on SQLite) and prints the ratio.
          Exits 1 if any post failed or the incident count did not rise by the posts recorded.

      due      --provider Sqlite|Postgres --connection "<connection string>"
               [--runs 30] [--warmup 5] [--organisation 1]
          Times DueWork, every due and overdue item, for manager<N>@bench.example's service and for
          senior<N>@bench.example's whole organisation, each against one hand-written SQL query for
          the same answer, in the same run. Exits 1 if the two answers differ.

      reminders --provider Sqlite|Postgres --connection "<connection string>"
          Runs the reminder job as the app does, one provider organisation at a time, twice (the first round
          sends what is due, the second finds it sent), printing each organisation's time and the managed
          memory held after it, then the process's peak working set.

      council  --provider Sqlite|Postgres --connection "<connection string>"
               [--runs 50] [--warmup 5] [--funded-per-provider 10] [--web-dll <path>]
          Makes Bench Council 001 fund that many people at every generated provider (2,000 across 200
          providers with --organisations 200), gives it commissioner@bench.example, and times the council
          picture page /council/picture and its queries against one hand-written SQL statement of the
          same grouped counts, in the same run. Exits 1 if the two answers differ.

      analytics-generate --provider Sqlite|Postgres --connection "<connection string>"
               [--incidents 100000] [--years 3] [--seed 2026]
          Adds that many incidents over the years ending today to a database generate filled (e.g.
          50 x 100 x 4 people, 1 practice each), with 1 to 3 interventions each and their weekly and
          monthly restraint tallies, by the database's bulk path (binary COPY on PostgreSQL, one
          transaction of prepared INSERTs on SQLite), then rebuilds the indexes and analyses.

      analytics --provider Sqlite|Postgres --connection "<connection string>"
               [--runs 20] [--warmup 3] [--organisation 1] [--show-sql 1]
          Times, under the system scope, one service's weekly SPC chart over three years, the national
          monthly counts and the yearly report's figures for one organisation, each read from the
          tallies, against the database's own GROUP BY over the incidents for the same answer, in the
          same run. Exits 1 if the answers differ.

      explain  --provider Sqlite|Postgres --connection "<connection string>" [--organisation 1]
          Prints the SQL of the two pages' queries under the manager's scope, and of DueWork's queries
          for the manager's service and the senior manager's organisation, with the plans.

      drop     --provider Sqlite|Postgres --connection "<connection string>"
          Deletes the database (run.sh uses it on a PostgreSQL server it did not start).
    """;

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}

try
{
    var options = BenchOptions.Parse(args.Skip(1));
    using var cancel = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        cancel.Cancel();
    };
    switch (args[0])
    {
        case "generate":
            await Generator.RunAsync(GenerateSettings.From(options), cancel.Token);
            return 0;
        case "pages":
            return await PagesBenchmark.RunAsync(PagesSettings.From(options), cancel.Token);
        case "council":
            return await CouncilBenchmark.RunAsync(CouncilSettings.From(options), cancel.Token);
        case "incidents":
            return await IncidentsBenchmark.RunAsync(IncidentsSettings.From(options), cancel.Token);
        case "due":
            return await DueBenchmark.RunAsync(DueSettings.From(options), cancel.Token);
        case "reminders":
            return await RemindersBenchmark.RunAsync(DueSettings.From(options), cancel.Token);
        case "analytics-generate":
            await AnalyticsGenerator.RunAsync(AnalyticsGenerateSettings.From(options), cancel.Token);
            return 0;
        case "analytics":
            return await AnalyticsBenchmark.RunAsync(AnalyticsSettings.From(options), cancel.Token);
        case "explain":
            var organisation = options.Int("organisation", 1);
            await Explain.RunAsync(options.Provider, options.Connection, organisation, cancel.Token);
            return 0;
        case "drop":
            await Generator.DropAsync(options.Provider, options.Connection);
            return 0;
        default:
            Console.Error.WriteLine($"Unknown command '{args[0]}'.");
            Console.Error.WriteLine(Usage);
            return 2;
    }
}
catch (UsageException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine();
    Console.Error.WriteLine(Usage);
    return 2;
}
catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException)
{
    Console.Error.WriteLine($"Failed: {e.Message}");
    return 1;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}
