using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Users;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Admin.Users;

/// <summary>Sets a new password for a user who has forgotten theirs, and unlocks their account.</summary>
[Requires(Permission.ManageUsers)]
public class PasswordModel(ProportionDbContext db, UserAdministration admin) : ProportionPageModel
{
    // Named, so a post missing every field cannot bind to an empty prefix and dodge the field keys.
    [BindProperty(Name = "Input")]
    public NewPassword Input { get; set; } = new();

    public AppUser TheUser { get; private set; } = null!;

    /// <summary>The user's stamp when the form was opened: a reset by another administrator since then is refused.</summary>
    [BindProperty]
    public string ConcurrencyStamp { get; set; } = "";

    public sealed class NewPassword
    {
        [Required(ErrorMessage = "Enter a new password")]
        [StringLength(256, ErrorMessage = "Password must be 256 characters or fewer")]
        public string? Password { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        ConcurrencyStamp = TheUser.ConcurrencyStamp ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (!ModelState.IsValid || !await TryWriteAsync(() => admin.SetPasswordAsync(id, ConcurrencyStamp, Input.Password!, HttpContext.ClientAddress())))
        {
            Input.Password = null;
            ModelState.SetModelValue("Input.Password", null, null);
            return Page();
        }
        Confirm($"{TheUser.DisplayName} has a new password and can sign in. Give it to them in person or by phone, not by email.");
        return Redirect(Links.User(id));
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id && u.OrganisationId == Scope.OrganisationId);
        TheUser = user!;
        return user is not null;
    }
}
