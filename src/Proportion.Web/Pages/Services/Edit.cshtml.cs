using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Services;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Services;

[Requires(Permission.ManageServices)]
public class EditModel(ProportionDbContext db, ServiceManagement services) : ProportionPageModel
{
    // Named, so a post missing every field cannot bind to an empty prefix and dodge the field keys.
    [BindProperty(Name = "Input")]
    public ServiceForm Input { get; set; } = new();

    public string ServiceName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var service = await db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id);
        if (service is null)
        {
            return NotFound();
        }
        Input = ServiceForm.From(service);
        ServiceName = service.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var current = await db.Services.AsNoTracking().Where(s => s.Id == id).Select(s => s.Name).SingleOrDefaultAsync();
        if (current is null)
        {
            return NotFound();
        }
        ServiceName = current;
        if (!ModelState.IsValid || !await TryWriteAsync(() => services.UpdateAsync(id, Input.Version, Input.ToDetails(), Input.ChangeReason)))
        {
            return Page();
        }
        Confirm("The service's details have been changed.");
        return Redirect(Links.Service(id));
    }
}
