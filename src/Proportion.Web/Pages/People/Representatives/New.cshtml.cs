using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.People;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.People.Representatives;

[Requires(Permission.EditPeople)]
public class NewModel(PersonRecords people) : ProportionPageModel
{
    // Named, so a post missing every field cannot bind to an empty prefix and dodge the field keys.
    [BindProperty(Name = "Input")]
    public RepresentativeForm Input { get; set; } = new();

    public string PersonName { get; private set; } = "";

    public sealed class RepresentativeForm
    {
        [Required(ErrorMessage = "Enter the representative's name")]
        [StringLength(Representative.NameMaxLength, ErrorMessage = "Name must be 100 characters or fewer")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Enter how they know the person, for example daughter or advocate")]
        [StringLength(Representative.RelationshipMaxLength, ErrorMessage = "Relationship must be 100 characters or fewer")]
        public string? Relationship { get; set; }

        [StringLength(Representative.ContactMaxLength, ErrorMessage = "Contact details must be 200 characters or fewer")]
        public string? ContactDetails { get; set; }

        public List<string> Roles { get; set; } = [];

        [StringLength(Representative.AuthorityCoversMaxLength, ErrorMessage = "What their authority covers must be 1,000 characters or fewer")]
        public string? AuthorityCovers { get; set; }

        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var person = Subjects.Person!;
        PersonName = person.KnownAs;
        Input.Version = person.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        PersonName = Subjects.Person!.KnownAs;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var details = new RepresentativeDetails(Input.Name!, Input.Relationship!, Input.ContactDetails,
            Display.CombineFlags<RepresentativeRoles>(Input.Roles), Input.AuthorityCovers);
        if (!await TryWriteAsync(() => people.AddRepresentativeAsync(id, Input.Version, details)))
        {
            return Page();
        }
        Confirm($"{Input.Name!.Trim()} has been added as a representative.");
        return Redirect(Links.Person(id));
    }
}
