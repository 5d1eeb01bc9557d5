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
public class IndexModel(ProportionDbContext db, TimeProvider clock) : ProportionPageModel
{
    public Person Person => Subjects.Person!;
    public LibertyRoutes Routes { get; private set; } = null!;
    public List<LibertyScreening> Screenings { get; private set; } = [];
    public List<(LibertyAuthorisation Application, IReadOnlyList<LibertyDeadline> Deadlines)> Applications { get; private set; } = [];
    public bool CanEdit => Scope.Allows(Permission.EditPractices, Person.OrganisationId);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var today = UkTime.Today(clock);
        Routes = LibertyRecords.RoutesFor(Person, today);
        Screenings = await db.LibertyScreenings.AsNoTracking().Where(s => s.PersonId == id).OrderByDescending(s => s.AssessedOn).ToListAsync();
        var all = await db.LibertyAuthorisations.AsNoTracking().Where(a => a.PersonId == id).OrderByDescending(a => a.RequestedOn).ThenByDescending(a => a.RecordedAt).ToListAsync();
        Applications = [.. all.Select(a => (a, LibertyDeadlines.For(a, all, today)))];
        return Page();
    }

    /// <summary>For an urgent authorisation: the standard request it was given with, in words.</summary>
    public string StandardRequestOf(LibertyAuthorisation urgent) =>
        urgent.StandardRequestId is { } sid && Applications.Select(x => x.Application).FirstOrDefault(a => a.Id == sid) is { } standard
            ? $"Requested {UkTime.Format(standard.RequestedOn)}: {Display.Name(standard.Outcome).ToLowerInvariant()}"
            : "No linked standard request recorded (recorded before urgent authorisations were linked to one)";
}
