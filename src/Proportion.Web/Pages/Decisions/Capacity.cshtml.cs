using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Proportion.Core.Data;
using Proportion.Core.Decisions;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Forms;
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

        // The evidence a conclusion of "lacks capacity" needs (MCA s.1-3, Code chapter 4).
        [StringLength(100, ErrorMessage = "The assessor's name must be 100 characters or fewer")]
        public string? CapacityAssessorName { get; set; }

        [StringLength(100, ErrorMessage = "The assessor's role must be 100 characters or fewer")]
        public string? CapacityAssessorRole { get; set; }

        public DateParts CapacityAssessedOn { get; set; } = new();

        [StringLength(PracticeDecision.TextMaxLength, ErrorMessage = "The evidence about understanding must be 4,000 characters or fewer")]
        public string? UnderstandEvidence { get; set; }

        [StringLength(PracticeDecision.TextMaxLength, ErrorMessage = "The evidence about retaining must be 4,000 characters or fewer")]
        public string? RetainEvidence { get; set; }

        [StringLength(PracticeDecision.TextMaxLength, ErrorMessage = "The evidence about using or weighing must be 4,000 characters or fewer")]
        public string? UseOrWeighEvidence { get; set; }

        [StringLength(PracticeDecision.TextMaxLength, ErrorMessage = "The evidence about communicating must be 4,000 characters or fewer")]
        public string? CommunicateEvidence { get; set; }

        [StringLength(PracticeDecision.TextMaxLength, ErrorMessage = "The impairment must be 4,000 characters or fewer")]
        public string? ImpairmentDescription { get; set; }

        [StringLength(PracticeDecision.TextMaxLength, ErrorMessage = "The steps taken must be 4,000 characters or fewer")]
        public string? PracticableStepsTaken { get; set; }

        public bool? NotBasedOnUnwiseDecision { get; set; }
    }

    public static readonly List<SelectListItem> YesNo = [new("Yes", "true"), new("No", "false")];

    /// <summary>The answer is stored as "not based on an unwise decision", so "No" is true.</summary>
    public static readonly List<SelectListItem> UnwiseOptions = [new("No, it does not rest on that", "true"), new("Yes", "false")];

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
            CapacityAssessorName = Decision.CapacityAssessorName, CapacityAssessorRole = Decision.CapacityAssessorRole,
            CapacityAssessedOn = DateParts.From(Decision.CapacityAssessedOn),
            UnderstandEvidence = Decision.UnderstandEvidence, RetainEvidence = Decision.RetainEvidence,
            UseOrWeighEvidence = Decision.UseOrWeighEvidence, CommunicateEvidence = Decision.CommunicateEvidence,
            ImpairmentDescription = Decision.ImpairmentDescription, PracticableStepsTaken = Decision.PracticableStepsTaken,
            NotBasedOnUnwiseDecision = Decision.NotBasedOnUnwiseDecision,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid practiceId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        var assessedOn = Input.CapacityAssessedOn.Validate(ModelState, "Input.CapacityAssessedOn", "Date assessed", required: false);
        return await SaveStepAsync(Slug, d =>
        {
            d.CanUnderstand = Input.CanUnderstand;
            d.CanRetain = Input.CanRetain;
            d.CanUseOrWeigh = Input.CanUseOrWeigh;
            d.CanCommunicate = Input.CanCommunicate;
            d.HasImpairmentOfMindOrBrain = Input.HasImpairmentOfMindOrBrain;
            d.InabilityIsBecauseOfImpairment = Input.InabilityIsBecauseOfImpairment;
            d.CapacityEvidence = Text.OrNull(Input.CapacityEvidence);
            d.CapacityAssessorName = Text.OrNull(Input.CapacityAssessorName);
            d.CapacityAssessorRole = Text.OrNull(Input.CapacityAssessorRole);
            d.CapacityAssessedOn = assessedOn;
            d.UnderstandEvidence = Text.OrNull(Input.UnderstandEvidence);
            d.RetainEvidence = Text.OrNull(Input.RetainEvidence);
            d.UseOrWeighEvidence = Text.OrNull(Input.UseOrWeighEvidence);
            d.CommunicateEvidence = Text.OrNull(Input.CommunicateEvidence);
            d.ImpairmentDescription = Text.OrNull(Input.ImpairmentDescription);
            d.PracticableStepsTaken = Text.OrNull(Input.PracticableStepsTaken);
            d.NotBasedOnUnwiseDecision = Input.NotBasedOnUnwiseDecision;
        });
    }
}
