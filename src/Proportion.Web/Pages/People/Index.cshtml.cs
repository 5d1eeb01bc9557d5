using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.People;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.People;

[Requires(Permission.ReadPeople)]
public class IndexModel(ProportionDbContext db) : ProportionPageModel
{
    public sealed record Row(Guid Id, string Name, string? PreferredName, string Service, DateOnly DateOfBirth, int PracticesInPlace);

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    /// <summary>The most a page lists; more than this and the page says so and asks for a search.</summary>
    public const int Limit = 500;

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public bool CanAdd => Scope.Allows(Permission.EditPeople);

    public async Task OnGetAsync()
    {
        var people = db.People.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim().ToLower();
            people = people.Where(p => (p.GivenName + " " + p.FamilyName).ToLower().Contains(term)
                || (p.PreferredName != null && p.PreferredName.ToLower().Contains(term)));
        }
        Total = await people.CountAsync();
        Rows = await people.OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName)
            .Select(p => new Row(p.Id, p.GivenName + " " + p.FamilyName, p.PreferredName, p.Service!.Name, p.DateOfBirth,
                db.Practices.Count(rp => rp.PersonId == p.Id && (rp.Status == PracticeStatus.Agreed || rp.Status == PracticeStatus.UnderReview))))
            .Take(Limit)
            .ToListAsync();
    }
}
