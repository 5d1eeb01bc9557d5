using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Proportion.Web.Pages;

/// <summary>Every error and missing page ends here, in plain English, never with a stack trace.</summary>
/// <remarks>
/// No handlers: the page is re-executed with the failed request's method, whatever it was (POST, PUT,
/// DELETE...), so it works out its status before any handler would be chosen.
/// </remarks>
[IgnoreAntiforgeryToken]
public class ErrorModel : PageModel
{
    public int Status { get; private set; }

    [NonHandler]
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        Status = int.TryParse(Request.Query["status"], out var status) && status is >= 400 and <= 599
            ? status
            : Response.StatusCode >= 400 ? Response.StatusCode : 500;
        Response.StatusCode = Status;
    }
}
