using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Safeguarding;

/// <summary>
/// The safeguarding concerns the user may read (R20), by where they have got to: for the provider's managers,
/// those of the people in their services; for the council's safeguarding adults team, those sent to their
/// council. The concerns' query filter decides which, and never lists one to the member of staff it names.
/// </summary>
[Requires(Permission.ReadSafeguarding)]
public class IndexModel(ProportionDbContext db) : ProportionPageModel
{
    public const int PageSize = 200;

    /// <summary>"open" (everything not closed, the default), "all", or a status.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    public List<SafeguardingConcern> Concerns { get; private set; } = [];
    public bool IsCouncil => !Scope.IsProviderStaff;
    public bool CanRaise => Scope.Allows(Permission.RaiseSafeguarding);

    public List<SelectListItem> ShowOptions =>
    [
        new("Open: not closed", "open"),
        .. Enum.GetValues<SafeguardingStatus>().Where(s => !IsCouncil || s != SafeguardingStatus.Draft).Select(s => new SelectListItem(Display.Name(s), s.ToString())),
        new("All", "all"),
    ];

    public async Task<IActionResult> OnGetAsync()
    {
        var concerns = db.SafeguardingConcerns.AsNoTracking();
        if (Enum.TryParse<SafeguardingStatus>(Show, ignoreCase: true, out var status) && Enum.IsDefined(status))
        {
            Show = status.ToString();
            concerns = concerns.Where(c => c.Status == status);
        }
        else if (Show != "all")
        {
            Show = "open";
            concerns = concerns.Where(c => c.Status != SafeguardingStatus.Closed);
        }
        Concerns = await concerns.OrderByDescending(c => c.RaisedAt).Take(PageSize).ToListAsync();
        return Page();
    }
}
