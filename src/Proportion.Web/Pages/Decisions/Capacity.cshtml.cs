using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Proportion.Core.Data;
using Proportion.Core.Decisions;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Decisions;

/// <summary>§5.6, Appendix 2: the MCA functional test for this specific decision, and the evidence for it.</summary>
[Requires(Permission.EditPractices)]
[OwnOrganisationSubject]
public class CapacityModel(ProportionDbContext db, DecisionRecords decisions) : DecisionPageModel(db, decisions)
{
    public override string Slug => "capacity";

    // Named, so a post missing every field cannot bind to an empty prefix and dodge the field keys.
    [BindProperty(Name = "Input")]
    public CapacityAnswersForm Input { get; set; } = new();

    public sealed class CapacityAnswersForm
    {
        public bool? CanUnderstand { get; set; }
        public bool? CanRetain { get; set; }
        public bool? CanUseOrWeigh { get; set; }
        public bool? CanCommunicate { get; set; }
        public bool? HasImpairmentOfMindOrBrain { get; set; }
        public bool? InabilityIsBecauseOfImpairment { get; set; }

        [StringLength(PracticeDecision.TextMaxLength, ErrorMessage = "The evidence must be 4,000 characters or fewer")]
        public string? CapacityEvidence { get; set; }
    }

    public static readonly List<SelectListItem> YesNo = [new("Yes", "true"), new("No", "false")];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid practiceId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        Input = new CapacityAnswersForm
        {
            CanUnderstand = Decision.CanUnderstand, CanRetain = Decision.CanRetain, CanUseOrWeigh = Decision.CanUseOrWeigh,
            CanCommunicate = Decision.CanCommunicate, HasImpairmentOfMindOrBrain = Decision.HasImpairmentOfMindOrBrain,
            InabilityIsBecauseOfImpairment = Decision.InabilityIsBecauseOfImpairment, CapacityEvidence = Decision.CapacityEvidence,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid practiceId) =>
        await LoadDraftAsync() ?? await SaveStepAsync(Slug, d =>
        {
            d.CanUnderstand = Input.CanUnderstand;
            d.CanRetain = Input.CanRetain;
            d.CanUseOrWeigh = Input.CanUseOrWeigh;
            d.CanCommunicate = Input.CanCommunicate;
            d.HasImpairmentOfMindOrBrain = Input.HasImpairmentOfMindOrBrain;
            d.InabilityIsBecauseOfImpairment = Input.InabilityIsBecauseOfImpairment;
            d.CapacityEvidence = Text.OrNull(Input.CapacityEvidence);
        });
}
