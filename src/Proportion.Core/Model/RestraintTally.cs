using Proportion.Core.Analytics;

namespace Proportion.Core.Model;

/// <summary>
/// What one person's incidents in one service added up to in one week or one month (R14). Kept as each
/// incident is recorded, in the same transaction, so a chart reads a few rows per period however many
/// incidents there are, and no page loads incidents to count them. Incidents never change what these
/// count (corrections amend their words only, R16), so a tally is only ever added to.
/// </summary>
public class RestraintTally : TallyCounts, IPeriodTally, ITenantOwned
{
    public Guid OrganisationId { get; set; }
    /// <summary>The person's service when the incidents happened, as on the incident.</summary>
    public Guid ServiceId { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public ChartPeriod Period { get; set; }
    /// <summary>The period's first day in England: a Monday, or the 1st of a month.</summary>
    public DateOnly Starts { get; set; }

    /// <summary>What one incident adds to the tally of the period it happened in.</summary>
    public static RestraintTally For(Incident incident, ChartPeriod period)
    {
        var day = DateOnly.FromDateTime(UkTime.ToLondon(incident.OccurredAt));
        return new RestraintTally
        {
            OrganisationId = incident.OrganisationId,
            ServiceId = incident.ServiceId,
            PersonId = incident.PersonId,
            Period = period,
            Starts = Periods.StartOf(day, period),
            Incidents = 1,
            Emergencies = incident.Kind == IncidentKind.Emergency ? 1 : 0,
            Interventions = incident.Interventions.Count,
            RestraintMinutes = incident.Interventions.Where(i => i.Type.IsPhysicalRestraint()).Sum(i => i.Minutes),
            Prone = incident.Interventions.Count(i => i.Type.IsProne()),
            RapidTranquillisation = incident.Interventions.Count(i => i.Type.IsRapidTranquillisation()),
            Seclusion = incident.Interventions.Count(i => i.Type == InterventionType.Seclusion),
            WithInjury = incident.AnyInjury || incident.SeriousInjury != false || incident.Died == true ? 1 : 0,
        };
    }
}

/// <summary>What incidents in a period add up to: the counts a person's and a service's tallies share.</summary>
public abstract class TallyCounts
{
    public int Incidents { get; set; }
    public int Emergencies { get; set; }
    public int Interventions { get; set; }
    public int RestraintMinutes { get; set; }
    public int Prone { get; set; }
    public int RapidTranquillisation { get; set; }
    public int Seclusion { get; set; }
    /// <summary>Incidents in which anyone was injured, or that recorded a death or serious injury.</summary>
    public int WithInjury { get; set; }
}

/// <summary>
/// A whole service's incidents in one week or month: the sum of its people's <see cref="RestraintTally"/> rows,
/// kept beside them in the same transaction, so a service's, an organisation's or the country's chart reads
/// one row per service and period, not one per person. People restrained are counted from the people's rows.
/// </summary>
public class ServiceTally : TallyCounts, IPeriodTally, ITenantOwned
{
    public Guid OrganisationId { get; set; }
    public Guid ServiceId { get; set; }
    public ChartPeriod Period { get; set; }
    public DateOnly Starts { get; set; }
}

/// <summary>A tally's period: what a chart groups by.</summary>
public interface IPeriodTally
{
    ChartPeriod Period { get; }
    DateOnly Starts { get; }
}
