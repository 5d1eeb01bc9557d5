using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Data;
using Proportion.Core.Incidents;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Incidents;

/// <summary>After every use (R13, §8.9): the debrief with the person, the support offered, and the care plan.</summary>
[Requires(Permission.ManageIncidents)]
[OwnOrganisationSubject]
public class FollowUpModel(ProportionDbContext db, IncidentRecords incidents) : IncidentPageModel(db)
{
    [BindProperty(Name = "Input")]
    public FollowUpForm Input { get; set; } = new();

    public sealed class FollowUpForm
    {
        public int Version { get; set; }

        [Required(ErrorMessage = "Select whether a debrief was held with the person")]
        public bool? DebriefHeld { get; set; }

        [Required(ErrorMessage = "Enter what the debrief covered, or why it was not held")]
        [StringLength(Incident.TextMaxLength, ErrorMessage = "The debrief must be 4,000 characters or fewer")]
        public string? DebriefNotes { get; set; }

        [Required(ErrorMessage = "Enter the support offered to the person afterwards")]
        [StringLength(Incident.TextMaxLength, ErrorMessage = "The support offered must be 4,000 characters or fewer")]
        public string? TherapeuticSupport { get; set; }

        [Required(ErrorMessage = "Select whether the care plan needs review")]
        public bool? CarePlanReviewNeeded { get; set; }

        [StringLength(Incident.TextMaxLength, ErrorMessage = "The notes must be 4,000 characters or fewer")]
        public string? CarePlanNotes { get; set; }
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
        if (!ModelState.IsValid || !await TryWriteAsync(() => incidents.RecordFollowUpAsync(id, Input.Version, Input.DebriefHeld!.Value,
                Input.DebriefNotes!, Input.TherapeuticSupport!, Input.CarePlanReviewNeeded!.Value, Input.CarePlanNotes)))
        {
            return Page();
        }
        return Done("The debrief and support have been recorded.");
    }

    /// <summary>Recorded once: after that the incident page shows it instead of an empty form.</summary>
    private IActionResult? AlreadyRecorded(Guid id) =>
        (Incident.FollowUpRecordedAt is not null ? Redirect(Links.Incident(id)) : null);
}
