using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.Support;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Pages.Plans.SupportPlan;

/// <summary>
/// Adds or changes one personal assistant employed through a direct payment (R20): who they are, what they help
/// with, and the employer's checks with their dates. A check not yet done is left blank; agreeing names it.
/// </summary>
[Requires(Permission.EditPlans)]
public class AssistantModel(PlanRecords plans, TimeProvider clock) : SupportPlanPageModel(plans)
{
    [BindProperty(Name = "Input")]
    public AssistantForm Input { get; set; } = new();

    public bool IsNew { get; private set; }

    public sealed class AssistantForm
    {
        [Required(ErrorMessage = "Enter the personal assistant's name")]
        [StringLength(PersonalAssistant.NameMaxLength, ErrorMessage = "The name must be 200 characters or fewer")]
        public string? Name { get; set; }
        [StringLength(SupportPlanContent.ShortTextMaxLength, ErrorMessage = "What they help with must be 200 characters or fewer")]
        public string? HelpsWith { get; set; }
        public DateParts StartedOn { get; set; } = new();
        public DateParts DbsCheckedOn { get; set; } = new();
        public DateParts ReferencesCheckedOn { get; set; } = new();
        public DateParts RightToWorkCheckedOn { get; set; } = new();
        public DateParts InsuranceUntil { get; set; } = new();
        public DateParts ContractSignedOn { get; set; } = new();
        public DateParts TrainedOn { get; set; } = new();
        [StringLength(SupportPlanContent.ShortTextMaxLength, ErrorMessage = "The training must be 200 characters or fewer")]
        public string? Training { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid? assistantId)
    {
        if (await LoadAsync(assistantId) is { } stop)
        {
            return stop;
        }
        var a = Draft.Assistants.FirstOrDefault(x => x.Id == assistantId);
        Input = new AssistantForm
        {
            Name = a?.Name, HelpsWith = a?.HelpsWith, StartedOn = DateParts.From(a?.StartedOn),
            DbsCheckedOn = DateParts.From(a?.DbsCheckedOn), ReferencesCheckedOn = DateParts.From(a?.ReferencesCheckedOn),
            RightToWorkCheckedOn = DateParts.From(a?.RightToWorkCheckedOn), InsuranceUntil = DateParts.From(a?.InsuranceUntil),
            ContractSignedOn = DateParts.From(a?.ContractSignedOn), TrainedOn = DateParts.From(a?.TrainedOn), Training = a?.Training,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? assistantId)
    {
        if (await LoadAsync(assistantId) is { } stop)
        {
            return stop;
        }
        var today = UkTime.Today(clock);
        DateOnly? Done(DateParts parts, string field, string label)
        {
            var date = parts.Validate(ModelState, $"Input.{field}", label, required: false);
            if (date > today)
            {
                ModelState.AddModelError($"Input.{field}", $"{label} must be today or in the past");
            }
            return date;
        }
        var changed = new PersonalAssistant
        {
            Id = assistantId ?? Guid.CreateVersion7(),
            Name = Input.Name?.Trim() ?? "",
            HelpsWith = Text.OrNull(Input.HelpsWith),
            StartedOn = Input.StartedOn.Validate(ModelState, "Input.StartedOn", "The date they started", required: false),
            DbsCheckedOn = Done(Input.DbsCheckedOn, nameof(Input.DbsCheckedOn), "The date of the DBS check"),
            ReferencesCheckedOn = Done(Input.ReferencesCheckedOn, nameof(Input.ReferencesCheckedOn), "The date the references were checked"),
            RightToWorkCheckedOn = Done(Input.RightToWorkCheckedOn, nameof(Input.RightToWorkCheckedOn), "The date their right to work was checked"),
            InsuranceUntil = Input.InsuranceUntil.Validate(ModelState, "Input.InsuranceUntil", "The date the insurance runs to", required: false),
            ContractSignedOn = Done(Input.ContractSignedOn, nameof(Input.ContractSignedOn), "The date the contract was signed"),
            TrainedOn = Done(Input.TrainedOn, nameof(Input.TrainedOn), "The date of their training"),
            Training = Text.OrNull(Input.Training),
        };
        if (!ModelState.IsValid)
        {
            return Page();
        }
        List<PersonalAssistant> assistants = IsNew ? [.. Draft.Assistants, changed] : [.. Draft.Assistants.Select(a => a.Id == assistantId ? changed : a)];
        if (!await SaveAsync(Draft with { Assistants = assistants }))
        {
            return Page();
        }
        return Redirect(Links.SupportPlanAssistants(Person.Id, Plan.Id, FromCheck));
    }

    private async Task<IActionResult?> LoadAsync(Guid? assistantId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        if (assistantId is { } id && Draft.Assistants.All(a => a.Id != id))
        {
            return NotFound();
        }
        IsNew = assistantId is null;
        return null;
    }
}
