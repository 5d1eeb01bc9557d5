using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.Reduction;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Pages.Plans.Reduction;

/// <summary>Adds a step to the draft, or changes one: what happens, from when, how everyone will know it worked, and what it changes.</summary>
public class StepModel(PlanRecords plans) : ReductionPageModel(plans)
{
    public override string Slug => "steps";

    [BindProperty(Name = "Input")]
    public Answers Input { get; set; } = new();

    /// <summary>The step being changed; null while adding one.</summary>
    public ReductionStep? Step { get; private set; }
    public int Number { get; private set; }

    public sealed class Answers
    {
        [Required(ErrorMessage = "Say what happens at this step")]
        [StringLength(ReductionStep.TextMaxLength, ErrorMessage = "What happens must be 2,000 characters or fewer")]
        public string? Description { get; set; }
        public DateParts PlannedOn { get; set; } = new();
        [StringLength(ReductionStep.TextMaxLength, ErrorMessage = "The success criteria must be 2,000 characters or fewer")]
        public string? SuccessCriteria { get; set; }
        [StringLength(ReductionStep.TextMaxLength, ErrorMessage = "The support must be 2,000 characters or fewer")]
        public string? Support { get; set; }
        [Required(ErrorMessage = "Select what the step changes about the practice")]
        [EnumDataType(typeof(StepChange), ErrorMessage = "Select what the step changes about the practice")]
        public StepChange? Change { get; set; }
        [StringLength(RestrictivePractice.DescriptionMaxLength, ErrorMessage = "The practice as it will be must be 2,000 characters or fewer")]
        public string? NewDescription { get; set; }
        [StringLength(ReductionStep.TextMaxLength, ErrorMessage = "When it may be used must be 2,000 characters or fewer")]
        public string? NewWhenMayBeUsed { get; set; }
        [StringLength(ReductionStep.TextMaxLength, ErrorMessage = "When it must not be used must be 2,000 characters or fewer")]
        public string? NewWhenMustNotBeUsed { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid planId, Guid? stepId)
    {
        if (await LoadAsync(stepId) is { } stop)
        {
            return stop;
        }
        if (Step is { } s)
        {
            Input = new Answers
            {
                Description = s.Description, PlannedOn = DateParts.From(s.PlannedOn), SuccessCriteria = s.SuccessCriteria, Support = s.Support,
                Change = s.Change, NewDescription = s.NewDescription, NewWhenMayBeUsed = s.NewWhenMayBeUsed, NewWhenMustNotBeUsed = s.NewWhenMustNotBeUsed,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid planId, Guid? stepId)
    {
        if (await LoadAsync(stepId) is { } stop)
        {
            return stop;
        }
        var plannedOn = Input.PlannedOn.Validate(ModelState, "Input.PlannedOn", "The date the step starts", required: false);
        var narrows = Input.Change is StepChange.NarrowScope or StepChange.ReduceHours;
        if (narrows && string.IsNullOrWhiteSpace(Input.NewDescription))
        {
            ModelState.AddModelError("Input.NewDescription", "Describe the practice as it will be after this step");
        }
        if (narrows && string.IsNullOrWhiteSpace(Input.NewWhenMayBeUsed))
        {
            ModelState.AddModelError("Input.NewWhenMayBeUsed", "Say when the practice may be used after this step");
        }
        var step = (Step ?? new ReductionStep()) with
        {
            Description = Input.Description?.Trim() ?? "",
            PlannedOn = plannedOn,
            SuccessCriteria = Text.OrNull(Input.SuccessCriteria),
            Support = Text.OrNull(Input.Support),
            Change = Input.Change,
            NewDescription = narrows ? Text.OrNull(Input.NewDescription) : null,
            NewWhenMayBeUsed = narrows ? Text.OrNull(Input.NewWhenMayBeUsed) : null,
            NewWhenMustNotBeUsed = narrows ? Text.OrNull(Input.NewWhenMustNotBeUsed) : null,
        };
        List<ReductionStep> stages = Step is null ? [.. Draft.Stages, step] : [.. Draft.Stages.Select(s => s.Id == step.Id ? step : s)];
        return await SaveAsync(Draft with { Stages = stages }, QuestionUrl("steps"));
    }

    private async Task<IActionResult?> LoadAsync(Guid? stepId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        if (stepId is { } wanted)
        {
            Step = Draft.Stages.SingleOrDefault(s => s.Id == wanted);
            if (Step is null)
            {
                return NotFound();
            }
            Number = Draft.Stages.IndexOf(Step) + 1;
        }
        else
        {
            Number = Draft.Stages.Count + 1;
        }
        return null;
    }
}
