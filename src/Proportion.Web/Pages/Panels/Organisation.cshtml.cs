using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Panels;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Panels;

/// <summary>
/// The organisation's risk review panels (R26), for those who answer for it: every open referral (waiting
/// for the panel, or with actions overdue), and the decided ones grouped by reason, risk band and practice
/// category in each service, so a senior manager sees whether services decide similar risks alike.
/// </summary>
[Requires(Permission.OrganisationOverview)]
public class OrganisationModel(ProportionDbContext db, TimeProvider clock) : ProportionPageModel
{
    public IReadOnlyList<OpenReferral> Open { get; private set; } = [];
    public IReadOnlyList<ConsistencyRow> Consistency { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Today = UkTime.Today(clock);
        Open = await PanelQueries.OpenAsync(db, Scope.OrganisationId, Today);
        Consistency = await PanelQueries.ConsistencyAsync(db, Scope.OrganisationId);
        return Page();
    }
}
