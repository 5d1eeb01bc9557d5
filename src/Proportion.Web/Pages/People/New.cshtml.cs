using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.People;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.People;

[Requires(Permission.EditPeople)]
public class NewModel(ProportionDbContext db, PersonRecords people, TimeProvider clock) : ProportionPageModel
{
    // Named, so a post missing every field cannot bind to an empty prefix and dodge the field keys.
    [BindProperty(Name = "Input")]
    public PersonForm Input { get; set; } = new();

    // The EditPeople permission is for provider staff only: a council user is refused before these run.
    public async Task<IActionResult> OnGetAsync()
    {
        await LoadOptionsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var details = Input.Validate(ModelState, UkTime.Today(clock));
        Person? added = null;
        if (details is null || !await TryWriteAsync(async () => added = await people.AddAsync(details)))
        {
            await LoadOptionsAsync();
            return Page();
        }
        Confirm($"{added!.KnownAs} has been added.");
        return Redirect(Links.Person(added.Id));
    }

    private async Task LoadOptionsAsync() => ViewData[nameof(PersonFormOptions)] = await PersonFormOptions.LoadAsync(db);
}
