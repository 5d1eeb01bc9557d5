using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Model;
using Proportion.Core.Sessions;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Account;

/// <summary>
/// Turns on TOTP two-factor sign-in with any authenticator app, or turns it off. Turning it off also
/// forgets the app's key (a reset), and needs fresh proof typed on the page: the password and a current
/// code, so a session left open or a framed button cannot take the second factor away.
/// </summary>
public class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountAudit audit, UserSessions sessions) : ProportionPageModel
{
    public bool IsEnabled { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";

    /// <summary>Asked for when turning two-factor off, before the code (so its error comes first, as on the page).</summary>
    [BindProperty]
    [Required(ErrorMessage = "Enter your password")]
    [StringLength(256, ErrorMessage = "Password must be 256 characters or fewer")]
    public string? CurrentPassword { get; set; }

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
        // Turning two-factor on needs only a code from the new key.
        ModelState.Remove(nameof(CurrentPassword));
        if (ModelState.IsValid)
        {
            if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Input.Digits))
            {
                await users.SetTwoFactorEnabledAsync(user, true);
                await audit.TwoFactorChangedAsync(user, $"{user.DisplayName} turned on two-factor sign-in");
                await signIn.RefreshSignInAsync(user);
                Confirm("Two-factor sign-in is on. You will be asked for a code each time you sign in.");
                return RedirectToPage();
            }
            ModelState.AddModelError("Input.Code", WrongCode);
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await CurrentUserAsync();
        if (await users.GetTwoFactorEnabledAsync(user) && await HasFreshProofAsync(user))
        {
            await users.SetTwoFactorEnabledAsync(user, false);
            // A new key, so an old copy of the previous one cannot be used if two-factor is turned on again;
            // codes of the old key are dead, so the new key's first code need not be later than theirs.
            user.LastAuthenticatorTimeStep = null;
            await users.ResetAuthenticatorKeyAsync(user);
            // A sign-in elsewhere that proved a code no longer stands on it: only this one stays.
            await sessions.EndOthersAsync(user.Id, SignInSessions.SessionIdOf(User), SessionEndReason.TwoFactorTurnedOff);
            await audit.TwoFactorChangedAsync(user, $"{user.DisplayName} turned off two-factor sign-in and reset the authenticator key");
            await signIn.RefreshSignInAsync(user);
            Confirm("Two-factor sign-in is off.");
            return RedirectToPage();
        }
        // Neither the password nor the code is sent back to the browser.
        CurrentPassword = null;
        Input = new AuthenticatorCode();
        ModelState.SetModelValue(nameof(CurrentPassword), null, null);
        ModelState.SetModelValue("Input.Code", null, null);
        await LoadAsync();
        return Page();
    }

    private const string WrongCode = "The code is not right. Enter the code your authenticator app shows now";

    /// <summary>The password, then a code; each wrong one counts towards the lockout, as at sign-in.</summary>
    private async Task<bool> HasFreshProofAsync(AppUser user)
    {
        if (!ModelState.IsValid)
        {
            return false;
        }
        var wasLockedOut = await users.IsLockedOutAsync(user);
        var password = await signIn.CheckPasswordSignInAsync(user, CurrentPassword!, lockoutOnFailure: true);
        if (password.Succeeded)
        {
            if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Input.Digits))
            {
                return true;
            }
            await users.AccessFailedAsync(user);
            ModelState.AddModelError("Input.Code", WrongCode);
        }
        if (await users.IsLockedOutAsync(user))
        {
            if (!wasLockedOut)
            {
                await audit.LockedOutAsync(user, "wrong passwords or codes when turning off two-factor sign-in");
            }
            ModelState.Clear();
            ModelState.AddModelError(nameof(CurrentPassword),
                $"Your account is locked because of too many failed attempts. Wait {users.Options.Lockout.DefaultLockoutTimeSpan.TotalMinutes:0} minutes and try again");
        }
        else if (!password.Succeeded)
        {
            ModelState.AddModelError(nameof(CurrentPassword), "Your password is not right");
        }
        return false;
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
            // Making the key moves the security stamp on; without a fresh cookie the user would be signed
            // out at the next stamp check just for opening this page.
            await users.ResetAuthenticatorKeyAsync(user);
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
