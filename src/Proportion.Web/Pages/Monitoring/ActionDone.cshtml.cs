using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Monitoring;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Pages.Monitoring;

/// <summary>Records that an action a signed-off monitoring or audit set has been done, and what was done.</summary>
[Requires(Permission.MonitorServices)]
public class ActionDoneModel(ProportionDbContext db, MonitoringRecords records, TimeProvider clock) : MonitoringPageModel(db)
{
    public ServiceMonitoring Monitoring => Subjects.Monitoring!;
    public MonitoringAction Action { get; private set; } = null!;

    [BindProperty(Name = "Input")]
    public DoneForm Input { get; set; } = new();

    public sealed class DoneForm
    {
        public DateParts DoneOn { get; set; } = new();

        [StringLength(MonitoringAction.TextMaxLength, ErrorMessage = "What was done must be 1,000 characters or fewer")]
        public string? DoneNote { get; set; }

        /// <summary>The monitoring record's version when the form was opened, so a second person recording the same action is told.</summary>
        public int Version { get; set; }
    }

    public string CheckUrl => Links.MonitoringCheck(Service.Id, Monitoring.Id);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid monitoringId, Guid actionId)
    {
        if (await LoadAsync(id, monitoringId, actionId) is { } stop)
        {
            return stop;
        }
        if (Action.DoneOn is not null)
        {
            Confirm("This action has already been recorded as done.");
            return Redirect(Links.MonitoringActions(Service.Id, Monitoring.Id));
        }
        Input.DoneOn = DateParts.From(UkTime.Today(clock));
        Input.Version = Monitoring.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid monitoringId, Guid actionId)
    {
        if (await LoadAsync(id, monitoringId, actionId) is { } stop)
        {
            return stop;
        }
        var doneOn = Input.DoneOn.Validate(ModelState, "Input.DoneOn", "The date it was done");
        if (!ModelState.IsValid && string.IsNullOrWhiteSpace(Input.DoneNote))
        {
            // The core names a missing note too, but only once the date can be read: say both at once.
            ModelState.AddModelError("Input.DoneNote", MonitoringRecords.DoneNoteMissing);
        }
        if (!ModelState.IsValid || !await TryWriteAsync(() => records.CompleteActionAsync(monitoringId, actionId, Input.Version, doneOn!.Value, Input.DoneNote ?? "")))
        {
            return Page();
        }
        Confirm($"The action \u201c{Action.What}\u201d has been recorded as done.");
        return Redirect(Links.MonitoringActions(Service.Id, Monitoring.Id));
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid monitoringId, Guid actionId)
    {
        // Actions are followed up once the check is signed off.
        if (Monitoring.Status != MonitoringStatus.Completed || Monitoring.Actions.SingleOrDefault(a => a.Id == actionId) is not { } action)
        {
            return NotFound();
        }
        // Done already is for the form to show (GET) or for the write to refuse (POST): whoever typed a note keeps it.
        Action = action;
        return null;
    }
}
