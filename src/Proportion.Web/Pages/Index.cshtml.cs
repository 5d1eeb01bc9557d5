using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages;

/// <summary>The start page: where the user's work is, and what needs attention in what they can see.</summary>
public class IndexModel(ProportionDbContext db, TimeProvider clock) : ProportionPageModel
{
    public string OrganisationName { get; private set; } = "";
    public int People { get; private set; }
    public int Proposed { get; private set; }
    public int ReviewsOverdue { get; private set; }
    public bool CanReadPeople { get; private set; }

    public async Task OnGetAsync()
    {
        OrganisationName = await db.Organisations.Where(o => o.Id == Scope.OrganisationId).Select(o => o.Name).SingleOrDefaultAsync() ?? "";
        CanReadPeople = Scope.Allows(Policies.ReadPeople);
        if (CanReadPeople)
        {
            var today = UkTime.Today(clock);
            People = await db.People.CountAsync();
            Proposed = await db.Practices.CountAsync(p => p.Status == PracticeStatus.Proposed);
            ReviewsOverdue = await db.Practices.CountAsync(p => p.Status != PracticeStatus.Ended && p.Status != PracticeStatus.Proposed && p.ReviewDate < today);
        }
    }
}
