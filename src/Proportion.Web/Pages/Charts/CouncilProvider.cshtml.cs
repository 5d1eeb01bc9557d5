using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Analytics;
using Proportion.Core.Data;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Charts;

/// <summary>
/// Restriction over time for the people the user's council funds at one provider (R14, R27): the same charts
/// as the whole council's, so a commissioner can tell a provider's signal from its noise. A provider where
/// the council funds nobody is not found.
/// </summary>
[Requires(Permission.CouncilPicture)]
public class CouncilProviderModel(ProportionDbContext db, RestrictionSeries series, ChartChanges changes, TimeProvider clock) : ChartPageModel(series, changes, clock)
{
    private string _provider = "";
    private string _council = "";
    private Guid _providerId;

    public override ChartSubject Subject => ChartSubject.CouncilProvider(Scope.OrganisationId, _providerId);
    public override string SubjectName => $"People {_council} funds at {_provider}";
    public override string SubjectPhrase => $"for the people {_council} funds at {_provider}";
    public override string BackLink => Links.CouncilPictureProvider(_providerId);

    public async Task<IActionResult> OnGetAsync(Guid organisationId, CancellationToken ct)
    {
        var council = Scope.OrganisationId;
        if (!await db.People.AnyAsync(p => p.OrganisationId == organisationId && p.FundingCouncilId == council, ct))
        {
            return NotFound();
        }
        _providerId = organisationId;
        _provider = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(ct);
        _council = await db.Organisations.Where(o => o.Id == council).Select(o => o.Name).SingleAsync(ct);
        return await ShowAsync(ct);
    }
}
