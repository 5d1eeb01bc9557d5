using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Services;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Services;

[Authorize(Policy = Policies.ManageServices)]
public class NewModel(ServiceManagement services) : ProportionPageModel
{
    // Named, so a post missing every field cannot bind to an empty prefix and dodge the field keys.
    [BindProperty(Name = "Input")]
    public ServiceForm Input { get; set; } = new();

    public IActionResult OnGet() => Scope.IsProviderStaff ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Scope.IsProviderStaff)
        {
            return Forbid();
        }
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
        return Redirect($"/services/{added.Id}");
    }
}
