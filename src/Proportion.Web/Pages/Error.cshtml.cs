using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Proportion.Web.Pages;

/// <summary>Every error and missing page ends here, in plain English, never with a stack trace.</summary>
[IgnoreAntiforgeryToken]
public class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public void OnGet(int? status) => Set(status);

    public void OnPost(int? status) => Set(status);

    private void Set(int? status)
    {
        Status = status ?? (HttpContext.Response.StatusCode >= 400 ? HttpContext.Response.StatusCode : 500);
        Response.StatusCode = Status;
    }
}
