using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Model;
using Proportion.Core.Sessions;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Account;

/// <summary>Turns on TOTP two-factor sign-in with any authenticator app, or turns it off.</summary>
public class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, UserSessions sessions) : ProportionPageModel
{
    public bool IsEnabled { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";

    // Named, so a post missing every field cannot bind to an empty prefix and dodge the field keys.
    [BindProperty(Name = "Input")]
    public AuthenticatorCode Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await CurrentUserAsync();
        if (ModelState.IsValid)
        {
            var code = Input.Digits;
            if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.SetTwoFactorEnabledAsync(user, true);
                await signIn.RefreshSignInAsync(user);
                Confirm("Two-factor sign-in is on. You will be asked for a code each time you sign in.");
                return RedirectToPage();
            }
            ModelState.AddModelError("Input.Code", "The code is not right. Enter the code your authenticator app shows now");
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await CurrentUserAsync();
        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key, so an old copy of the previous one cannot be used if two-factor is turned on again.
        await users.ResetAuthenticatorKeyAsync(user);
        // A sign-in elsewhere that proved a code no longer stands on it: only this one stays.
        await sessions.EndOthersAsync(user.Id, SignInSessions.SessionIdOf(User), SessionEndReason.TwoFactorTurnedOff);
        await signIn.RefreshSignInAsync(user);
        Confirm("Two-factor sign-in is off.");
        return RedirectToPage();
    }

    private async Task<AppUser> CurrentUserAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("A signed-in user has no account.");

    private async Task LoadAsync()
    {
        var user = await CurrentUserAsync();
        IsEnabled = await users.GetTwoFactorEnabledAsync(user);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // A new key changes the security stamp: without a fresh cookie, the next stamp check (within
            // a minute) would sign the user out merely for opening this page.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        SharedKey = grouped.ToString().Trim().ToLowerInvariant();
        AuthenticatorUri = $"otpauth://totp/Proportion:{Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer=Proportion&digits=6";
    }
}
