using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Services;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Services;

[Requires(Permission.ManageServices)]
public class NewModel(ServiceManagement services) : ProportionPageModel
{
    // Named, so a post missing every field cannot bind to an empty prefix and dodge the field keys.
    [BindProperty(Name = "Input")]
    public ServiceForm Input { get; set; } = new();

    // The ManageServices permission is for provider staff only: a council administrator is refused before these run.
    public async Task<IActionResult> OnGetAsync()
    {
        await Input.LoadCouncilsAsync(services);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await Input.LoadCouncilsAsync(services);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Core.Model.Service? added = null;
        if (!await TryWriteAsync(async () => added = await services.AddAsync(Input.ToDetails())))
        {
            return Page();
        }
        Confirm($"{added!.Name} has been added.");
        return Redirect(Links.Service(added.Id));
    }
}
