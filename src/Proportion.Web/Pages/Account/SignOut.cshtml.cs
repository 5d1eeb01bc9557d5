using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Model;
using Proportion.Core.Sessions;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Account;

public class SignOutModel(SignInManager<AppUser> signIn, UserSessions sessions) : ProportionPageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        // Ends the session on the server, so a copy of the cookie opens nothing afterwards.
        if (SignInSessions.SessionIdOf(User) is { } sessionId)
        {
            await sessions.SignOutAsync(sessionId);
        }
        await signIn.SignOutAsync();
        return RedirectToPage("SignIn");
    }
}
