using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Data;
using Proportion.Core.Incidents;
using Proportion.Core.Model;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Pages.Incidents;

/// <summary>Records telling someone about an incident, or deciding not to and why (R10, §9.4, §8.9, Regulation 18).</summary>
[Requires(Permission.ManageIncidents)]
[OwnOrganisationSubject]
public class NotifyModel(ProportionDbContext db, IncidentRecords incidents, TimeProvider clock) : IncidentPageModel(db)
{
    [BindProperty(Name = "Input")]
    public NotifyForm Input { get; set; } = new();

    public NotificationRecipient Recipient { get; private set; }

    public bool CqcMustBeTold => Recipient == NotificationRecipient.Cqc && IncidentDuties.CqcMustBeTold(Incident);

    public sealed class NotifyForm
    {
        [Required(ErrorMessage = "Select whether they were told")]
        public bool? Told { get; set; }

        public DateParts ToldOn { get; set; } = new();

        public string? ToldTime { get; set; }

        [Required(ErrorMessage = "Enter who told them and how, or why they are not being told")]
        [StringLength(IncidentNotification.TextMaxLength, ErrorMessage = "This must be 1,000 characters or fewer")]
        public string? Details { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, NotificationRecipient recipient)
    {
        if (await LoadAsync(id, recipient) is { } stop)
        {
            return stop;
        }
        Input.ToldOn = DateParts.From(UkTime.Today(clock));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, NotificationRecipient recipient)
    {
        if (await LoadAsync(id, recipient) is { } stop)
        {
            return stop;
        }
        DateTime? toldAt = null;
        if (Input.Told == true)
        {
            var date = Input.ToldOn.Validate(ModelState, "Input.ToldOn", "Date they were told");
            if (!TimeText.TryParse(Input.ToldTime, out var time))
            {
                ModelState.AddModelError("Input.ToldTime", "Enter the time they were told, for example 14:05");
            }
            else if (date is { } d)
            {
                toldAt = UkTime.ToUtc(d, time);
                if (toldAt is null)
                {
                    ModelState.AddModelError("Input.ToldTime", "That time did not happen: the clocks went forward an hour");
                }
            }
        }
        if (!ModelState.IsValid || !await TryWriteAsync(() => incidents.RecordNotificationAsync(id, recipient, Input.Told!.Value, toldAt, Input.Details!)))
        {
            return Page();
        }
        return Done($"Recorded for the {Display.Name(recipient).ToLowerInvariant().Replace("cqc", "CQC")}.");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, NotificationRecipient recipient)
    {
        if (!IncidentDuties.RecipientsToConsider(Incident).Contains(recipient))
        {
            return NotFound();
        }
        Recipient = recipient;
        return null;
    }
}
