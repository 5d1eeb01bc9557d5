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
    public LibertyRoute Route { get; private set; }
    public List<LibertyScreening> Screenings { get; private set; } = [];
    public List<(LibertyAuthorisation Application, IReadOnlyList<LibertyDeadline> Deadlines)> Applications { get; private set; } = [];
    public bool CanEdit => Scope.Allows(Permission.EditPractices, Person.OrganisationId);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Route = DeprivationOfLibertyRoute.For(Person.Service!.SettingType);
        Screenings = await db.LibertyScreenings.AsNoTracking().Where(s => s.PersonId == id).OrderByDescending(s => s.AssessedOn).ToListAsync();
        var today = UkTime.Today(clock);
        Applications = [.. (await db.LibertyAuthorisations.AsNoTracking().Where(a => a.PersonId == id).OrderByDescending(a => a.RequestedOn).ToListAsync())
            .Select(a => (a, LibertyRecords.Deadlines(a, today)))];
        return Page();
    }
}
