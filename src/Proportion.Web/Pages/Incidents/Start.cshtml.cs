using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Incidents;

/// <summary>The quickest way in for a care worker: pick the person, then record.</summary>
[Requires(Permission.RecordIncidents)]
public class StartModel(ProportionDbContext db) : ProportionPageModel
{
    [BindProperty(Name = "Input")]
    public StartForm Input { get; set; } = new();

    public List<SelectListItem> People { get; private set; } = [];

    public sealed class StartForm
    {
        [Required(ErrorMessage = "Select the person the incident involved")]
        public Guid? PersonId { get; set; }
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (ModelState.IsValid && People.Any(p => p.Value == Input.PersonId?.ToString()))
        {
            return Redirect(Links.RecordIncident(Input.PersonId!.Value));
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
            .Select(p => new { p.Id, p.PreferredName, p.GivenName, p.FamilyName, Service = p.Service!.Name })
            .AsAsyncEnumerable()
            // The name the person goes by, as everywhere else (Person.KnownAs), with their service to tell two apart.
            .Select(p => new SelectListItem($"{Person.NameKnownBy(p.GivenName, p.FamilyName, p.PreferredName)} ({p.Service})", p.Id.ToString()))
            .ToListAsync()];
}
