using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Proportion.Core.Data;
using Proportion.Core.Incidents;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Incidents;

/// <summary>Corrects one fact of a submitted incident with a reason; the original stays on the record (R16).</summary>
[Requires(Permission.RecordIncidents)]
public class AmendModel(ProportionDbContext db, IncidentRecords incidents) : IncidentPageModel(db)
{
    [BindProperty(Name = "Input")]
    public AmendForm Input { get; set; } = new();

    public List<SelectListItem> Fields { get; } =
        [new("Select what you are correcting", ""), .. IncidentAmendment.Amendable.Select(f => new SelectListItem(f.Value, f.Key))];

    public sealed class AmendForm
    {
        [Required(ErrorMessage = "Select what you are correcting")]
        public string? Field { get; set; }

        [StringLength(Incident.TextMaxLength, ErrorMessage = "The correction must be 4,000 characters or fewer")]
        public string? Corrected { get; set; }

        [Required(ErrorMessage = "Enter why this needs correcting")]
        [StringLength(2000, ErrorMessage = "The reason must be 2,000 characters or fewer")]
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } stop)
        {
            return stop;
        }
        if (!ModelState.IsValid || !await TryWriteAsync(() => incidents.AmendAsync(id, Input.Field!, Input.Corrected, Input.Reason!)))
        {
            return Page();
        }
        return Done("Your correction has been added. The original is kept beside it.");
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        return Scope.MayAmend(Incident) ? null : Forbid();
    }
}
