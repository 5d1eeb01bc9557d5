using System.Globalization;
using Proportion.Core.Data;

namespace Proportion.Bench;

public sealed class UsageException(string message) : Exception(message);

/// <summary>"--name value" pairs, looked up by name; every command needs a provider and a connection.</summary>
public sealed class BenchOptions
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    public static BenchOptions Parse(IEnumerable<string> args)
    {
        var options = new BenchOptions();
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var name = list[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || name.Length == 2)
            {
                throw new UsageException($"Expected an option such as --provider, not '{name}'.");
            }
            var eq = name.IndexOf('=');
            if (eq > 0)
            {
                options._values[name[2..eq]] = name[(eq + 1)..];
                continue;
            }
            if (i + 1 >= list.Count)
            {
                throw new UsageException($"{name} needs a value.");
            }
            options._values[name[2..]] = list[++i];
        }
        return options;
    }

    public DatabaseProvider Provider
    {
        get
        {
            try
            {
                return DatabaseSetup.ParseProvider(Required("provider"));
            }
            catch (InvalidOperationException e)
            {
                throw new UsageException(e.Message);
            }
        }
    }

    public string Connection => Required("connection");

    public string? Text(string name)
    {
        _used.Add(name);
        return _values.GetValueOrDefault(name);
    }

    public string Required(string name) =>
        Text(name) is { Length: > 0 } value ? value : throw new UsageException($"--{name} is required.");

    public int Int(string name, int fallback, int min = 1)
    {
        var text = Text(name);
        if (text is null)
        {
            return fallback;
        }
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min)
        {
            throw new UsageException($"--{name} must be a whole number of at least {min}, not '{text}'.");
        }
        return value;
    }

    /// <summary>A misspelt option would otherwise silently fall back to its default size.</summary>
    public void RejectUnknown()
    {
        var unknown = _values.Keys.Where(k => !_used.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"Unknown option{(unknown.Count > 1 ? "s" : "")}: {string.Join(", ", unknown.Select(u => "--" + u))}.");
        }
    }
}

public sealed record GenerateSettings(
    DatabaseProvider Provider, string Connection, int Organisations, int ServicesPerOrganisation,
    int PeoplePerService, int PracticesPerPerson, int Seed, int BatchSize)
{
    public static GenerateSettings From(BenchOptions o)
    {
        var settings = new GenerateSettings(
            o.Provider, o.Connection,
            o.Int("organisations", 10), o.Int("services-per-org", 20), o.Int("people-per-service", 50),
            o.Int("practices-per-person", 10, min: 0), o.Int("seed", 2026, min: 0), o.Int("batch", 5000));
        o.RejectUnknown();
        return settings;
    }
}

public sealed record PagesSettings(
    DatabaseProvider Provider, string Connection, int Requests, int Warmup, int Organisation, string? WebDll)
{
    public static PagesSettings From(BenchOptions o)
    {
        var settings = new PagesSettings(
            o.Provider, o.Connection, o.Int("requests", 300), o.Int("warmup", 50, min: 0), o.Int("organisation", 1),
            o.Text("web-dll"));
        o.RejectUnknown();
        return settings;
    }
}

public sealed record IncidentsSettings(
    DatabaseProvider Provider, string Connection, int Clients, int Seconds, int WarmupSeconds, string? WebDll, string? Pgbench)
{
    public static IncidentsSettings From(BenchOptions o)
    {
        var settings = new IncidentsSettings(
            o.Provider, o.Connection, o.Int("clients", 32), o.Int("seconds", 30), o.Int("warmup-seconds", 60, min: 0),
            o.Text("web-dll"), o.Text("pgbench"));
        o.RejectUnknown();
        return settings;
    }
}

public sealed record DueSettings(DatabaseProvider Provider, string Connection, int Runs, int Warmup, int Organisation)
{
    public static DueSettings From(BenchOptions o)
    {
        var settings = new DueSettings(
            o.Provider, o.Connection, o.Int("runs", 30), o.Int("warmup", 5, min: 0), o.Int("organisation", 1));
        o.RejectUnknown();
        return settings;
    }
}

public sealed record CouncilSettings(DatabaseProvider Provider, string Connection, int Runs, int Warmup, int FundedPerProvider, string? WebDll)
{
    public static CouncilSettings From(BenchOptions o)
    {
        var settings = new CouncilSettings(
            o.Provider, o.Connection, o.Int("runs", 50), o.Int("warmup", 5, min: 0), o.Int("funded-per-provider", 10), o.Text("web-dll"));
        o.RejectUnknown();
        return settings;
    }
}

public sealed record AnalyticsGenerateSettings(DatabaseProvider Provider, string Connection, int Incidents, int Years, int Seed)
{
    public static AnalyticsGenerateSettings From(BenchOptions o)
    {
        var settings = new AnalyticsGenerateSettings(
            o.Provider, o.Connection, o.Int("incidents", 100_000, min: 0), o.Int("years", 3), o.Int("seed", 2026, min: 0));
        o.RejectUnknown();
        return settings;
    }
}

public sealed record AnalyticsSettings(DatabaseProvider Provider, string Connection, int Runs, int Warmup, int Organisation, bool ShowSql)
{
    public static AnalyticsSettings From(BenchOptions o)
    {
        var settings = new AnalyticsSettings(
            o.Provider, o.Connection, o.Int("runs", 20), o.Int("warmup", 3, min: 0), o.Int("organisation", 1),
            o.Int("show-sql", 0, min: 0) > 0);
        o.RejectUnknown();
        return settings;
    }
}
