using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Scoping;

namespace Proportion.Web.Pages.Safeguarding;

/// <summary>
/// Safeguarding on the person's page (R20): for those who read concerns, the person's open ones; for staff who
/// raise them, their own (each leading to its receipt, or a draft to finish); and the way to raise one.
/// </summary>
public sealed class PersonSafeguardingViewComponent(ProportionDbContext db) : ViewComponent
{
    public sealed record Model(Guid PersonId, string KnownAs, IReadOnlyList<SafeguardingConcern> Concerns, int Closed, bool ReadsConcerns, bool CanRaise);

    public async Task<IViewComponentResult> InvokeAsync(Person person)
    {
        var scope = HttpContext.Items[typeof(UserScope)] as UserScope;
        var reads = scope.Allows(Permission.ReadSafeguarding);
        var canRaise = scope.Allows(Permission.RaiseSafeguarding, person.OrganisationId);
        if (!reads && !canRaise)
        {
            return Content("");
        }
        // Staff who do not read concerns see only their own: the query filter already holds that; this says it here too.
        var concerns = db.SafeguardingConcerns.AsNoTracking().Where(c => c.PersonId == person.Id && (reads || c.RaisedById == scope!.UserId));
        var open = await concerns.Where(c => c.Status != SafeguardingStatus.Closed).OrderByDescending(c => c.RaisedAt).ToListAsync();
        var closed = await concerns.CountAsync(c => c.Status == SafeguardingStatus.Closed);
        return View(new Model(person.Id, person.KnownAs, open, closed, reads, canRaise));
    }
}
