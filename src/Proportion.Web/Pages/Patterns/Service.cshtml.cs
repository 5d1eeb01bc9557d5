using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Analytics;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Patterns;

/// <summary>One count and its rates: per person supported, per 1,000 occupied bed days and per 1,000 hours of support.</summary>
public sealed record RateRow(string Measure, int Count, double? PerPerson, MonthlyRate PerThousandBedDays, MonthlyRate PerThousandSupportHours);

/// <summary>
/// What a service's incidents say over a window (§8.10), with rates so services of different sizes can be
/// compared (R14): seen by those who collate the service's incidents.
/// </summary>
[Requires(Permission.ServiceIncidents)]
public class ServiceModel(IncidentPatternReader reader, ProportionDbContext db, TimeProvider clock) : PatternsPageModel(reader, clock)
{
    public Service Service => Subjects.Service!;
    public int PeopleSupported { get; private set; }
    public IReadOnlyList<RateRow> Rates { get; private set; } = [];
    public bool CanRecordOccupancy { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        CanRecordOccupancy = Scope.Allows(Permission.ManageIncidents, Service.OrganisationId);
        var patterns = await ReadAsync(new ChartSubject(ChartSubjectKind.Service, id));
        if (patterns is null)
        {
            return Page();
        }
        View = new PatternsView(patterns, query => Links.ServiceIncidents(id, query), null, Links.Incident);

        var ct = HttpContext.RequestAborted;
        PeopleSupported = await db.People.CountAsync(p => p.ServiceId == id, ct);
        var firstMonth = new DateOnly(patterns.Window.From.Year, patterns.Window.From.Month, 1);
        var months = await db.ServiceOccupancy.AsNoTracking()
            .Where(o => o.ServiceId == id && o.Month >= firstMonth && o.Month <= patterns.Window.To)
            .Select(o => new { o.Month, o.OccupiedBedDays, o.SupportHours })
            .ToListAsync(ct);
        var bedDays = months.ToDictionary(m => m.Month, m => m.OccupiedBedDays);
        var hours = months.ToDictionary(m => m.Month, m => m.SupportHours);
        RateRow Row(string measure, int count, IReadOnlyDictionary<DateOnly, int> byMonth) => new(measure, count,
            Core.Analytics.Rates.PerPerson(count, PeopleSupported),
            Core.Analytics.Rates.PerThousandOverMonths(patterns.Window.From, patterns.Window.To, byMonth, bedDays),
            Core.Analytics.Rates.PerThousandOverMonths(patterns.Window.From, patterns.Window.To, byMonth, hours));
        Rates =
        [
            Row("Incidents", patterns.Incidents, patterns.IncidentsByMonth),
            Row("Interventions", patterns.Interventions, patterns.InterventionsByMonth),
        ];
        return Page();
    }
}
