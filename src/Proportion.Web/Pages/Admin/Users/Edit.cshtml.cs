using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Users;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Admin.Users;

[Requires(Permission.ManageUsers)]
public class EditModel(ProportionDbContext db, UserAdministration admin, Microsoft.AspNetCore.Identity.UserManager<AppUser> users) : ProportionPageModel
{
    // Named, so a post missing every field cannot bind to an empty prefix and dodge the field keys.
    [BindProperty(Name = "Input")]
    public UserForm Input { get; set; } = new();

    [BindProperty]
    public bool IsActive { get; set; }

    [BindProperty]
    public string ConcurrencyStamp { get; set; } = "";

    public AppUser TheUser { get; private set; } = null!;
    public List<(string Service, DateTime Expires)> Grants { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Input = new UserForm
        {
            DisplayName = TheUser.DisplayName,
            Email = TheUser.Email,
            RegistrationNumber = TheUser.RegistrationNumber,
            Roles = [.. await users.GetRolesAsync(TheUser)],
            ServiceIds = await db.ServiceAssignments.Where(a => a.UserId == id).Select(a => a.ServiceId.ToString()).ToListAsync(),
        };
        IsActive = TheUser.IsActive;
        ConcurrencyStamp = TheUser.ConcurrencyStamp ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (!ModelState.IsValid || !await TryWriteAsync(() => admin.UpdateAsync(id, ConcurrencyStamp, Input.ToDetails(), IsActive)))
        {
            return Page();
        }
        Confirm($"{Input.DisplayName!.Trim()}'s account has been changed.");
        return Redirect(Links.Users());
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id && u.OrganisationId == Scope.OrganisationId);
        if (user is null)
        {
            return false;
        }
        TheUser = user;
        ViewData["RoleOptions"] = UserForm.RoleOptions(Scope);
        ViewData["ServiceOptions"] = await UserForm.ServiceOptionsAsync(db);
        Grants = [.. (await db.InspectorGrants.AsNoTracking().Where(g => g.UserId == id)
            .Join(db.Services, g => g.ServiceId, s => s.Id, (g, s) => new { s.Name, g.ExpiresAt }).ToListAsync())
            .OrderByDescending(g => g.ExpiresAt).Select(g => (g.Name, g.ExpiresAt))];
        return true;
    }
}
