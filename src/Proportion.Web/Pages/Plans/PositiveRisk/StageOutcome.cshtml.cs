using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.PositiveRisk;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Forms;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Plans.PositiveRisk;

/// <summary>Records how one stage of an agreed positive risk-taking plan went: achieved, partly, or stepped back, on a date, with notes.</summary>
[Requires(Permission.EditPlans)]
[OwnOrganisationSubject]
public class StageOutcomeModel(PlanRecords plans) : ProportionPageModel
{
    [BindProperty(Name = "Input")]
    public OutcomeForm Input { get; set; } = new();

    [BindProperty]
    public int PlanVersion { get; set; }

    public Person Person => Subjects.Person!;
    public Plan Plan => Subjects.Plan!;
    public PlanStage Stage { get; private set; } = new();
    public int StageNumber { get; private set; }

    public sealed class OutcomeForm
    {
        [Required(ErrorMessage = "Select how the stage went")]
        [EnumDataType(typeof(StageResult), ErrorMessage = "Select how the stage went")]
        public StageResult? Result { get; set; }
        public DateParts TakenOn { get; set; } = new();
        [StringLength(StageOutcome.NotesMaxLength, ErrorMessage = "How it went must be 4,000 characters or fewer")]
        public string? Notes { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid stageId)
    {
        if (await LoadAsync(stageId) is { } stop)
        {
            return stop;
        }
        PlanVersion = Plan.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid stageId)
    {
        if (await LoadAsync(stageId) is { } stop)
        {
            return stop;
        }
        var takenOn = Input.TakenOn.Validate(ModelState, "Input.TakenOn", "The date the stage was taken");
        if (!ModelState.IsValid
            || !await TryWriteAsync(() => plans.RecordStageOutcomeAsync(Plan.Id, PlanVersion, stageId, takenOn!.Value, Input.Result!.Value, Input.Notes ?? "")))
        {
            return Page();
        }
        Confirm($"How stage {StageNumber} went has been recorded.");
        return Redirect(Links.Plan(Person.Id, Plan.Id, PlanKind.PositiveRisk) + "#stages");
    }

    private async Task<IActionResult?> LoadAsync(Guid stageId)
    {
        if (Plan.Kind != PlanKind.PositiveRisk || Plan.Status != PlanStatus.InPlace)
        {
            return NotFound();
        }
        var agreed = await plans.AgreedContentAsync<PositiveRiskContent>(Plan, HttpContext.RequestAborted);
        var index = agreed?.Stages.FindIndex(s => s.Id == stageId) ?? -1;
        if (index < 0)
        {
            return NotFound();
        }
        Stage = agreed!.Stages[index];
        StageNumber = index + 1;
        return null;
    }
}
