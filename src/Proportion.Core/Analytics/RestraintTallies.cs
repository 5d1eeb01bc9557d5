using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;

namespace Proportion.Core.Analytics;

/// <summary>
/// Keeps <see cref="RestraintTally"/> and <see cref="ServiceTally"/> rows: each recorded incident is added to
/// its person's and its service's weekly and monthly tallies in the same transaction as the incident, so the
/// charts never count incidents themselves (ADR 0027).
/// </summary>
public static class RestraintTallies
{
    /// <summary>The counted columns, in the order every statement here lists them.</summary>
    private static readonly string[] Counts =
        ["Incidents", "Emergencies", "Interventions", "RestraintMinutes", "Prone", "RapidTranquillisation", "Seclusion", "WithInjury"];

    /// <summary>
    /// Adds one incident to the person's and the service's weekly and monthly tallies: four statements, each
    /// <c>INSERT … ON CONFLICT DO UPDATE SET n = n + excluded.n</c>, which SQLite and PostgreSQL spell the same.
    /// Two incidents recorded at once for the same week each add their own, where reading the row first and
    /// writing it back could lose one. The four go in one command, one round trip, always in the same order
    /// (so two incidents of one service take the service's rows in the same order and cannot deadlock), with
    /// the same text every time, so PostgreSQL plans it once per connection.
    /// </summary>
    public static Task<int> AddAsync(ProportionDbContext db, Incident incident, CancellationToken ct = default)
    {
        var values = new List<object>(AddSqlParameters);
        foreach (var period in Periods)
        {
            var t = RestraintTally.For(incident, period);
            object[] counts = [t.Incidents, t.Emergencies, t.Interventions, t.RestraintMinutes, t.Prone, t.RapidTranquillisation, t.Seclusion, t.WithInjury];
            values.AddRange([t.OrganisationId, t.PersonId, t.ServiceId, (int)t.Period, t.Starts, .. counts]);
            values.AddRange([t.OrganisationId, t.ServiceId, (int)t.Period, t.Starts, .. counts]);
        }
        return db.Database.ExecuteSqlRawAsync(AddSql, values, ct);
    }

    private static readonly ChartPeriod[] Periods = Enum.GetValues<ChartPeriod>();

    private static readonly string[] PersonKey = ["PersonId", "ServiceId", "Period", "Starts"];
    private static readonly string[] ServiceKey = ["ServiceId", "Period", "Starts"];
    private static readonly int AddSqlParameters = Periods.Length * (PersonKey.Length + ServiceKey.Length + 2 * (1 + Counts.Length));

    /// <summary>For each period, the person's upsert then the service's; parameters numbered on through all four.</summary>
    private static readonly string AddSql = string.Join(";\n", Periods.SelectMany((_, n) =>
    {
        var first = n * (PersonKey.Length + ServiceKey.Length + 2 * (1 + Counts.Length));
        return new[]
        {
            Upsert("RestraintTallies", PersonKey, first),
            Upsert("ServiceTallies", ServiceKey, first + 1 + PersonKey.Length + Counts.Length),
        };
    }));

    private static string Upsert(string table, string[] key, int firstParameter)
    {
        string[] columns = ["OrganisationId", .. key, .. Counts];
        return $"""
            INSERT INTO "{table}" ({string.Join(", ", columns.Select(c => $"\"{c}\""))})
            VALUES ({string.Join(", ", columns.Select((_, n) => $"{{{firstParameter + n}}}"))})
            ON CONFLICT ({string.Join(", ", key.Select(c => $"\"{c}\""))}) DO UPDATE SET
            {string.Join(", ", Counts.Select(c => $"\"{c}\" = \"{table}\".\"{c}\" + excluded.\"{c}\""))}
            """;
    }

    /// <summary>
    /// Every service's tallies as the sum of its people's: run once by the migration that made the service
    /// tallies (over the people's tallies kept until then) and by the bench after a bulk load.
    /// </summary>
    public static readonly string ServiceTalliesFromPeopleSql = $"""
        INSERT INTO "ServiceTallies" ("OrganisationId", "ServiceId", "Period", "Starts", {string.Join(", ", Counts.Select(c => $"\"{c}\""))})
        SELECT "OrganisationId", "ServiceId", "Period", "Starts", {string.Join(", ", Counts.Select(c => $"SUM(\"{c}\")"))}
        FROM "RestraintTallies"
        GROUP BY "OrganisationId", "ServiceId", "Period", "Starts"
        """;

    /// <summary>
    /// Adds up every incident already recorded, once, into an empty table: run straight after the migration
    /// that creates it (<see cref="Data.Migrations.RestraintTallies"/>), under the system scope, which sees every
    /// incident. Reads incidents in batches, so a large history never sits in memory at once.
    /// </summary>
    public static async Task RebuildAsync(ProportionDbContext db, CancellationToken ct = default)
    {
        const int batch = 2000;
        for (var skip = 0; ; skip += batch)
        {
            var incidents = await db.Incidents.AsNoTracking().Include(i => i.Interventions)
                .OrderBy(i => i.Id).Skip(skip).Take(batch).AsSplitQuery().ToListAsync(ct);
            if (incidents.Count == 0)
            {
                return;
            }
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var incident in incidents)
            {
                await AddAsync(db, incident, ct);
            }
            await transaction.CommitAsync(ct);
        }
    }
}
