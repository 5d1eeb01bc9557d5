using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Safeguarding;

/// <summary>Raising a safeguarding concern from anywhere (R20): pick the person, then raise it.</summary>
[Requires(Permission.RaiseSafeguarding)]
public class StartModel(ProportionDbContext db) : ProportionPageModel
{
    [BindProperty(Name = "Input")]
    public StartForm Input { get; set; } = new();

    public List<SelectListItem> People { get; private set; } = [];

    public sealed class StartForm
    {
        [Required(ErrorMessage = "Select the person you are worried about")]
        public Guid? PersonId { get; set; }
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (ModelState.IsValid && People.Any(p => p.Value == Input.PersonId?.ToString()))
        {
            return Redirect(Links.RaiseSafeguardingConcern(Input.PersonId!.Value));
        }
        if (ModelState.IsValid)
        {
            ModelState.AddModelError("Input.PersonId", "Select the person from the list");
        }
        return Page();
    }

    private async Task LoadAsync() =>
        People = [new("Select the person", ""), .. await db.People.AsNoTracking().Where(p => p.OrganisationId == Scope.OrganisationId)
            .OrderBy(p => p.FamilyName).ThenBy(p => p.PreferredName ?? p.GivenName)
            .Select(p => new { p.Id, Name = (p.PreferredName ?? p.GivenName) + " " + p.FamilyName + " (" + p.Service!.Name + ")" })
            .AsAsyncEnumerable().Select(p => new SelectListItem(p.Name, p.Id.ToString())).ToListAsync()];
}
