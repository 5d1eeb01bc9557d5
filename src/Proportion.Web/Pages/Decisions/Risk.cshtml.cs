using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Data;
using Proportion.Core.Decisions;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Decisions;

/// <summary>§5.3: the risk, how likely and serious, what was tried, the consequences either way, proportionality.</summary>
[Requires(Permission.EditPractices)]
[OwnOrganisationSubject]
public class RiskModel(ProportionDbContext db, DecisionRecords decisions) : DecisionPageModel(db, decisions)
{
    public override string Slug => "risk";

    // Named, so a post missing every field cannot bind to an empty prefix and dodge the field keys.
    [BindProperty(Name = "Input")]
    public RiskAnswers Input { get; set; } = new();

    public sealed class RiskAnswers
    {
        [StringLength(PracticeDecision.TextMaxLength, ErrorMessage = "The risk must be 4,000 characters or fewer")]
        public string? Risk { get; set; }

        [Range(1, 5, ErrorMessage = "Select how likely the harm is")]
        public int? Likelihood { get; set; }

        [Range(1, 5, ErrorMessage = "Select how serious the harm would be")]
        public int? Seriousness { get; set; }

        [StringLength(PracticeDecision.TextMaxLength, ErrorMessage = "What has been tried must be 4,000 characters or fewer")]
        public string? TriedBefore { get; set; }

        [StringLength(PracticeDecision.TextMaxLength, ErrorMessage = "The consequences of using it must be 4,000 characters or fewer")]
        public string? ConsequencesOfUsing { get; set; }

        [StringLength(PracticeDecision.TextMaxLength, ErrorMessage = "The consequences of not using it must be 4,000 characters or fewer")]
        public string? ConsequencesOfNotUsing { get; set; }

        [StringLength(PracticeDecision.TextMaxLength, ErrorMessage = "Proportionality must be 4,000 characters or fewer")]
        public string? Proportionality { get; set; }
    }

    public static readonly List<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> LikelihoodOptions =
    [
        new("1 Rare", "1"), new("2 Unlikely", "2"), new("3 Possible", "3"), new("4 Likely", "4"), new("5 Almost certain", "5"),
    ];

    public static readonly List<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> SeriousnessOptions =
    [
        new("1 Minor", "1"), new("2 Moderate", "2"), new("3 Significant", "3"), new("4 Major", "4"), new("5 Catastrophic or death", "5"),
    ];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid practiceId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        Input = new RiskAnswers
        {
            Risk = Decision.Risk, Likelihood = Decision.Likelihood, Seriousness = Decision.Seriousness, TriedBefore = Decision.TriedBefore,
            ConsequencesOfUsing = Decision.ConsequencesOfUsing, ConsequencesOfNotUsing = Decision.ConsequencesOfNotUsing,
            Proportionality = Decision.Proportionality,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid practiceId) =>
        await LoadDraftAsync() ?? await SaveStepAsync(Slug, d =>
        {
            d.Risk = Text.OrNull(Input.Risk);
            d.Likelihood = Input.Likelihood;
            d.Seriousness = Input.Seriousness;
            d.TriedBefore = Text.OrNull(Input.TriedBefore);
            d.ConsequencesOfUsing = Text.OrNull(Input.ConsequencesOfUsing);
            d.ConsequencesOfNotUsing = Text.OrNull(Input.ConsequencesOfNotUsing);
            d.Proportionality = Text.OrNull(Input.Proportionality);
        });
}
