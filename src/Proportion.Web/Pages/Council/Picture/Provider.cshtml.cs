using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Commissioning;
using Proportion.Core.Data;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Council.Picture;

/// <summary>
/// One provider in the council's picture (R27): the people the council funds there, by service and one by
/// one, each figure linked to the person's own records. A provider where the council funds nobody is not found.
/// </summary>
[Requires(Permission.CouncilPicture)]
public class ProviderModel(ProportionDbContext db, CouncilPicture picture) : ProportionPageModel
{
    public string Council { get; private set; } = "";
    public ProviderPictureView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid organisationId, CancellationToken ct)
    {
        if (await picture.ReadProviderAsync(Scope.OrganisationId, organisationId, ct) is not { } view)
        {
            return NotFound();
        }
        View = view;
        Council = await db.Organisations.Where(o => o.Id == Scope.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        return Page();
    }
}
