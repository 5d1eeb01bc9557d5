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
    /// writing it back could lose one.
    /// </summary>
    public static async Task AddAsync(ProportionDbContext db, Incident incident, CancellationToken ct = default)
    {
        foreach (var period in Enum.GetValues<ChartPeriod>())
        {
            var t = RestraintTally.For(incident, period);
            object[] counts = [t.Incidents, t.Emergencies, t.Interventions, t.RestraintMinutes, t.Prone, t.RapidTranquillisation, t.Seclusion, t.WithInjury];
            await UpsertAsync(db, "RestraintTallies", ["PersonId", "ServiceId", "Period", "Starts"],
                [t.PersonId, t.ServiceId, (int)t.Period, t.Starts], t.OrganisationId, counts, ct);
            await UpsertAsync(db, "ServiceTallies", ["ServiceId", "Period", "Starts"],
                [t.ServiceId, (int)t.Period, t.Starts], t.OrganisationId, counts, ct);
        }
    }

    private static Task<int> UpsertAsync(ProportionDbContext db, string table, string[] key, object[] keyValues, Guid organisationId,
        object[] counts, CancellationToken ct)
    {
        string[] columns = ["OrganisationId", .. key, .. Counts];
        var sql = $"""
            INSERT INTO "{table}" ({string.Join(", ", columns.Select(c => $"\"{c}\""))})
            VALUES ({string.Join(", ", columns.Select((_, n) => $"{{{n}}}"))})
            ON CONFLICT ({string.Join(", ", key.Select(c => $"\"{c}\""))}) DO UPDATE SET
            {string.Join(", ", Counts.Select(c => $"\"{c}\" = \"{table}\".\"{c}\" + excluded.\"{c}\""))}
            """;
        return db.Database.ExecuteSqlRawAsync(sql, [organisationId, .. keyValues, .. counts], ct);
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
