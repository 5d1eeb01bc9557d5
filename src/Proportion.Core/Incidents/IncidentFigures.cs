using Proportion.Core.Model;

namespace Proportion.Core.Incidents;

/// <summary>
/// The counts the NHS publishes for restrictive interventions (R14), for one month: interventions,
/// incidents, people, minutes of physical restraint (mean, median, maximum), prone restraint, rapid
/// tranquillisation and injuries. Months are calendar months in England.
/// </summary>
public sealed record MonthFigures(
    DateOnly Month, int Incidents, int Interventions, int People, int Emergencies,
    double? MeanRestraintMinutes, double? MedianRestraintMinutes, int? MaxRestraintMinutes,
    int Prone, int RapidTranquillisation, int IncidentsWithInjury)
{
    public static IReadOnlyList<MonthFigures> ByMonth(IEnumerable<Incident> incidents) => ByMonth(incidents.Select(IncidentCounted.Of));

    public static IReadOnlyList<MonthFigures> ByMonth(IEnumerable<IncidentCounted> incidents) =>
        incidents
            .GroupBy(i => { var local = UkTime.ToLondon(i.OccurredAt); return new DateOnly(local.Year, local.Month, 1); })
            .OrderBy(g => g.Key)
            .Select(g => For(g.Key, g.ToList()))
            .ToList();

    public static MonthFigures For(DateOnly month, IReadOnlyCollection<Incident> incidents) => For(month, incidents.Select(IncidentCounted.Of).ToList());

    public static MonthFigures For(DateOnly month, IReadOnlyCollection<IncidentCounted> incidents)
    {
        var interventions = incidents.SelectMany(i => i.Interventions).ToList();
        var minutes = interventions.Where(i => i.Type.IsPhysicalRestraint()).Select(i => i.Minutes).Order().ToList();
        return new MonthFigures(
            month,
            incidents.Count,
            interventions.Count,
            incidents.Select(i => i.PersonId).Distinct().Count(),
            incidents.Count(i => i.Kind == IncidentKind.Emergency),
            minutes.Count == 0 ? null : minutes.Average(),
            Median(minutes),
            minutes.Count == 0 ? null : minutes[^1],
            interventions.Count(i => i.Type.IsProne()),
            interventions.Count(i => i.Type.IsRapidTranquillisation()),
            incidents.Count(i => i.Interventions.Any(x => x.Injury) || i.SeriousInjury != false || i.Died == true));
    }

    /// <summary>The middle value of a sorted list; the mean of the middle two when the count is even.</summary>
    public static double? Median(IReadOnlyList<int> sorted) => sorted.Count switch
    {
        0 => null,
        var n when n % 2 == 1 => sorted[n / 2],
        var n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    };
}

/// <summary>
/// Only what the monthly figures count of an incident: a page reads these columns, never the incident's
/// words, so counting a service's history costs little whatever was written.
/// </summary>
public sealed record IncidentCounted(DateTime OccurredAt, Guid PersonId, IncidentKind Kind, bool? Died, bool? SeriousInjury, IReadOnlyList<InterventionCounted> Interventions)
{
    /// <summary>The database projection: translated to a select of these columns and of the interventions'.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Incident, IncidentCounted>> Projection = i => new IncidentCounted(
        i.OccurredAt, i.PersonId, i.Kind, i.Died, i.SeriousInjury,
        i.Interventions.Select(x => new InterventionCounted(x.Type, x.StartedAt, x.EndedAt, x.InjuryToPerson || x.InjuryToStaff || x.InjuryToOthers)).ToList());

    public static IncidentCounted Of(Incident i) => new(i.OccurredAt, i.PersonId, i.Kind, i.Died, i.SeriousInjury,
        [.. i.Interventions.Select(x => new InterventionCounted(x.Type, x.StartedAt, x.EndedAt, x.InjuryToPerson || x.InjuryToStaff || x.InjuryToOthers))]);
}

public sealed record InterventionCounted(InterventionType Type, DateTime StartedAt, DateTime EndedAt, bool Injury)
{
    public int Minutes => (int)Math.Round((EndedAt - StartedAt).TotalMinutes);
}
