using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Account;

public class SignOutModel(SignInManager<AppUser> signIn) : ProportionPageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("SignIn");
    }
}
