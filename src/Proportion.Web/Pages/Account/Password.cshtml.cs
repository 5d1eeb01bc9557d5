using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Account;

/// <summary>Changes the signed-in user's own password.</summary>
public class PasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountAudit audit) : ProportionPageModel
{
    // Named, so a post missing every field cannot bind to an empty prefix and dodge the field keys.
    [BindProperty(Name = "Input")]
    public PasswordChange Input { get; set; } = new();

    public sealed class PasswordChange
    {
        [Required(ErrorMessage = "Enter your current password")]
        [StringLength(256, ErrorMessage = "Password must be 256 characters or fewer")]
        public string? CurrentPassword { get; set; }

        [Required(ErrorMessage = "Enter a new password")]
        [StringLength(256, ErrorMessage = "Password must be 256 characters or fewer")]
        public string? NewPassword { get; set; }
    }

    /// <summary>The user signed in with a one-time password and must choose their own before anything else.</summary>
    public bool MustChange => PasswordChangeRequired.IsRequired(User);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid && Input.NewPassword == Input.CurrentPassword)
        {
            ModelState.AddModelError("Input.NewPassword", "Your new password must be different from your current password");
        }
        if (ModelState.IsValid)
        {
            var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("A signed-in user has no account.");
            var changed = await users.ChangePasswordAsync(user, Input.CurrentPassword!, Input.NewPassword!);
            if (changed.Succeeded)
            {
                // Saved with the audit entry; the refreshed sign-in then carries no must-change claim.
                user.MustChangePassword = false;
                await audit.PasswordChangedAsync(user);
                await signIn.RefreshSignInAsync(user);
                Confirm("Your password has been changed.");
                return Redirect(Links.Home());
            }
            foreach (var error in changed.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.NewPassword",
                    error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Your current password is not right" : error.Description);
            }
        }
        // Passwords are never sent back to the browser.
        Input = new PasswordChange();
        ModelState.SetModelValue("Input.CurrentPassword", null, null);
        ModelState.SetModelValue("Input.NewPassword", null, null);
        return Page();
    }
}
