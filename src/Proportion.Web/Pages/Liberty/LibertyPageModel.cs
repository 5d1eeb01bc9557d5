using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Liberty;

/// <summary>The person whose liberty records a form adds to, loaded within the user's own organisation.</summary>
public abstract class LibertyPageModel(ProportionDbContext db) : ProportionPageModel
{
    public Person Person { get; private set; } = null!;

    protected async Task<IActionResult?> LoadPersonAsync(Guid id)
    {
        var person = await db.People.Include(p => p.Service).AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == id && p.OrganisationId == Scope.OrganisationId);
        if (person is null)
        {
            return NotFound();
        }
        Person = person;
        return null;
    }

    protected IActionResult Done(string message)
    {
        Confirm(message);
        return Redirect(Links.Liberty(Person.Id));
    }
}
