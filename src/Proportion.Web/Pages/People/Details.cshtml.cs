using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.People;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.People;

[Requires(Permission.ReadPeople)]
public class DetailsModel(ProportionDbContext db, AuditTrail audit) : ProportionPageModel
{
    public Person Person { get; private set; } = null!;
    public string? FundingCouncil { get; private set; }
    public string? SocialWorker { get; private set; }
    public bool CanEdit => Scope.Allows(Permission.EditPeople, Person.OrganisationId);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var person = await db.People.Include(p => p.Service).Include(p => p.Representatives).AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == id);
        if (person is null)
        {
            return NotFound();
        }
        Person = person;
        FundingCouncil = await db.Organisations.Where(o => o.Id == person.FundingCouncilId).Select(o => o.Name).SingleOrDefaultAsync();
        SocialWorker = await db.Users.Where(u => u.Id == person.SocialWorkerId).Select(u => u.DisplayName).SingleOrDefaultAsync();
        await audit.RecordViewAsync(person, "details");
        return Page();
    }
}
