using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Incidents;
using Proportion.Core.Model;

namespace Proportion.Core.Analytics;

/// <summary>The columns of one incident a patterns page reads: never the whole record.</summary>
public sealed record PatternIncident(Guid Id, Guid ServiceId, DateTime OccurredAt, string Location, InterventionReason Reason);

/// <summary>One intervention's type and times, with its incident.</summary>
public sealed record PatternIntervention(Guid IncidentId, DateTime OccurredAt, InterventionType Type, DateTime StartedAt, DateTime EndedAt);

/// <summary>One member of staff named on an incident.</summary>
public sealed record PatternStaff(Guid IncidentId, Guid? UserId, string Name);

/// <summary>What happened before an incident, in the staff's words, with when it happened.</summary>
public sealed record PatternAntecedent(Guid IncidentId, DateTime OccurredAt, string Text);

public sealed record PlaceCount(string Place, int Incidents);

public sealed record ReasonCount(InterventionReason Reason, int Incidents);

/// <summary>Staff are counted by their account when they have one, otherwise by the name written.</summary>
public sealed record StaffCount(string Name, Guid? UserId, int Incidents);

/// <summary>How often one type of intervention was used, in how many incidents, and how long it lasted.</summary>
public sealed record TypeFigures(InterventionType Type, int Incidents, int Uses, double? MedianMinutes, int? LongestMinutes);

/// <summary>
/// What a person's or a service's incidents over a window say (§8.10, §8.11): when they happen (time of day
/// by day of week, in England's local time), where, which types and how long each lasts, why, who was involved,
/// and the latest antecedents, so a review can read them.
/// </summary>
public sealed record IncidentPatterns(
    PatternWindow Window,
    int Incidents,
    int Interventions,
    IReadOnlyList<IReadOnlyList<int>> TimeOfDay,
    IReadOnlyList<PlaceCount> Places,
    IReadOnlyList<TypeFigures> Types,
    IReadOnlyList<ReasonCount> Reasons,
    IReadOnlyList<StaffCount> Staff,
    IReadOnlyList<PatternAntecedent> Antecedents,
    IReadOnlyDictionary<DateOnly, int> IncidentsByMonth,
    IReadOnlyDictionary<DateOnly, int> InterventionsByMonth,
    Guid? OnlyService)
{
    /// <summary>Three-hour bands of the day: the rows of the time-of-day table.</summary>
    public const int HoursPerBand = 3;
    public const int Bands = 24 / HoursPerBand;
    /// <summary>How many antecedents are shown: the latest.</summary>
    public const int AntecedentsShown = 20;

    /// <summary>"00–03", "03–06", … "21–24".</summary>
    public static string BandLabel(int band) => $"{band * HoursPerBand:00}–{(band + 1) * HoursPerBand:00}";

    /// <summary>The band (row) and day from Monday (column) an instant falls in, on a clock in England.</summary>
    public static (int Band, int Day) CellOf(DateTime utc)
    {
        var local = UkTime.ToLondon(utc);
        return (local.Hour / HoursPerBand, ((int)local.DayOfWeek + 6) % 7);
    }

    /// <summary>The first day of the month an instant falls in, in England.</summary>
    public static DateOnly MonthOf(DateTime utc)
    {
        var local = UkTime.ToLondon(utc);
        return new DateOnly(local.Year, local.Month, 1);
    }

    /// <summary>A place as written, for grouping: trimmed, inner spaces collapsed, case ignored.</summary>
    public static string PlaceKey(string place) =>
        string.Join(' ', place.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    /// <summary>Adds up the columns read for a window. Pure, so each table is unit-tested without a database.</summary>
    public static IncidentPatterns From(PatternWindow window, IReadOnlyList<PatternIncident> incidents,
        IReadOnlyList<PatternIntervention> interventions, IReadOnlyList<PatternStaff> staff, IReadOnlyList<PatternAntecedent> antecedents)
    {
        var grid = Enumerable.Range(0, Bands).Select(_ => new int[7]).ToArray();
        foreach (var incident in incidents)
        {
            var (band, day) = CellOf(incident.OccurredAt);
            grid[band][day]++;
        }

        // The spelling shown for a place is the one written most often, the latest on a tie.
        var places = incidents
            .GroupBy(i => PlaceKey(i.Location))
            .Select(g => new PlaceCount(
                g.GroupBy(i => i.Location.Trim()).OrderByDescending(s => s.Count()).ThenByDescending(s => s.Max(i => i.OccurredAt)).First().Key,
                g.Count()))
            .OrderByDescending(p => p.Incidents).ThenBy(p => p.Place, StringComparer.OrdinalIgnoreCase)
            .ToList();

        var types = interventions
            .GroupBy(x => x.Type)
            .Select(g =>
            {
                var minutes = g.Select(x => (int)Math.Round((x.EndedAt - x.StartedAt).TotalMinutes)).Order().ToList();
                return new TypeFigures(g.Key, g.Select(x => x.IncidentId).Distinct().Count(), g.Count(), MonthFigures.Median(minutes), minutes[^1]);
            })
            .OrderByDescending(t => t.Uses).ThenBy(t => t.Type)
            .ToList();

        var reasons = incidents
            .GroupBy(i => i.Reason)
            .Select(g => new ReasonCount(g.Key, g.Count()))
            .OrderByDescending(r => r.Incidents).ThenBy(r => r.Reason)
            .ToList();

        var people = staff
            .GroupBy(s => s.UserId is { } user ? user.ToString() : "name:" + PlaceKey(s.Name))
            .Select(g => new StaffCount(g.Last().Name.Trim(), g.First().UserId, g.Select(s => s.IncidentId).Distinct().Count()))
            .OrderByDescending(s => s.Incidents).ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

        var services = incidents.Select(i => i.ServiceId).Distinct().ToList();
        return new IncidentPatterns(
            window,
            incidents.Count,
            interventions.Count,
            grid,
            places,
            types,
            reasons,
            people,
            [.. antecedents.OrderByDescending(a => a.OccurredAt).Take(AntecedentsShown)],
            incidents.GroupBy(i => MonthOf(i.OccurredAt)).ToDictionary(g => g.Key, g => g.Count()),
            interventions.GroupBy(x => MonthOf(x.OccurredAt)).ToDictionary(g => g.Key, g => g.Count()),
            services.Count == 1 ? services[0] : null);
    }
}

/// <summary>
/// Reads a person's or a service's incidents over a window for <see cref="IncidentPatterns"/>, through the
/// user's scope. Only the columns the tables need are read, for the subject's incidents in the window (both
/// bounded by the indexes on service or person and time); the latest antecedents are read apart, 20 at most.
/// </summary>
public sealed class IncidentPatternReader(ProportionDbContext db)
{
    public async Task<IncidentPatterns> ReadAsync(ChartSubject subject, PatternWindow window, CancellationToken ct = default)
    {
        var fromUtc = UkTime.EndOfDay(window.From.AddDays(-1));
        var toUtc = UkTime.EndOfDay(window.To);
        var inWindow = Of(subject).Where(i => i.OccurredAt >= fromUtc && i.OccurredAt < toUtc);

        var incidents = await inWindow
            .Select(i => new PatternIncident(i.Id, i.ServiceId, i.OccurredAt, i.Location, i.Reason))
            .ToListAsync(ct);
        var interventions = await inWindow
            .SelectMany(i => i.Interventions, (i, x) => new PatternIntervention(i.Id, i.OccurredAt, x.Type, x.StartedAt, x.EndedAt))
            .ToListAsync(ct);
        var staff = await inWindow
            .SelectMany(i => i.Staff, (i, s) => new PatternStaff(i.Id, s.UserId, s.Name))
            .ToListAsync(ct);
        var antecedents = await inWindow
            .OrderByDescending(i => i.OccurredAt)
            .Take(IncidentPatterns.AntecedentsShown)
            .Select(i => new PatternAntecedent(i.Id, i.OccurredAt, i.Antecedents))
            .ToListAsync(ct);
        return IncidentPatterns.From(window, incidents, interventions, staff, antecedents);
    }

    private IQueryable<Incident> Of(ChartSubject subject) => subject.Kind switch
    {
        ChartSubjectKind.Person => db.Incidents.AsNoTracking().Where(i => i.PersonId == subject.Id),
        ChartSubjectKind.Service => db.Incidents.AsNoTracking().Where(i => i.ServiceId == subject.Id),
        _ => throw new ArgumentOutOfRangeException(nameof(subject), subject.Kind, "Patterns are read for a person or a service."),
    };
}
