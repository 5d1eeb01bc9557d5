using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Account;

public class SignInTwoFactorModel(SignInManager<AppUser> signIn) : ProportionPageModel
{
    // Named, so a post missing every field cannot bind to an empty prefix and dodge the field keys.
    [BindProperty(Name = "Input")]
    public AuthenticatorCode Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("SignIn");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var code = Input.Digits;
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            return LocalRedirect(SignInModel.SafeReturnUrl(ReturnUrl));
        }
        ModelState.AddModelError("Input.Code", result.IsLockedOut
            ? "Your account is locked because of too many failed attempts. Wait 15 minutes and try again"
            : "The code is not right. Enter the code your authenticator app shows now");
        return Page();
    }
}
