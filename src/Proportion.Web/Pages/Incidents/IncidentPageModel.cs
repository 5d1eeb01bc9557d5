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

    protected IActionResult Done(string message)
    {
        Confirm(message);
        return Redirect(Links.Incident(Incident.Id));
    }
}
