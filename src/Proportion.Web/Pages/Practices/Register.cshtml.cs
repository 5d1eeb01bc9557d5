using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Practices;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Practices;

/// <summary>
/// Form RP1, the person's register: every potentially restrictive practice in place, with the total,
/// so the cumulative restriction on one life is visible at a glance (procedure Appendix 1).
/// </summary>
[Requires(Permission.ReadPeople)]
public class RegisterModel(ProportionDbContext db, AuditTrail audit, TimeProvider clock) : ProportionPageModel
{
    public Person Person { get; private set; } = null!;
    public List<RestrictivePractice> InPlace { get; private set; } = [];
    public List<RestrictivePractice> Ended { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool CanEdit => Scope.Allows(Permission.EditPractices, Person.OrganisationId);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var person = await db.People.Include(p => p.Service).AsNoTracking().SingleOrDefaultAsync(p => p.Id == id);
        if (person is null)
        {
            return NotFound();
        }
        Person = person;
        Today = UkTime.Today(clock);
        var practices = await db.Practices.AsNoTracking().Where(p => p.PersonId == id)
            .OrderBy(p => p.Status).ThenBy(p => p.StartDate).ToListAsync();
        InPlace = [.. practices.Where(p => p.IsInPlace)];
        Ended = [.. practices.Where(p => !p.IsInPlace).OrderByDescending(p => p.EndDate)];
        await audit.RecordViewAsync(person, "register of restrictive practices");
        return Page();
    }
}
