using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Services;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Services;

[Requires(Permission.ManageServices)]
public class EditModel(ServiceManagement services) : ProportionPageModel
{
    // Named, so a post missing every field cannot bind to an empty prefix and dodge the field keys.
    [BindProperty(Name = "Input")]
    public ServiceForm Input { get; set; } = new();

    public string ServiceName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        Input = ServiceForm.From(Subjects.Service!);
        await Input.LoadCouncilsAsync(services);
        ServiceName = Subjects.Service!.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        await Input.LoadCouncilsAsync(services);
        ServiceName = Subjects.Service!.Name;
        if (!ModelState.IsValid || !await TryWriteAsync(() => services.UpdateAsync(id, Input.Version, Input.ToDetails(), Input.ChangeReason)))
        {
            return Page();
        }
        Confirm("The service's details have been changed.");
        return Redirect(Links.Service(id));
    }
}
