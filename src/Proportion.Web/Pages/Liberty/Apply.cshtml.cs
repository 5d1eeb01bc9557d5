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

/// <summary>
/// Records an application for authority by a route open to the person (R6), or an urgent authorisation the
/// care home gave itself, which is recorded together with its request for a standard authorisation.
/// </summary>
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

        /// <summary>The date applied for; for an urgent authorisation, the date the care home gave it.</summary>
        public DateParts RequestedOn { get; set; } = new();

        /// <summary>An urgent authorisation's end, up to 7 days from when it was given.</summary>
        public DateParts EndsOn { get; set; } = new();

        /// <summary>An urgent authorisation: the standard authorisation was requested with it.</summary>
        public bool StandardRequested { get; set; }

        [StringLength(2000, ErrorMessage = "Notes must be 2,000 characters or fewer")]
        public string? Notes { get; set; }
    }

    public LibertyRoutes Routes => LibertyRecords.RoutesFor(Person, UkTime.Today(clock));

    /// <summary>Only the kinds a route open to the person allows are offered.</summary>
    public List<SelectListItem> Kinds => [.. Display.Options<LibertyAuthorisationKind>()
        .Where(o => Routes.Allows(Enum.Parse<LibertyAuthorisationKind>(o.Value!)))];

    public IActionResult OnGet(Guid id)
    {
        Input.RequestedOn = DateParts.From(UkTime.Today(clock));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var requestedOn = Input.RequestedOn.Validate(ModelState, "Input.RequestedOn", "Date applied or given");
        var urgent = Input.Kind == LibertyAuthorisationKind.UrgentAuthorisation;
        var endsOn = urgent ? Input.EndsOn.Validate(ModelState, "Input.EndsOn", "Date the urgent authorisation ends") : null;
        if (!ModelState.IsValid || !await TryWriteAsync(() => urgent
                ? liberty.GiveUrgentAsync(id, requestedOn!.Value, endsOn!.Value, Input.StandardRequested, Input.Notes)
                : liberty.ApplyAsync(id, Input.Kind!.Value, requestedOn!.Value, Input.Notes)))
        {
            return Page();
        }
        return Done(urgent
            ? "The urgent authorisation and its request for a standard authorisation have been recorded. Their dates are shown below."
            : "The application has been recorded. Its dates are shown below.");
    }
}
