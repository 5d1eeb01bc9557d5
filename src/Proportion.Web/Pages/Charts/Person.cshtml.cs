using Microsoft.AspNetCore.Mvc;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Charts;

/// <summary>Restriction over time as statistical process control charts (R14). Skeleton: drawn in issue 12.</summary>
[Requires(Permission.ReadPeople)]
public class PersonModel : ProportionPageModel
{
    public string Subject => Subjects.Person!.KnownAs;

    public IActionResult OnGet() => Page();
}
