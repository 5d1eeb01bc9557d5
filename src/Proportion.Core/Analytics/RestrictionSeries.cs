using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;

namespace Proportion.Core.Analytics;

/// <summary>Whose restriction a chart counts.</summary>
public enum ChartSubjectKind
{
    Person = 1,
    Service = 2,
    Organisation = 3,
    /// <summary>The people a council funds, in every provider.</summary>
    Council = 4,
    /// <summary>The people a council funds in one provider: <see cref="ChartSubject.Id"/> is the council, <see cref="ChartSubject.ProviderId"/> the provider.</summary>
    CouncilProvider = 5,
}

/// <summary>
/// A person, a service, an organisation, the people a council funds, or those of them in one provider
/// (<paramref name="ProviderId"/>, for <see cref="ChartSubjectKind.CouncilProvider"/> only).
/// </summary>
public sealed record ChartSubject(ChartSubjectKind Kind, Guid Id, Guid ProviderId = default)
{
    /// <summary>The council's funded people in one provider, as its commissioners' picture draws them.</summary>
    public static ChartSubject CouncilProvider(Guid councilId, Guid providerId) => new(ChartSubjectKind.CouncilProvider, councilId, providerId);

    /// <summary>Counts only the people a council funds, whose providers' own figures its users may not see.</summary>
    public bool IsCouncils => Kind is ChartSubjectKind.Council or ChartSubjectKind.CouncilProvider;
}

/// <summary>One period's value: its first day, and the count.</summary>
public sealed record SeriesPoint(DateOnly Starts, double Value);

/// <summary>
/// The values a chart draws (R14): one <see cref="Measure"/> for one <see cref="ChartSubject"/>, one point per
/// week or month, with the periods that had nothing shown as zero. Flows are summed by the database from
/// <see cref="RestraintTally"/> rows; stocks are read from the register at the end of each period. Every read
/// goes through the user's scope, so a chart never counts what its reader may not see.
/// </summary>
public sealed class RestrictionSeries(ProportionDbContext db)
{
    /// <summary>
    /// The values from the period holding <paramref name="from"/> to the one holding <paramref name="to"/>.
    /// A stock is read on the last day of each period, or on <paramref name="to"/> for the period not yet over.
    /// </summary>
    public async Task<IReadOnlyList<SeriesPoint>> ReadAsync(ChartSubject subject, Measure measure, ChartPeriod period,
        DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var starts = Periods.Between(from, to, period);
        if (starts.Count == 0)
        {
            return [];
        }
        var values = measure.IsStock()
            ? await StocksAsync(subject, measure, period, starts, to, ct)
            : await FlowsAsync(subject, measure, period, starts[0], to, ct);
        return [.. starts.Select(s => new SeriesPoint(s, values.GetValueOrDefault(s)))];
    }

    private async Task<Dictionary<DateOnly, double>> FlowsAsync(ChartSubject subject, Measure measure, ChartPeriod period,
        DateOnly first, DateOnly to, CancellationToken ct)
    {
        if (measure == Measure.PeopleRestrained)
        {
            return await Tallies(subject).Where(t => t.Period == period && t.Starts >= first && t.Starts <= to)
                .GroupBy(t => t.Starts)
                .Select(g => new { g.Key, People = g.Select(t => t.PersonId).Distinct().Count() })
                .ToDictionaryAsync(g => g.Key, g => (double)g.People, ct);
        }
        // A service or an organisation sums one row per service and period; a person or a council's funded
        // people (in every provider or in one) sum the people's own rows, since a council user sees only some of a service's people.
        var values = subject.Kind is ChartSubjectKind.Service or ChartSubjectKind.Organisation
            ? ServiceTallies(subject).Where(t => t.Period == period && t.Starts >= first && t.Starts <= to).Select(Column<ServiceTally>(measure))
            : Tallies(subject).Where(t => t.Period == period && t.Starts >= first && t.Starts <= to).Select(Column<RestraintTally>(measure));
        return await values.GroupBy(v => v.Starts)
            .Select(g => new { g.Key, Sum = g.Sum(v => v.Value) })
            .ToDictionaryAsync(g => g.Key, g => (double)g.Sum, ct);
    }

    /// <summary>The tally column a flow measure sums.</summary>
    private static Expression<Func<T, PeriodValue>> Column<T>(Measure measure) where T : TallyCounts, IPeriodTally => measure switch
    {
        Measure.Incidents => t => new PeriodValue { Starts = t.Starts, Value = t.Incidents },
        Measure.Interventions => t => new PeriodValue { Starts = t.Starts, Value = t.Interventions },
        Measure.RestraintMinutes => t => new PeriodValue { Starts = t.Starts, Value = t.RestraintMinutes },
        Measure.Prone => t => new PeriodValue { Starts = t.Starts, Value = t.Prone },
        Measure.RapidTranquillisation => t => new PeriodValue { Starts = t.Starts, Value = t.RapidTranquillisation },
        Measure.Injuries => t => new PeriodValue { Starts = t.Starts, Value = t.WithInjury },
        Measure.Seclusion => t => new PeriodValue { Starts = t.Starts, Value = t.Seclusion },
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "Not counted from incidents."),
    };

    private IQueryable<ServiceTally> ServiceTallies(ChartSubject subject) => subject.Kind == ChartSubjectKind.Service
        ? db.ServiceTallies.Where(t => t.ServiceId == subject.Id)
        : db.ServiceTallies.Where(t => t.OrganisationId == subject.Id);

    private sealed class PeriodValue
    {
        public DateOnly Starts { get; init; }
        public int Value { get; init; }
    }

    private IQueryable<RestraintTally> Tallies(ChartSubject subject) => subject.Kind switch
    {
        ChartSubjectKind.Person => db.RestraintTallies.Where(t => t.PersonId == subject.Id),
        ChartSubjectKind.Service => db.RestraintTallies.Where(t => t.ServiceId == subject.Id),
        ChartSubjectKind.Organisation => db.RestraintTallies.Where(t => t.OrganisationId == subject.Id),
        ChartSubjectKind.CouncilProvider => db.RestraintTallies.Where(t => t.OrganisationId == subject.ProviderId && t.Person!.FundingCouncilId == subject.Id),
        _ => db.RestraintTallies.Where(t => t.Person!.FundingCouncilId == subject.Id),
    };

    /// <summary>
    /// Practices in place, or people with at least one, on the last day of each period. A practice counts from
    /// its start date while agreed or under review, and until its end date once ended; a proposal never counts,
    /// nor a practice ended without ever being agreed. Only the dates of the subject's practices are read.
    /// </summary>
    private async Task<Dictionary<DateOnly, double>> StocksAsync(ChartSubject subject, Measure measure, ChartPeriod period,
        IReadOnlyList<DateOnly> starts, DateOnly to, CancellationToken ct)
    {
        var practices = await Practices(subject)
            .Where(p => p.Status == PracticeStatus.Agreed || p.Status == PracticeStatus.UnderReview
                || (p.Status == PracticeStatus.Ended && db.Decisions.Any(d => d.PracticeId == p.Id && d.Status == DecisionStatus.Agreed)))
            .Where(p => p.StartDate <= to)
            .Select(p => new { p.PersonId, p.StartDate, p.EndDate })
            .ToListAsync(ct);
        var values = new Dictionary<DateOnly, double>();
        foreach (var start in starts)
        {
            var end = Periods.EndOf(start, period);
            var on = end < to ? end : to;
            var inPlace = practices.Where(p => p.StartDate <= on && (p.EndDate is null || p.EndDate > on));
            values[start] = measure == Measure.PracticesInPlace ? inPlace.Count() : inPlace.Select(p => p.PersonId).Distinct().Count();
        }
        return values;
    }

    private IQueryable<RestrictivePractice> Practices(ChartSubject subject) => subject.Kind switch
    {
        ChartSubjectKind.Person => db.Practices.Where(p => p.PersonId == subject.Id),
        ChartSubjectKind.Service => db.Practices.Where(p => p.ServiceId == subject.Id),
        ChartSubjectKind.Organisation => db.Practices.Where(p => p.OrganisationId == subject.Id),
        ChartSubjectKind.CouncilProvider => db.Practices.Where(p => p.OrganisationId == subject.ProviderId && p.Person!.FundingCouncilId == subject.Id),
        _ => db.Practices.Where(p => p.Person!.FundingCouncilId == subject.Id),
    };
}
