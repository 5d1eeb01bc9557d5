using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Incidents;
using Proportion.Core.Model;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Incidents;

/// <summary>
/// A service's incidents, collated so patterns show (§8.10, R14): filterable, with the NHS's monthly counts.
/// </summary>
[Requires(Permission.ServiceIncidents)]
public class ServiceModel(ProportionDbContext db, TimeProvider clock) : ProportionPageModel
{
    /// <summary>The list shows the latest rows; the monthly figures always count every match.</summary>
    public const int MaxRows = 200;

    [BindProperty(SupportsGet = true, Name = "Filter")]
    public IncidentFilter Filter { get; set; } = new();

    public Service Service => Subjects.Service!;
    public List<Incident> Incidents { get; private set; } = [];
    public int Matches { get; private set; }
    public IReadOnlyList<MonthFigures> Months { get; private set; } = [];
    public MonthFigures? Total { get; private set; }
    public List<SelectListItem> PeopleChoices { get; private set; } = [];
    public List<SelectListItem> StaffChoices { get; private set; } = [];
    public DateTime Now { get; private set; }
    public bool CanExport { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var service = Service;
        Now = clock.GetUtcNow().UtcDateTime;
        CanExport = Scope.Allows(Permission.ManageIncidents, service.OrganisationId);
        PeopleChoices = [new("Everyone", ""), .. await db.People.AsNoTracking().Where(p => p.ServiceId == id)
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName)
            .Select(p => new { p.Id, Name = (p.PreferredName ?? p.GivenName) + " " + p.FamilyName })
            .AsAsyncEnumerable().Select(p => new SelectListItem(p.Name, p.Id.ToString())).ToListAsync()];
        StaffChoices = [new("Anyone", ""), .. await db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == service.OrganisationId && db.ServiceAssignments.Any(a => a.UserId == u.Id && a.ServiceId == id))
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName })
            .AsAsyncEnumerable().Select(u => new SelectListItem(u.DisplayName, u.Id.ToString())).ToListAsync()];

        var query = Filter.Apply(db.Incidents.AsNoTracking().Where(i => i.ServiceId == id), ModelState, UkTime.Today(clock));
        if (query is null)
        {
            return Page();
        }
        Incidents = await query.Include(i => i.Person).OrderByDescending(i => i.OccurredAt).Take(MaxRows).AsSplitQuery().ToListAsync();
        // The figures count every match from the columns they need, not the incidents' words.
        var counted = await query.Select(IncidentCounted.Projection).AsSplitQuery().ToListAsync();
        Matches = counted.Count;
        Months = MonthFigures.ByMonth(counted);
        Total = counted.Count == 0 ? null : MonthFigures.For(default, counted);
        return Page();
    }

    public bool ReviewOverdue(Incident incident) => IncidentDuties.ManagerReviewOverdue(incident, Now);
}
