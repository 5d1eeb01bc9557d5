using Microsoft.EntityFrameworkCore;
using Proportion.Core.Analytics;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Rules;
using Proportion.Core.Scoping;

namespace Proportion.Core.Reporting;

/// <summary>
/// Works out a yearly report's figures (R17) for one organisation, through the reader's scope. Every count
/// is the database's own aggregation: the year's totals are summed from the monthly tallies (<see cref="RestraintTally"/>),
/// the types, reasons, deaths and serious injuries are grouped over the two years' incidents and their
/// interventions, and the months come from <see cref="RestrictionSeries"/>. No incident is loaded into memory.
/// </summary>
public sealed class ReportFigureQueries(ProportionDbContext db, RestrictionSeries series)
{
    public async Task<ReportFigures> ReadAsync(Guid organisationId, ReportingYear year, DateTime now, CancellationToken ct = default)
    {
        var before = year.Before;
        var subject = new ChartSubject(ChartSubjectKind.Organisation, organisationId);
        var interventions = await series.ReadAsync(subject, Measure.Interventions, ChartPeriod.Month, before.FirstDay, year.LastDay, ct);
        var incidents = await series.ReadAsync(subject, Measure.Incidents, ChartPeriod.Month, year.FirstDay, year.LastDay, ct);
        var months = incidents.Select((m, i) => new MonthCounts(m.Starts, (int)m.Value, (int)interventions[i + 12].Value, (int)interventions[i].Value)).ToList();
        // Two years of months, so the year's points are judged against the year before as well as each other.
        var chart = ProcessControl.Chart([.. interventions.Select(p => p.Value)]);
        var signals = chart.Where(p => p.Index >= 12 && p.Causes != SpecialCause.None)
            .Select(p => new MonthSignal(interventions[p.Index].Starts, p.Direction, p.Causes)).ToList();

        var (thisYear, yearBefore) = await TalliedAsync(organisationId, year, ct);
        var (reasons, harm) = await ReasonsAndHarmAsync(organisationId, year, ct);
        return new ReportFigures(year.Starting, now,
            thisYear with { Deaths = harm[true].Deaths, SeriousInjuries = harm[true].Serious, DeathOrSeriousInjuryNotSeparated = harm[true].NotSeparated },
            yearBefore with { Deaths = harm[false].Deaths, SeriousInjuries = harm[false].Serious, DeathOrSeriousInjuryNotSeparated = harm[false].NotSeparated },
            await TypesAsync(organisationId, year, ct), reasons, months, signals, await TrainingAsync(organisationId, year, ct));
    }

    /// <summary>Both years' totals from the monthly tallies, in one grouped query.</summary>
    private async Task<(YearCounts ThisYear, YearCounts YearBefore)> TalliedAsync(Guid organisationId, ReportingYear year, CancellationToken ct)
    {
        var first = year.Before.FirstDay;
        var split = year.FirstDay;
        var last = year.LastDay;
        var sums = await db.RestraintTallies
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
        YearCounts Of(bool thisYear) => sums.SingleOrDefault(s => s.ThisYear == thisYear) is { } s
            ? new YearCounts(s.Incidents, s.Interventions, s.People, s.Prone, s.Rapid, s.Seclusion, s.Injury, 0, 0, 0)
            : new YearCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        return (Of(true), Of(false));
    }

    private IQueryable<Incident> Incidents(Guid organisationId, ReportingYear year)
    {
        var from = year.Before.StartsAtUtc;
        var to = year.EndsAtUtc;
        return db.Incidents.Where(i => i.OrganisationId == organisationId && i.OccurredAt >= from && i.OccurredAt < to);
    }

    /// <summary>Each type of intervention and how often it was used, both years, grouped by the database.</summary>
    private async Task<IReadOnlyList<CountByKind>> TypesAsync(Guid organisationId, ReportingYear year, CancellationToken ct)
    {
        var split = year.StartsAtUtc;
        // The result selector makes this a plain join, which SQLite can run (it has no APPLY).
        var counts = await Incidents(organisationId, year)
            .SelectMany(i => i.Interventions, (i, v) => new { ThisYear = i.OccurredAt >= split, v.Type })
            .GroupBy(x => new { x.ThisYear, x.Type })
            .Select(g => new { g.Key.ThisYear, g.Key.Type, Count = g.Count() })
            .ToListAsync(ct);
        return [.. counts.GroupBy(c => c.Type).OrderBy(g => (int)g.Key)
            .Select(g => new CountByKind((int)g.Key, EnumNames.Of(g.Key),
                g.Where(c => c.ThisYear).Sum(c => c.Count), g.Where(c => !c.ThisYear).Sum(c => c.Count)))];
    }

    private sealed record Harm(int Deaths, int Serious, int NotSeparated);

    /// <summary>Each reason recorded, and the deaths and serious injuries (CQC Regulation 18), both years, in one grouped query.</summary>
    private async Task<(IReadOnlyList<CountByKind> Reasons, Dictionary<bool, Harm> Harm)> ReasonsAndHarmAsync(Guid organisationId, ReportingYear year, CancellationToken ct)
    {
        var split = year.StartsAtUtc;
        var counts = await Incidents(organisationId, year)
            .GroupBy(i => new { ThisYear = i.OccurredAt >= split, i.Reason })
            .Select(g => new
            {
                g.Key.ThisYear,
                g.Key.Reason,
                Count = g.Count(),
                Deaths = g.Sum(i => i.Died == true ? 1 : 0),
                Serious = g.Sum(i => i.SeriousInjury == true ? 1 : 0),
                NotSeparated = g.Sum(i => i.Died == null || i.SeriousInjury == null ? 1 : 0),
            })
            .ToListAsync(ct);
        var reasons = counts.GroupBy(c => c.Reason).OrderBy(g => (int)g.Key)
            .Select(g => new CountByKind((int)g.Key, EnumNames.Of(g.Key),
                g.Where(c => c.ThisYear).Sum(c => c.Count), g.Where(c => !c.ThisYear).Sum(c => c.Count)))
            .ToList();
        var harm = new[] { true, false }.ToDictionary(y => y, y => new Harm(
            counts.Where(c => c.ThisYear == y).Sum(c => c.Deaths),
            counts.Where(c => c.ThisYear == y).Sum(c => c.Serious),
            counts.Where(c => c.ThisYear == y).Sum(c => c.NotSeparated)));
        return (reasons, harm);
    }

    /// <summary>
    /// R15 on the year's last day, for the staff who may use restrictive interventions (the roles that record
    /// incidents) with an account today: how many held in-date certified training, judged by <see cref="CertifiedTraining"/>
    /// from the records made by then. Staff are counted in hundreds, so their records are read and judged here.
    /// </summary>
    private async Task<TrainingShare> TrainingAsync(Guid organisationId, ReportingYear year, CancellationToken ct)
    {
        var roles = Permissions.RolesWith(Permission.RecordIncidents).ToList();
        var staff = await db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == organisationId && u.IsActive
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))))
            .Select(u => u.Id).ToListAsync(ct);
        var on = year.LastDay;
        var records = await db.TrainingRecords.AsNoTracking()
            .Where(t => t.OrganisationId == organisationId && t.Course == TrainingCourse.RestrictiveInterventions && t.CompletedOn <= on)
            .ToListAsync(ct);
        var byStaff = records.ToLookup(r => r.UserId);
        return new TrainingShare(on, staff.Count, staff.Count(id => CertifiedTraining.Holds(byStaff[id], on)));
    }
}
