using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.People;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.People;

[Authorize(Policy = Policies.ReadPeople)]
public class IndexModel(ProportionDbContext db) : ProportionPageModel
{
    public sealed record Row(Guid Id, string Name, string? PreferredName, string Service, DateOnly DateOfBirth, int PracticesInPlace);

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public List<Row> Rows { get; private set; } = [];
    public bool CanAdd => Scope.IsProviderStaff && Scope.IsInAnyRole(PersonRecords.Editors) && !Scope.IsReadOnly;

    public async Task OnGetAsync()
    {
        var people = db.People.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Search) && Search.Length <= 100)
        {
            var term = Search.Trim().ToLower();
            people = people.Where(p => (p.GivenName + " " + p.FamilyName).ToLower().Contains(term)
                || (p.PreferredName != null && p.PreferredName.ToLower().Contains(term)));
        }
        Rows = await people.OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName)
            .Select(p => new Row(p.Id, p.GivenName + " " + p.FamilyName, p.PreferredName, p.Service!.Name, p.DateOfBirth,
                db.Practices.Count(rp => rp.PersonId == p.Id && rp.Status != PracticeStatus.Ended)))
            .Take(500)
            .ToListAsync();
    }
}
