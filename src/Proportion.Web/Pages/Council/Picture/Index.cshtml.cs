using Microsoft.EntityFrameworkCore;
using Proportion.Core.Commissioning;
using Proportion.Core.Data;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Council.Picture;

/// <summary>
/// The council-wide picture for commissioners (R27): every provider where the council funds people, side by
/// side, counting only those people. Each figure opens the provider's page, which lists the people it counts.
/// </summary>
[Requires(Permission.CouncilPicture)]
public class IndexModel(ProportionDbContext db, CouncilPicture picture) : ProportionPageModel
{
    public string Council { get; private set; } = "";
    public CouncilPictureView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Council = await db.Organisations.Where(o => o.Id == Scope.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        View = await picture.ReadAsync(Scope.OrganisationId, ct);
    }
}
