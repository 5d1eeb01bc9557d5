using Microsoft.AspNetCore.Mvc;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Charts;

/// <summary>Restriction over time as statistical process control charts (R14). Skeleton: drawn in issue 12.</summary>
[Requires(Permission.ServiceIncidents)]
public class ServiceModel : ProportionPageModel
{
    public string Subject => Subjects.Service!.Name;

    public IActionResult OnGet() => Page();
}
