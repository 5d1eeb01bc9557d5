using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Services;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Services;

[Requires(Permission.ReadServices)]
public class DetailsModel(ProportionDbContext db) : ProportionPageModel
{
    public sealed record PersonRow(Guid Id, string Name, int PracticesInPlace);

    public Service Service => Subjects.Service!;
    public List<PersonRow> People { get; private set; } = [];
    public bool CanEdit => Scope.Allows(Permission.ManageServices, Service.OrganisationId);
    /// <summary>Training records are the provider's own: council users and other providers see none.</summary>
    public bool CanSeeTraining => Scope.Allows(Permission.ReadTraining) && Service.OrganisationId == Scope.OrganisationId;
    public bool CanSeeOpenList => Scope.Allows(Permission.ServiceOpenList);
    public bool CanSeePeople => Scope.Allows(Permission.ReadPeople);
    /// <summary>The council whose safeguarding adults team receives the service's concerns (R20); null when not set.</summary>
    public string? LocalCouncil { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        LocalCouncil = Service.LocalCouncilId is { } council ? await db.Organisations.Where(o => o.Id == council).Select(o => o.Name).SingleOrDefaultAsync() : null;
        if (CanSeePeople)
        {
            People = await db.People.AsNoTracking().Where(p => p.ServiceId == id)
                .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName)
                .Select(p => new PersonRow(p.Id, (p.PreferredName ?? p.GivenName) + " " + p.FamilyName,
                    db.Practices.Count(rp => rp.PersonId == p.Id && (rp.Status == PracticeStatus.Agreed || rp.Status == PracticeStatus.UnderReview))))
                .ToListAsync();
        }
        return Page();
    }
}
