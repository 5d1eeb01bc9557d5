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

/// <summary>
/// Form RP3: one monitoring or audit of a service. A row for each practice with what the rules found
/// (§8.7), the auditor's note on each, their findings, actions with owners and due dates, and sign-off.
/// Every button keeps everything typed on the page: it saves the notes and findings first, then adds
/// the action or signs off, in one transaction, so a refusal leaves nothing half done.
/// </summary>
[Requires(Permission.ServiceOpenList)]
public class CheckModel(ProportionDbContext db, MonitoringRecords records, TimeProvider clock) : MonitoringPageModel(db)
{
    /// <summary>The check the route names, of the route's service, loaded before the page runs.</summary>
    public ServiceMonitoring Monitoring => Subjects.Monitoring!;
    /// <summary>The practices as the form lists them: by the person's family name, then the practice's start.</summary>
    public List<MonitoringPracticeCheck> Checks { get; private set; } = [];
    public DateOnly Today { get; private set; }

    /// <summary>The version the form was built from; a stale one is refused, never overwritten.</summary>
    [BindProperty]
    public int Version { get; set; }

    [BindProperty(Name = "Input")]
    public CheckForm Input { get; set; } = new();

    /// <summary>An action being added. Not required by Save or Sign off, but added by them when typed, so it is not lost.</summary>
    [BindProperty(Name = "NewAction")]
    public ActionForm NewAction { get; set; } = new();

    public bool CanEdit => Monitoring.Status == MonitoringStatus.Draft && CanCarryOut(Monitoring.Kind);
    /// <summary>Once signed off, the service's managers record each action as it is done.</summary>
    public bool CanFollowUp => Monitoring.Status == MonitoringStatus.Completed && CanCarryOut(MonitoringKind.ManagerMonitoring);

    public sealed class CheckForm
    {
        public List<NoteInput> Notes { get; set; } = [];

        [StringLength(ServiceMonitoring.TextMaxLength, ErrorMessage = "Your findings must be 4,000 characters or fewer")]
        public string? Findings { get; set; }
    }

    public sealed class NoteInput
    {
        public Guid CheckId { get; set; }

        [StringLength(MonitoringPracticeCheck.NoteMaxLength, ErrorMessage = "A note must be 1,000 characters or fewer")]
        public string? Text { get; set; }
    }

    public sealed class ActionForm
    {
        [StringLength(MonitoringAction.TextMaxLength, ErrorMessage = "What must be done must be 1,000 characters or fewer")]
        public string? What { get; set; }

        [StringLength(MonitoringAction.OwnerMaxLength, ErrorMessage = "Who will do it must be 100 characters or fewer")]
        public string? Owner { get; set; }

        public DateParts DueOn { get; set; } = new();

        public bool IsEmpty => string.IsNullOrWhiteSpace(What) && string.IsNullOrWhiteSpace(Owner) && DueOn.IsEmpty;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid monitoringId)
    {
        if (await LoadAsync(id, monitoringId) is { } stop)
        {
            return stop;
        }
        Version = Monitoring.Version;
        Input = new CheckForm
        {
            Findings = Monitoring.Findings,
            Notes = [.. Checks.Select(c => new NoteInput { CheckId = c.Id, Text = c.AuditorNote })],
        };
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(Guid id, Guid monitoringId) =>
        WriteAsync(id, monitoringId, actionRequired: false, complete: false,
            "Your notes and findings have been saved. You can come back and sign off later.");

    public Task<IActionResult> OnPostActionAsync(Guid id, Guid monitoringId) =>
        WriteAsync(id, monitoringId, actionRequired: true, complete: false, "The action has been added.");

    public Task<IActionResult> OnPostCompleteAsync(Guid id, Guid monitoringId) =>
        WriteAsync(id, monitoringId, actionRequired: false, complete: true, null);

    private async Task<IActionResult> WriteAsync(Guid id, Guid monitoringId, bool actionRequired, bool complete, string? confirmation)
    {
        if (!Scope.Allows(Permission.MonitorServices))
        {
            return Forbid();
        }
        if (await LoadAsync(id, monitoringId) is { } stop)
        {
            return stop;
        }
        if (!CanCarryOut(Monitoring.Kind))
        {
            return Forbid();
        }
        var posted = Input.Notes.Where(n => n.CheckId != Guid.Empty).GroupBy(n => n.CheckId).ToDictionary(g => g.Key, g => g.First().Text);
        // Shown back exactly as typed, in the form's order, whatever order the post came in.
        Input.Notes = [.. Checks.Select(c => new NoteInput { CheckId = c.Id, Text = posted.GetValueOrDefault(c.Id, c.AuditorNote) })];
        var notes = Input.Notes.ToDictionary(n => n.CheckId, n => n.Text);

        DateOnly? dueOn = null;
        var addAction = actionRequired || !NewAction.IsEmpty;
        if (addAction)
        {
            dueOn = ValidateAction();
        }
        if (complete && Monitoring.Status == MonitoringStatus.Draft)
        {
            // The page's copy is not tracked: filling it in shows what sign-off would find, and saves nothing.
            Monitoring.Findings = Text.OrNull(Input.Findings);
            foreach (var check in Checks)
            {
                check.AuditorNote = Text.OrNull(notes.GetValueOrDefault(check.Id));
            }
            foreach (var gap in MonitoringRecords.Gaps(Monitoring))
            {
                ModelState.AddModelError(FieldFor(gap.Field), gap.Message);
            }
        }
        if (!ModelState.IsValid || !await TryWriteAsync(async () =>
            {
                await using var transaction = await Db.Database.BeginTransactionAsync();
                await records.SaveAsync(monitoringId, Version, Input.Findings, notes);
                if (addAction)
                {
                    await records.AddActionAsync(monitoringId, await CurrentVersionAsync(monitoringId), NewAction.What!, NewAction.Owner!, dueOn!.Value);
                }
                if (complete)
                {
                    await records.CompleteAsync(monitoringId, await CurrentVersionAsync(monitoringId));
                }
                await transaction.CommitAsync();
            }, FieldFor))
        {
            return Page();
        }
        if (complete)
        {
            Confirm($"The {Short(Monitoring.Kind)} of {Service.Name} has been signed off.");
            return Redirect(Links.ServiceMonitoring(id));
        }
        Confirm(confirmation!);
        return Redirect(addAction ? Links.MonitoringActions(id, monitoringId) : Links.MonitoringCheck(id, monitoringId));
    }

    private DateOnly? ValidateAction()
    {
        if (string.IsNullOrWhiteSpace(NewAction.What))
        {
            ModelState.AddModelError("NewAction.What", "Enter what must be done");
        }
        if (string.IsNullOrWhiteSpace(NewAction.Owner))
        {
            ModelState.AddModelError("NewAction.Owner", "Enter who will do it");
        }
        var due = NewAction.DueOn.Validate(ModelState, "NewAction.DueOn", "The date it is due");
        if (due < Today)
        {
            ModelState.AddModelError("NewAction.DueOn", "The date it is due must be today or in the future");
            return null;
        }
        return due;
    }

    /// <summary>Where on the form a rule's refusal belongs: the core names its fields, the form names its inputs.</summary>
    private string FieldFor(string field)
    {
        if (field.StartsWith("Note_", StringComparison.Ordinal) && Guid.TryParse(field["Note_".Length..], out var checkId))
        {
            var index = Checks.FindIndex(c => c.Id == checkId);
            return index < 0 ? "" : $"Input.Notes[{index}].Text";
        }
        return field switch
        {
            "" => "",
            nameof(ServiceMonitoring.Findings) => "Input.Findings",
            nameof(MonitoringAction.DueOn) => "NewAction.DueOn",
            _ => $"Input.{field}",
        };
    }

    private Task<int> CurrentVersionAsync(Guid monitoringId) =>
        Db.Monitoring.Where(m => m.Id == monitoringId).Select(m => m.Version).SingleAsync();

    private async Task<IActionResult?> LoadAsync(Guid id, Guid monitoringId)
    {
        var monitoring = Monitoring;
        Today = UkTime.Today(clock);
        Checks = await InFormOrderAsync(monitoring);
        Monitoring.Actions = ActionsInOrder(monitoring);
        return null;
    }
}
