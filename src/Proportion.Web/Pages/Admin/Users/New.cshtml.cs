using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Users;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Admin.Users;

[Requires(Permission.ManageUsers)]
public class NewModel(ProportionDbContext db, UserAdministration admin) : ProportionPageModel
{
    // Named, so a post missing every field cannot bind to an empty prefix and dodge the field keys.
    [BindProperty(Name = "Input")]
    public UserForm Input { get; set; } = new();

    public async Task OnGetAsync() => await LoadOptionsAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", "Enter a first password for the user");
        }
        AppUser? added = null;
        if (!ModelState.IsValid || !await TryWriteAsync(async () => added = await admin.AddAsync(Input.ToDetails(), Input.Password!)))
        {
            // A password is never sent back to the browser.
            ModelState.SetModelValue("Input.Password", null, null);
            Input.Password = null;
            await LoadOptionsAsync();
            return Page();
        }
        Confirm($"{added!.DisplayName} has been added. Give them their first password in person or by phone, not by email.");
        return Redirect(Links.Users());
    }

    private async Task LoadOptionsAsync()
    {
        ViewData["RoleOptions"] = UserForm.RoleOptions(Scope);
        ViewData["ServiceOptions"] = await UserForm.ServiceOptionsAsync(db);
    }
}
