using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;

namespace Proportion.Core.Analytics;

/// <summary>
/// Keeps <see cref="RestraintTally"/> rows: each recorded incident is added to its person's weekly and
/// monthly tally in the same transaction as the incident, so the charts never count incidents themselves.
/// </summary>
public static class RestraintTallies
{
    /// <summary>
    /// Adds one incident to its two tallies. One statement per period, <c>INSERT … ON CONFLICT DO UPDATE</c>,
    /// which SQLite and PostgreSQL both spell the same way: two incidents recorded at once for the same person
    /// and week each add their own, where reading the row first and writing it back could lose one.
    /// </summary>
    public static async Task AddAsync(ProportionDbContext db, Incident incident, CancellationToken ct = default)
    {
        foreach (var period in Enum.GetValues<ChartPeriod>())
        {
            var t = RestraintTally.For(incident, period);
            var periodValue = (int)t.Period;
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "RestraintTallies" ("OrganisationId", "ServiceId", "PersonId", "Period", "Starts", "Incidents", "Emergencies",
                    "Interventions", "RestraintMinutes", "Prone", "RapidTranquillisation", "Seclusion", "WithInjury")
                VALUES ({t.OrganisationId}, {t.ServiceId}, {t.PersonId}, {periodValue}, {t.Starts}, {t.Incidents}, {t.Emergencies},
                    {t.Interventions}, {t.RestraintMinutes}, {t.Prone}, {t.RapidTranquillisation}, {t.Seclusion}, {t.WithInjury})
                ON CONFLICT ("PersonId", "ServiceId", "Period", "Starts") DO UPDATE SET
                    "Incidents" = "RestraintTallies"."Incidents" + excluded."Incidents",
                    "Emergencies" = "RestraintTallies"."Emergencies" + excluded."Emergencies",
                    "Interventions" = "RestraintTallies"."Interventions" + excluded."Interventions",
                    "RestraintMinutes" = "RestraintTallies"."RestraintMinutes" + excluded."RestraintMinutes",
                    "Prone" = "RestraintTallies"."Prone" + excluded."Prone",
                    "RapidTranquillisation" = "RestraintTallies"."RapidTranquillisation" + excluded."RapidTranquillisation",
                    "Seclusion" = "RestraintTallies"."Seclusion" + excluded."Seclusion",
                    "WithInjury" = "RestraintTallies"."WithInjury" + excluded."WithInjury"
                """, ct);
        }
    }

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
