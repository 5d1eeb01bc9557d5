using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Account;

public class SignInTwoFactorModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, SignInThrottle throttle, AccountAudit audit) : ProportionPageModel
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
        var address = HttpContext.ClientAddress();
        if (throttle.WaitBefore(address) is { } wait)
        {
            return SignInThrottle.TooManyAttempts(this, wait);
        }
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("SignIn");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var wasLockedOut = await users.IsLockedOutAsync(user);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(Input.Digits, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await audit.SignedInAsync(user, "with a password and an authenticator code");
            return LocalRedirect(SignInModel.SafeReturnUrl(ReturnUrl));
        }
        throttle.Failed(address);
        if (result.IsLockedOut && !wasLockedOut)
        {
            await audit.LockedOutAsync(user, "wrong authenticator codes");
        }
        else
        {
            await audit.RefusedAsync(user, result.IsLockedOut ? "The account is locked" : "Wrong or already used authenticator code");
        }
        // The password was right, so saying the account is locked tells nothing the person does not know.
        // A code used before gets the same answer as a wrong one.
        ModelState.AddModelError("Input.Code", result.IsLockedOut
            ? $"Your account is locked because of too many failed attempts. Wait {users.Options.Lockout.DefaultLockoutTimeSpan.TotalMinutes:0} minutes and try again"
            : "The code is not right. Enter the code your authenticator app shows now");
        return Page();
    }
}
