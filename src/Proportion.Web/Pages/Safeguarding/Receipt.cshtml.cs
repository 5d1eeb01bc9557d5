using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Safeguarding;

/// <summary>
/// What the member of staff who raised a concern may know of it once sent (R20): that it was sent, and whether
/// and when the council received it. Never its details, nor the council's steps.
/// </summary>
[Requires(Permission.RaiseSafeguarding)]
public class ReceiptModel(ProportionDbContext db) : SafeguardingPageModel(db)
{
    public async Task<IActionResult> OnGetAsync(Guid concernId)
    {
        if (!await LoadConcernAsync(concernId, "the receipt for a safeguarding concern"))
        {
            return NotFound();
        }
        return Concern.Status == SafeguardingStatus.Draft ? Redirect(CheckUrl) : Page();
    }
}
