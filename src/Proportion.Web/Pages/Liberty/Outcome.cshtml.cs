using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Liberty;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Pages.Liberty;

/// <summary>Records the outcome of an application: granted or not, the dates in force, an extension, CQC told.</summary>
[Requires(Permission.EditPractices)]
public class OutcomeModel(ProportionDbContext db, LibertyRecords liberty) : LibertyPageModel
{
    private readonly ProportionDbContext _db = db;

    // Named, so a post missing every field cannot bind to an empty prefix and dodge the field keys.
    [BindProperty(Name = "Input")]
    public OutcomeForm Input { get; set; } = new();

    public LibertyAuthorisation Application { get; private set; } = null!;

    public sealed class OutcomeForm
    {
        [Required(ErrorMessage = "Select the outcome")]
        [EnumDataType(typeof(LibertyOutcome), ErrorMessage = "Select the outcome")]
        public LibertyOutcome? Outcome { get; set; }

        public DateParts StartsOn { get; set; } = new();
        public DateParts ExpiresOn { get; set; } = new();
        public bool Extended { get; set; }
        public DateParts CqcNotifiedOn { get; set; } = new();

        [StringLength(2000, ErrorMessage = "Notes must be 2,000 characters or fewer")]
        public string? Notes { get; set; }

        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid applicationId)
    {
        if (await LoadAsync(id, applicationId) is { } stop)
        {
            return stop;
        }
        Input = new OutcomeForm
        {
            Outcome = Application.Outcome, StartsOn = DateParts.From(Application.StartsOn), ExpiresOn = DateParts.From(Application.ExpiresOn),
            Extended = Application.Extended, CqcNotifiedOn = DateParts.From(Application.CqcNotifiedOn), Version = Application.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid applicationId)
    {
        if (await LoadAsync(id, applicationId) is { } stop)
        {
            return stop;
        }
        var starts = Input.StartsOn.Validate(ModelState, "Input.StartsOn", "Start date", required: false);
        var expires = Input.ExpiresOn.Validate(ModelState, "Input.ExpiresOn", "End date", required: false);
        var cqc = Input.CqcNotifiedOn.Validate(ModelState, "Input.CqcNotifiedOn", "Date CQC was told", required: false);
        if (!ModelState.IsValid || !await TryWriteAsync(() => liberty.RecordOutcomeAsync(applicationId, Input.Version, Input.Outcome!.Value,
                starts, expires, Input.Extended, cqc, Input.Notes)))
        {
            return Page();
        }
        return Done("The outcome has been recorded.");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid applicationId)
    {
        var application = await _db.LibertyAuthorisations.AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId && a.PersonId == id);
        if (application is null)
        {
            return NotFound();
        }
        Application = application;
        return null;
    }
}
