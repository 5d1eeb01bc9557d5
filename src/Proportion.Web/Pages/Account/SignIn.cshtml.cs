using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Account;

public class SignInModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, SignInThrottle throttle, AccountAudit audit,
    CouncilSignIn.CouncilSignOnStore councils) : ProportionPageModel
{
    /// <summary>The councils whose staff sign in with their council's own identity provider (ADR 0036).</summary>
    public IReadOnlyList<(Guid Id, string Name)> Councils { get; private set; } = [];

    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context,
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        Councils = await councils.EnabledAsync(HttpContext.RequestAborted);
        await next();
    }

    // Named, so a post missing every field cannot bind to an empty prefix and dodge the field keys.
    [BindProperty(Name = "Input")]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Enter your email address")]
        [StringLength(256, ErrorMessage = "Email address must be 256 characters or fewer")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Enter your password")]
        [StringLength(256, ErrorMessage = "Password must be 256 characters or fewer")]
        public string? Password { get; set; }
    }

    // A hash of no one's password, made once with the app's own hasher, to check when there is no account.
    private static string? _noAccountHash;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var address = HttpContext.ClientAddress();
        if (throttle.WaitBefore(address) is { } addressWait)
        {
            return SignInThrottle.TooManyAttempts(this, addressWait);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var email = Input.Email!.Trim();
        if (throttle.WaitBefore(address, email) is { } emailWait)
        {
            return SignInThrottle.TooManyAttempts(this, emailWait);
        }

        var account = await users.FindByEmailAsync(email);
        var wasLockedOut = account is not null && await users.IsLockedOutAsync(account);
        var result = account is { IsActive: true }
            ? await signIn.PasswordSignInAsync(account, Input.Password!, isPersistent: false, lockoutOnFailure: true)
            : Microsoft.AspNetCore.Identity.SignInResult.Failed;
        if (result.Succeeded)
        {
            await audit.SignedInAsync(account!, "with a password");
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("SignInTwoFactor", new { ReturnUrl });
        }

        // Every refusal takes as long as a password check, so timing does not tell who has an account:
        // Identity checks no password for an account already locked, and there is none to check for no account.
        if (account is not { IsActive: true } || wasLockedOut)
        {
            CheckPasswordAgainstNoAccount(Input.Password!);
        }
        throttle.Failed(address, email);
        if (account is null)
        {
            await audit.RefusedUnknownAsync(email);
        }
        else if (!account.IsActive)
        {
            await audit.RefusedAsync(account, "The account is deactivated");
        }
        else if (result.IsLockedOut && !wasLockedOut)
        {
            await audit.LockedOutAsync(account, $"{users.Options.Lockout.MaxFailedAccessAttempts} wrong passwords");
        }
        else
        {
            await audit.RefusedAsync(account, result.IsLockedOut ? "The account is locked" : "Wrong password");
        }
        // One answer for no account, a wrong password, a locked or a deactivated account, so the page does not tell which.
        ModelState.AddModelError("Input.Email", WrongEmailOrPassword(users.Options.Lockout));
        return Page();
    }

    public static string WrongEmailOrPassword(LockoutOptions lockout) =>
        $"Enter a correct email address and password. After {lockout.MaxFailedAccessAttempts} wrong tries in a row, an account is locked for {lockout.DefaultLockoutTimeSpan.TotalMinutes:0} minutes";

    // A control character (a tab, a line break) makes LocalRedirect refuse the address with an exception.
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
            && !returnUrl.Any(char.IsControl)
            ? returnUrl : "/";

    private void CheckPasswordAgainstNoAccount(string password)
    {
        var nobody = new AppUser { DisplayName = "" };
        _noAccountHash ??= users.PasswordHasher.HashPassword(nobody, Guid.NewGuid().ToString());
        users.PasswordHasher.VerifyHashedPassword(nobody, _noAccountHash, password);
    }
}
