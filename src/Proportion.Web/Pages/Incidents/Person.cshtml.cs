using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Incidents;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Incidents;

/// <summary>A person's incident history, newest first, with their figures by month (R14).</summary>
[Requires(Permission.ReadPeople)]
public class PersonModel(ProportionDbContext db, TimeProvider clock) : ProportionPageModel
{
    public Person Person => Subjects.Person!;
    public List<Incident> Incidents { get; private set; } = [];
    public IReadOnlyList<MonthFigures> Months { get; private set; } = [];
    public MonthFigures? Total { get; private set; }
    public DateTime Now { get; private set; }
    public bool CanRecord { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        CanRecord = Scope.Allows(Permission.RecordIncidents, Person.OrganisationId);
        Incidents = await db.Incidents.AsNoTracking().Where(i => i.PersonId == id).OrderByDescending(i => i.OccurredAt).AsSplitQuery().ToListAsync();
        Months = MonthFigures.ByMonth(Incidents);
        Total = Incidents.Count == 0 ? null : MonthFigures.For(default, Incidents);
        return Page();
    }
}
