using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Users;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Pages.Admin.Users;

/// <summary>Time-limited, read-only access to one service for an inspector or auditor (§8.2, §8.6).</summary>
[Requires(Permission.ManageUsers)]
public class InspectorAccessModel(ProportionDbContext db, UserAdministration admin, TimeProvider clock) : ProportionPageModel
{
    // Named, so a post missing every field cannot bind to an empty prefix and dodge the field keys.
    [BindProperty(Name = "Input")]
    public GrantForm Input { get; set; } = new();

    public AppUser TheUser { get; private set; } = null!;
    public List<SelectListItem> Services { get; private set; } = [];

    public sealed class GrantForm
    {
        public string? ServiceId { get; set; }
        public DateParts ExpiresOn { get; set; } = new();
    }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Input.ExpiresOn = DateParts.From(UkTime.Today(clock).AddDays(14));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (!Guid.TryParse(Input.ServiceId, out var serviceId))
        {
            ModelState.AddModelError("Input.ServiceId", "Select the service they may see");
        }
        var expires = Input.ExpiresOn.Validate(ModelState, "Input.ExpiresOn", "Date access ends");
        if (expires is { } endsOn && UserAdministration.InspectorAccessEndProblem(endsOn, UkTime.Today(clock)) is { } problem)
        {
            ModelState.AddModelError("Input.ExpiresOn", problem);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var endOfDay = UkTime.EndOfDay(expires!.Value);
        if (!await TryWriteAsync(() => admin.GrantInspectorAccessAsync(id, serviceId, endOfDay)))
        {
            return Page();
        }
        Confirm($"{TheUser.DisplayName} can read the service's records until the end of {UkTime.Format(expires.Value)}.");
        return Redirect(Links.User(id));
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id && u.OrganisationId == Scope.OrganisationId);
        if (user is null)
        {
            return false;
        }
        TheUser = user;
        Services = [new SelectListItem("Select a service", ""), .. await UserForm.ServiceOptionsAsync(db)];
        return true;
    }
}
