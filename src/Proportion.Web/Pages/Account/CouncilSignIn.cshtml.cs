using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Account;

/// <summary>Sends a council's staff to their council's own identity provider (ADR 0036); a council without it turned on is not found.</summary>
public class CouncilSignInModel(CouncilSignIn.CouncilSignOnStore store) : ProportionPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet(Guid id)
    {
        if (store.Find(id) is null)
        {
            return NotFound();
        }
        var done = Links.CouncilSignInDone(id, SignInModel.SafeReturnUrl(ReturnUrl));
        return Challenge(new AuthenticationProperties { RedirectUri = done }, CouncilSignIn.SchemeFor(id));
    }
}
