using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Model;
using Proportion.Core.Sessions;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Account;

public class SignOutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, UserSessions sessions, CouncilSignIn.CouncilSignOnStore councils) : ProportionPageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        // Ends the session on the server, so a copy of the cookie opens nothing afterwards.
        if (SignInSessions.SessionIdOf(User) is { } sessionId)
        {
            await sessions.SignOutAsync(sessionId);
        }
        var account = await users.GetUserAsync(User);
        await signIn.SignOutAsync();
        // Someone who signs in through their council's own provider: end its session too, and come back to the sign-in page.
        if (account?.SignOnEmail is not null && councils.Find(account.OrganisationId) is not null)
        {
            return SignOut(new Microsoft.AspNetCore.Authentication.AuthenticationProperties { RedirectUri = Url.Page("SignIn") }, CouncilSignIn.SchemeFor(account.OrganisationId));
        }
        return RedirectToPage("SignIn");
    }
}
