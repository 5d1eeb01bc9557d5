using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Proportion.Core.Data;
using Proportion.Core.Liberty;
using Proportion.Core.Model;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Pages.Liberty;

/// <summary>Records an application for authority, by the route the person's setting requires (R6).</summary>
[Requires(Permission.EditPractices)]
public class ApplyModel(LibertyRecords liberty, TimeProvider clock) : LibertyPageModel
{
    // Named, so a post missing every field cannot bind to an empty prefix and dodge the field keys.
    [BindProperty(Name = "Input")]
    public ApplicationForm Input { get; set; } = new();

    public sealed class ApplicationForm
    {
        [Required(ErrorMessage = "Select what was applied for")]
        [EnumDataType(typeof(LibertyAuthorisationKind), ErrorMessage = "Select what was applied for")]
        public LibertyAuthorisationKind? Kind { get; set; }

        public DateParts RequestedOn { get; set; } = new();

        [StringLength(2000, ErrorMessage = "Notes must be 2,000 characters or fewer")]
        public string? Notes { get; set; }
    }

    /// <summary>Only the kinds the person's route allows are offered.</summary>
    public List<SelectListItem> Kinds => DeprivationOfLibertyRoute.For(Person.Service!.SettingType) == LibertyRoute.CourtOfProtection
        ? [new(Display.Name(LibertyAuthorisationKind.CourtOfProtection), nameof(LibertyAuthorisationKind.CourtOfProtection))]
        : [.. Display.Options<LibertyAuthorisationKind>().Where(o => o.Value != nameof(LibertyAuthorisationKind.CourtOfProtection))];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Input.RequestedOn = DateParts.From(UkTime.Today(clock));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var requestedOn = Input.RequestedOn.Validate(ModelState, "Input.RequestedOn", "Date applied");
        if (!ModelState.IsValid || !await TryWriteAsync(() => liberty.ApplyAsync(id, Input.Kind!.Value, requestedOn!.Value, Input.Notes)))
        {
            return Page();
        }
        return Done("The application has been recorded. Its dates are shown below.");
    }
}
