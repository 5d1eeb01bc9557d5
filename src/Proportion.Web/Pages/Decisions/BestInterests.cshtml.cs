using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Data;
using Proportion.Core.Decisions;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Decisions;

/// <summary>§5.14 and the MCA s.4 checklist, when the person lacks capacity to consent to the practice.</summary>
[Requires(Permission.EditPractices)]
[OwnOrganisationSubject]
public class BestInterestsModel(ProportionDbContext db, DecisionRecords decisions) : DecisionPageModel(db, decisions)
{
    public override string Slug => "best-interests";

    // Named, so a post missing every field cannot bind to an empty prefix and dodge the field keys.
    [BindProperty(Name = "Input")]
    public BestInterestsForm Input { get; set; } = new();

    public sealed class BestInterestsForm
    {
        [StringLength(PracticeDecision.TextMaxLength, ErrorMessage = "This answer must be 4,000 characters or fewer")]
        public string? CouldRegainCapacity { get; set; }

        [StringLength(PracticeDecision.TextMaxLength, ErrorMessage = "This answer must be 4,000 characters or fewer")]
        public string? HowTheyTookPart { get; set; }

        [StringLength(PracticeDecision.TextMaxLength, ErrorMessage = "This answer must be 4,000 characters or fewer")]
        public string? WishesAndFeelings { get; set; }

        [StringLength(PracticeDecision.TextMaxLength, ErrorMessage = "This answer must be 4,000 characters or fewer")]
        public string? BeliefsAndValues { get; set; }

        [StringLength(PracticeDecision.TextMaxLength, ErrorMessage = "This answer must be 4,000 characters or fewer")]
        public string? BestInterestsConclusion { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid practiceId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        Input = new BestInterestsForm
        {
            CouldRegainCapacity = Decision.CouldRegainCapacity, HowTheyTookPart = Decision.HowTheyTookPart,
            WishesAndFeelings = Decision.WishesAndFeelings, BeliefsAndValues = Decision.BeliefsAndValues,
            BestInterestsConclusion = Decision.BestInterestsConclusion,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid practiceId) =>
        await LoadDraftAsync() ?? await SaveStepAsync(Slug, d =>
        {
            d.CouldRegainCapacity = Text.OrNull(Input.CouldRegainCapacity);
            d.HowTheyTookPart = Text.OrNull(Input.HowTheyTookPart);
            d.WishesAndFeelings = Text.OrNull(Input.WishesAndFeelings);
            d.BeliefsAndValues = Text.OrNull(Input.BeliefsAndValues);
            // Those consulted are a list of people now (the Consultees page); older free text is kept as it was.
            d.BestInterestsConclusion = Text.OrNull(Input.BestInterestsConclusion);
        });
}
