using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Incidents;

/// <summary>An incident the user may see, with its person: the base of every page about one incident.</summary>
public abstract class IncidentPageModel(ProportionDbContext db) : ProportionPageModel
{
    protected ProportionDbContext Db { get; } = db;

    public Incident Incident { get; private set; } = null!;

    public Person Person => Incident.Person!;

    protected async Task<IActionResult?> LoadIncidentAsync(Guid id)
    {
        var incident = await Db.Incidents.Include(i => i.Person).ThenInclude(p => p!.Service).AsNoTracking()
            .SingleOrDefaultAsync(i => i.Id == id);
        if (incident is null)
        {
            return NotFound();
        }
        Incident = incident;
        return null;
    }

    /// <summary>Writes happen within the user's own organisation only; council users read.</summary>
    protected bool IsOwnOrganisation => Incident.OrganisationId == Scope.OrganisationId;

    protected IActionResult Done(string message)
    {
        Confirm(message);
        return Redirect(Links.Incident(Incident.Id));
    }
}
