using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Proportion.Core.Analytics;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Pages.Charts;

/// <summary>
/// Marking a change on a subject's charts, from which their limits are worked out again, and withdrawing
/// one marked in error (R14). Who may do either is decided in Core (<see cref="ChartChanges"/>).
/// </summary>
public abstract class ChartChangesPageModel(ChartChanges changes) : ProportionPageModel
{
    // Named, so a post missing every field cannot bind to an empty prefix and dodge the field keys.
    [BindProperty(Name = "Input")]
    public MarkForm Input { get; set; } = new();

    [BindProperty(Name = "Withdrawal")]
    public WithdrawForm Withdrawal { get; set; } = new();

    public sealed class MarkForm
    {
        public DateParts Date { get; set; } = new();

        [Required(ErrorMessage = "Enter what changed")]
        [StringLength(ChartChange.DescriptionMaxLength, ErrorMessage = "What changed must be 200 characters or fewer")]
        public string? Description { get; set; }
    }

    public sealed class WithdrawForm
    {
        public Guid? ChangeId { get; set; }
        public string? Reason { get; set; }
    }

    public abstract ChartSubject Subject { get; }
    public abstract string SubjectName { get; }

    public IReadOnlyList<ChartChange> Marked { get; private set; } = [];
    public List<SelectListItem> Withdrawable => [.. Marked.Where(c => !c.IsWithdrawn)
        .Select(c => new SelectListItem($"{UkTime.Format(c.Date)}: {c.Description}", c.Id.ToString()))];

    protected async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        if (await changes.MarkableByAsync(Subject, ct) is null)
        {
            return Forbid();
        }
        Marked = await changes.ForSubjectAsync(Subject, ct);
        return Page();
    }

    protected async Task<IActionResult> MarkAsync(CancellationToken ct)
    {
        ModelState.Remove("Withdrawal.ChangeId");
        ModelState.Remove("Withdrawal.Reason");
        var date = Input.Date.Validate(ModelState, "Input.Date", "Date of the change");
        if (!ModelState.IsValid || !await TryWriteAsync(() => changes.MarkAsync(Subject, date!.Value, Input.Description!, ct)))
        {
            return await ShowAsync(ct);
        }
        Confirm($"The change from {UkTime.Format(date!.Value)} is marked. The charts' limits are worked out again from then.");
        return Redirect(Links.RestrictionChart(Subject, Measure.Incidents, ChartPeriod.Month));
    }

    protected async Task<IActionResult> WithdrawAsync(CancellationToken ct)
    {
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Input.", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
        if (Withdrawal.ChangeId is not { } changeId)
        {
            ModelState.AddModelError("Withdrawal.ChangeId", "Select the change to withdraw");
        }
        if (string.IsNullOrWhiteSpace(Withdrawal.Reason))
        {
            ModelState.AddModelError("Withdrawal.Reason", "Enter why you are withdrawing this change");
        }
        if (!ModelState.IsValid || !await TryWriteAsync(() => changes.WithdrawAsync(Subject, Withdrawal.ChangeId!.Value, Withdrawal.Reason!, ct), "Withdrawal"))
        {
            return await ShowAsync(ct);
        }
        Confirm("The change is withdrawn. It stays on the record, and the charts no longer work their limits out again from it.");
        return Redirect(Links.RestrictionChart(Subject, Measure.Incidents, ChartPeriod.Month));
    }
}
