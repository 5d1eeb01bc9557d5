using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.Reduction;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Forms;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Plans.Reduction;

/// <summary>
/// Records how a step of the agreed plan went. When it is achieved, the practice changes as the step says in
/// the same write (ended, narrowed or fewer hours), and the manager is taken to check every document reflects it.
/// </summary>
[Requires(Permission.EditPlans)]
[OwnOrganisationSubject]
public class TakeStepModel(ProportionDbContext db, PlanRecords plans, ReductionRecords reductions, TimeProvider clock) : ProportionPageModel
{
    public Person Person => Subjects.Person!;
    public Plan Plan => Subjects.Plan!;
    public RestrictivePractice Practice { get; private set; } = null!;
    public ReductionStep Step { get; private set; } = null!;
    public int Number { get; private set; }
    public bool AlreadyChanged { get; private set; }

    [BindProperty(Name = "Input")]
    public Answers Input { get; set; } = new();

    public sealed class Answers
    {
        public DateParts TakenOn { get; set; } = new();
        [Required(ErrorMessage = "Select how the step went")]
        [EnumDataType(typeof(StageResult), ErrorMessage = "Select how the step went")]
        public StageResult? Result { get; set; }
        [Required(ErrorMessage = "Enter how it went")]
        [StringLength(StageOutcome.NotesMaxLength, ErrorMessage = "How it went must be 4,000 characters or fewer")]
        public string? Notes { get; set; }
        public int PlanVersion { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid planId, Guid stageId)
    {
        if (await LoadAsync(stageId) is { } stop)
        {
            return stop;
        }
        Input.TakenOn = DateParts.From(UkTime.Today(clock));
        Input.PlanVersion = Plan.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid planId, Guid stageId)
    {
        if (await LoadAsync(stageId) is { } stop)
        {
            return stop;
        }
        var takenOn = Input.TakenOn.Validate(ModelState, "Input.TakenOn", "The date the step was taken");
        PracticeReduction? reduction = null;
        if (!ModelState.IsValid || !await TryWriteAsync(async () =>
            reduction = (await reductions.TakeStepAsync(planId, Input.PlanVersion, stageId, takenOn!.Value, Input.Result!.Value, Input.Notes!)).Reduction))
        {
            return Page();
        }
        if (reduction is not null)
        {
            Confirm(reduction.Kind == ReductionKind.Ended
                ? $"Step {Number} is recorded and the practice has ended. Check every document reflects the change."
                : $"Step {Number} is recorded and the practice has changed. Staff will be asked to read its new guidelines. Check every document reflects the change.");
            return Redirect(Links.ReductionDocuments(id, planId, stageId));
        }
        Confirm($"Step {Number} is recorded.");
        return Redirect(Links.Plan(id, planId, PlanKind.Reduction));
    }

    private async Task<IActionResult?> LoadAsync(Guid stageId)
    {
        if (Plan.Kind != PlanKind.Reduction || Plan.PracticeId is not { } practiceId)
        {
            return NotFound();
        }
        var agreed = await plans.AgreedContentAsync<ReductionContent>(Plan);
        var index = agreed?.Stages.FindIndex(s => s.Id == stageId) ?? -1;
        if (agreed is null || index < 0)
        {
            return NotFound();
        }
        Step = agreed.Stages[index];
        Number = index + 1;
        Practice = await db.Practices.AsNoTracking().SingleAsync(p => p.Id == practiceId);
        AlreadyChanged = await db.PracticeReductions.AnyAsync(r => r.PlanId == Plan.Id && r.StageId == stageId);
        return null;
    }
}
