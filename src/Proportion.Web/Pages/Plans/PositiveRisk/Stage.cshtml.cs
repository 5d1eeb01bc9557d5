using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Plans;
using Proportion.Core.Plans.PositiveRisk;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Pages.Plans.PositiveRisk;

/// <summary>Adds or changes one stage of the progression: what happens, the support at that stage, its success criteria and its date.</summary>
[Requires(Permission.EditPlans)]
public class StageModel(PlanRecords plans) : PositiveRiskPageModel(plans)
{
    [BindProperty(Name = "Input")]
    public StageForm Input { get; set; } = new();

    public bool IsNew { get; private set; }

    public sealed class StageForm
    {
        [Required(ErrorMessage = "Enter what happens at this stage")]
        [StringLength(500, ErrorMessage = "What happens must be 500 characters or fewer")]
        public string? Description { get; set; }
        [Required(ErrorMessage = "Enter the support at this stage")]
        [StringLength(PositiveRiskContent.TextMaxLength, ErrorMessage = "The support must be 4,000 characters or fewer")]
        public string? Support { get; set; }
        [Required(ErrorMessage = "Enter how you will know the stage went well")]
        [StringLength(PositiveRiskContent.TextMaxLength, ErrorMessage = "The success criteria must be 4,000 characters or fewer")]
        public string? SuccessCriteria { get; set; }
        public DateParts PlannedOn { get; set; } = new();
    }

    public async Task<IActionResult> OnGetAsync(Guid? stageId)
    {
        if (await LoadAsync(stageId) is { } stop)
        {
            return stop;
        }
        var stage = Draft.Stages.FirstOrDefault(s => s.Id == stageId);
        Input = new StageForm
        {
            Description = stage?.Description,
            Support = stage?.Support,
            SuccessCriteria = stage?.SuccessCriteria,
            PlannedOn = DateParts.From(stage?.PlannedOn),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? stageId)
    {
        if (await LoadAsync(stageId) is { } stop)
        {
            return stop;
        }
        var plannedOn = Input.PlannedOn.Validate(ModelState, "Input.PlannedOn", "The date the stage starts");
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var changed = new PlanStage
        {
            Id = stageId ?? Guid.CreateVersion7(),
            Description = Input.Description!.Trim(),
            Support = Input.Support!.Trim(),
            SuccessCriteria = Input.SuccessCriteria!.Trim(),
            PlannedOn = plannedOn,
        };
        List<PlanStage> stages = IsNew ? [.. Draft.Stages, changed] : [.. Draft.Stages.Select(s => s.Id == stageId ? changed : s)];
        if (!await SaveAsync(Draft with { Stages = stages }))
        {
            return Page();
        }
        return Redirect(Links.PositiveRiskStages(Person.Id, Plan.Id, FromCheck));
    }

    private async Task<IActionResult?> LoadAsync(Guid? stageId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        if (stageId is { } id && Draft.Stages.All(s => s.Id != id))
        {
            return NotFound();
        }
        IsNew = stageId is null;
        return null;
    }
}
