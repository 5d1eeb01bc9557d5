using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Liberty;
using Proportion.Core.Model;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Liberty;

/// <summary>R6: a person's deprivation of liberty screenings and authorisations, with the dates due.</summary>
[Requires(Permission.ReadPeople)]
public class IndexModel(ProportionDbContext db, AuditTrail audit, TimeProvider clock) : ProportionPageModel
{
    public Person Person { get; private set; } = null!;
    public LibertyRoute Route { get; private set; }
    public List<LibertyScreening> Screenings { get; private set; } = [];
    public List<(LibertyAuthorisation Application, IReadOnlyList<LibertyDeadline> Deadlines)> Applications { get; private set; } = [];
    public bool CanEdit => Scope.Allows(Permission.EditPractices, Person.OrganisationId);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var person = await db.People.Include(p => p.Service).AsNoTracking().SingleOrDefaultAsync(p => p.Id == id);
        if (person is null)
        {
            return NotFound();
        }
        Person = person;
        Route = DeprivationOfLibertyRoute.For(person.Service!.SettingType);
        Screenings = await db.LibertyScreenings.AsNoTracking().Where(s => s.PersonId == id).OrderByDescending(s => s.AssessedOn).ToListAsync();
        var today = UkTime.Today(clock);
        Applications = [.. (await db.LibertyAuthorisations.AsNoTracking().Where(a => a.PersonId == id).OrderByDescending(a => a.RequestedOn).ToListAsync())
            .Select(a => (a, LibertyRecords.Deadlines(a, today)))];
        await audit.RecordViewAsync(person, "deprivation of liberty records");
        return Page();
    }
}
