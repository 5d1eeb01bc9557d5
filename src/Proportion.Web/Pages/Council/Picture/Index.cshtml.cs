using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Commissioning;
using Proportion.Core.Data;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Council.Picture;

/// <summary>
/// The council-wide picture for commissioners (R27): every provider where the council funds people, side by
/// side, counting only those people. Each figure opens the provider's page, which lists the people it counts.
/// The figures are worked out for every provider at once; the page shows them <see cref="PageSize"/> at a time.
/// </summary>
[Requires(Permission.CouncilPicture)]
public class IndexModel(ProportionDbContext db, CouncilPicture picture) : ProportionPageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public string Council { get; private set; } = "";
    public CouncilPictureView View { get; private set; } = null!;
    public IReadOnlyList<ProviderPicture> Shown { get; private set; } = [];
    public int Pages { get; private set; } = 1;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Council = await db.Organisations.Where(o => o.Id == Scope.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        View = await picture.ReadAsync(Scope.OrganisationId, ct);
        Pages = Math.Max(1, (View.Providers.Count + PageSize - 1) / PageSize);
        // A page number out of range, typed or left from when there were more providers, shows the nearest page.
        ModelState.Remove(nameof(PageNumber));
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Shown = [.. View.Providers.Skip((PageNumber - 1) * PageSize).Take(PageSize)];
    }

    public string PageUrl(int page) => Links.CouncilPicture(page);
}
