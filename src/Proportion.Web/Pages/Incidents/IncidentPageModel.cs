using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Incidents;

/// <summary>An incident the user may see, with its person: the base of every page about one incident.</summary>
public abstract class IncidentPageModel(ProportionDbContext db) : ProportionPageModel
{
    protected ProportionDbContext Db { get; } = db;

    /// <summary>The incident the route names, with its person and their service, loaded before the page runs.</summary>
    public Incident Incident => Subjects.Incident!;

    public Person Person => Incident.Person!;

    /// <summary>Writes happen within the user's own organisation only; council users read.</summary>
    protected bool IsOwnOrganisation => Incident.OrganisationId == Scope.OrganisationId;

    protected IActionResult Done(string message)
    {
        Confirm(message);
        return Redirect($"/incidents/{Incident.Id}");
    }
}
