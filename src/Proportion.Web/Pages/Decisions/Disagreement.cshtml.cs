using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Data;
using Proportion.Core.Decisions;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Forms;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Decisions;

/// <summary>
/// §5.10: where agreement is hard to reach (an agreement declined, or the person or their representatives
/// disagree), the manager records the route taken: a multi-disciplinary discussion of the issues, and legal
/// advice once a senior manager agreed it was needed. Each is added to the discussion and kept.
/// </summary>
[Requires(Permission.EditPractices)]
[OwnOrganisationSubject]
public class DisagreementModel(ProportionDbContext db, DecisionRecords decisions, DecisionAgreements agreements, TimeProvider clock)
    : DecisionPageModel(db, decisions)
{
    public override string Slug => "disagreement";

    [BindProperty(Name = "Input")]
    public StepForm Input { get; set; } = new();

    public sealed class StepForm
    {
        [Required(ErrorMessage = "Select whether this was a multi-disciplinary discussion or legal advice")]
        public DisagreementStepKind? Kind { get; set; }

        public DateParts On { get; set; } = new();

        [StringLength(DisagreementStep.TextMaxLength, ErrorMessage = "Who took part must be 4,000 characters or fewer")]
        public string? Who { get; set; }

        [StringLength(AppUser.DisplayNameMaxLength, ErrorMessage = "The senior manager's name must be 100 characters or fewer")]
        public string? AgreedBySeniorManager { get; set; }

        [StringLength(DisagreementStep.TextMaxLength, ErrorMessage = "The outcome must be 4,000 characters or fewer")]
        public string? Outcome { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid practiceId)
    {
        Input.On = DateParts.From(UkTime.Today(clock));
        return await LoadDraftAsync() ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid practiceId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        var on = Input.On.Validate(ModelState, "Input.On", "The date");
        if (!ModelState.IsValid || !await TryWriteAsync(() => agreements.RecordStepAsync(Decision.Id, DecisionVersion, new DisagreementStep
            {
                Kind = Input.Kind!.Value, On = on!.Value, Who = Input.Who ?? "", Outcome = Input.Outcome ?? "",
                AgreedBySeniorManager = Input.AgreedBySeniorManager,
            })))
        {
            return Page();
        }
        Confirm($"{Display.Name(Input.Kind!.Value)} has been recorded on the discussion.");
        return Redirect(StepUrl("check"));
    }
}
