using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Panels;
using Proportion.Core.Rules;
using Proportion.Core.Scoping;

namespace Proportion.Web.Pages.Panels;

/// <summary>
/// The person's risk review panels on their page (R26): their referrals, the suggestion to refer each high or
/// extreme residual risk no open referral names, and the link to refer, for those who may.
/// </summary>
public sealed class PersonPanelsViewComponent(ProportionDbContext db) : ViewComponent
{
    public sealed record Model(Guid PersonId, string KnownAs, IReadOnlyList<PanelReferral> Referrals, IReadOnlyList<Finding> Suggestions, bool CanRefer);

    public async Task<IViewComponentResult> InvokeAsync(Person person)
    {
        var scope = HttpContext.Items[typeof(UserScope)] as UserScope;
        if (!scope.Allows(Permission.ReadPlans))
        {
            return Content("");
        }
        var referrals = await db.PanelReferrals.Where(r => r.PersonId == person.Id).OrderByDescending(r => r.ReferredAt).AsNoTracking().ToListAsync();
        var suggestions = await PanelRecords.SuggestionsAsync(db, person.Id);
        return View(new Model(person.Id, person.KnownAs, referrals, suggestions, scope.Allows(Permission.ReferToPanel, person.OrganisationId)));
    }
}
