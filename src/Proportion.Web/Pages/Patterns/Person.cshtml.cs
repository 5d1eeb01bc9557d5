using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Analytics;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Patterns;

/// <summary>
/// What a person's incidents say over a window (§8.11): seen by whoever may see the person's incidents.
/// Counts only: a rate per person supported means nothing for one person.
/// </summary>
[Requires(Permission.ReadPeople)]
public class PersonModel(IncidentPatternReader reader, ProportionDbContext db, TimeProvider clock) : PatternsPageModel(reader, clock)
{
    public Person Person => Subjects.Person!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var patterns = await ReadAsync(new ChartSubject(ChartSubjectKind.Person, id));
        if (patterns is null)
        {
            return Page();
        }
        // The service's list can show just this person's incidents when they all happened in one service the user may list.
        Func<string, string>? listLink = null;
        if (patterns.OnlyService is { } service && Scope.Allows(Permission.ServiceIncidents)
            && await db.Services.AnyAsync(s => s.Id == service, HttpContext.RequestAborted))
        {
            listLink = query => Links.ServiceIncidents(service, query);
        }
        View = new PatternsView(patterns, listLink, id, Links.Incident);
        return Page();
    }
}
