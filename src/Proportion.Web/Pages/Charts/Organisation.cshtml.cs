using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Analytics;
using Proportion.Core.Data;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Charts;

/// <summary>The whole organisation's restriction over time as statistical process control charts (R14), for those who answer for it.</summary>
[Requires(Permission.OrganisationOverview)]
public class OrganisationModel(ProportionDbContext db, RestrictionSeries series, ChartChanges changes, TimeProvider clock) : ChartPageModel(series, changes, clock)
{
    private string _name = "";

    public override ChartSubject Subject => new(ChartSubjectKind.Organisation, Scope.OrganisationId);
    public override string SubjectName => _name;
    public override string SubjectPhrase => $"across {_name}";
    public override string BackLink => Links.Organisation();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        _name = await db.Organisations.Where(o => o.Id == Scope.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        return await ShowAsync(ct);
    }
}
