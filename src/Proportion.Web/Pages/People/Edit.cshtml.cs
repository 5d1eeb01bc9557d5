using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.People;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.People;

[Requires(Permission.EditPeople)]
public class EditModel(ProportionDbContext db, PersonRecords people, TimeProvider clock) : ProportionPageModel
{
    // Named, so a post missing every field cannot bind to an empty prefix and dodge the field keys.
    [BindProperty(Name = "Input")]
    public PersonForm Input { get; set; } = new();

    public string PersonName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var person = Subjects.Person!;
        Input = PersonForm.From(person);
        PersonName = person.KnownAs;
        await LoadOptionsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        PersonName = Subjects.Person!.KnownAs;
        var details = Input.Validate(ModelState, UkTime.Today(clock));
        if (details is null || !await TryWriteAsync(() => people.UpdateAsync(id, Input.Version, details, Input.ChangeReason)))
        {
            await LoadOptionsAsync();
            return Page();
        }
        Confirm("The person's details have been changed.");
        return Redirect(Links.Person(id));
    }

    private async Task LoadOptionsAsync() => ViewData[nameof(PersonFormOptions)] = await PersonFormOptions.LoadAsync(db);
}
