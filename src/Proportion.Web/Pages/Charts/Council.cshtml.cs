using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Analytics;
using Proportion.Core.Data;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Charts;

/// <summary>
/// Restriction over time for the people the user's council funds, in every provider (R14): the council's
/// commissioners and social workers watch for creep across the places they pay for. Only the people the
/// council funds are counted, through the same scope as their records.
/// </summary>
[Requires(Permission.CouncilCharts)]
public class CouncilModel(ProportionDbContext db, RestrictionSeries series, ChartChanges changes, TimeProvider clock) : ChartPageModel(series, changes, clock)
{
    private string _name = "";

    public override ChartSubject Subject => new(ChartSubjectKind.Council, Scope.OrganisationId);
    public override string SubjectName => $"People {_name} funds";
    public override string SubjectPhrase => $"for the people {_name} funds";
    public override string BackLink => Links.Home();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        _name = await db.Organisations.Where(o => o.Id == Scope.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        return await ShowAsync(ct);
    }
}
