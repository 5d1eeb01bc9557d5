using Microsoft.AspNetCore.Mvc;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Charts;

/// <summary>Restriction over time as statistical process control charts (R14). Skeleton: drawn in issue 12.</summary>
[Requires(Permission.CouncilCharts)]
public class CouncilModel : ProportionPageModel
{
    public string Subject => "People your council funds";

    public IActionResult OnGet() => Page();
}
