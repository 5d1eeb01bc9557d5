using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Data;
using Proportion.Core.Incidents;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Incidents;

/// <summary>The manager's review of an incident with the person and those involved (§9.6, §9.7; R10).</summary>
[Requires(Permission.ManageIncidents)]
[OwnOrganisationSubject]
public class ReviewModel(ProportionDbContext db, IncidentRecords incidents) : IncidentPageModel(db)
{
    [BindProperty(Name = "Input")]
    public ReviewForm Input { get; set; } = new();

    public sealed class ReviewForm
    {
        public int Version { get; set; }

        [Required(ErrorMessage = "Select whether the person took part in the review")]
        public bool? PersonTookPart { get; set; }

        [Required(ErrorMessage = "Enter who took part in the review")]
        [StringLength(Incident.TextMaxLength, ErrorMessage = "Who took part must be 4,000 characters or fewer")]
        public string? Attendees { get; set; }

        [Required(ErrorMessage = "Enter what was discussed and the outcomes")]
        [StringLength(Incident.TextMaxLength, ErrorMessage = "The discussion and outcomes must be 4,000 characters or fewer")]
        public string? Outcome { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (AlreadyRecorded(id) is { } stop)
        {
            return stop;
        }
        Input.Version = Incident.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        // No redirect when it is already recorded: the write refuses it as a stale edit, and the page
        // comes back with what this user typed and the message, rather than dropping it.
        if (!ModelState.IsValid
            || !await TryWriteAsync(() => incidents.RecordManagerReviewAsync(id, Input.Version, Input.PersonTookPart!.Value, Input.Attendees!, Input.Outcome!)))
        {
            return Page();
        }
        return Done("Your review has been recorded.");
    }

    /// <summary>Recorded once: after that the incident page shows it instead of an empty form.</summary>
    private IActionResult? AlreadyRecorded(Guid id) =>
        (Incident.ManagerReviewedAt is not null ? Redirect(Links.Incident(id)) : null);
}
