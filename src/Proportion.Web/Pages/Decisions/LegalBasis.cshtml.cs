using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Proportion.Core.Data;
using Proportion.Core.Decisions;
using Proportion.Core.Model;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Decisions;

/// <summary>
/// What gives lawful authority for the practice (consent, MCA s.5, DoLS or the Court, the Mental Health
/// Act, another order or statute) and, when the person lacks capacity, who decides: a health and welfare
/// attorney or deputy whose authority covers it (MCA s.6(6)), or the named best-interests decision-maker.
/// </summary>
[Requires(Permission.EditPractices)]
[OwnOrganisationSubject]
public class LegalBasisModel(ProportionDbContext db, DecisionRecords decisions) : DecisionPageModel(db, decisions)
{
    /// <summary>The decision-maker option for "someone else decides", beside each attorney or deputy.</summary>
    public const string SomeoneElse = "someone-else";

    public override string Slug => "legal-basis";

    // Named, so a post missing every field cannot bind to an empty prefix and dodge the field keys.
    [BindProperty(Name = "Input")]
    public LegalBasisForm Input { get; set; } = new();

    public sealed class LegalBasisForm
    {
        [EnumDataType(typeof(LegalBasis), ErrorMessage = "Select the legal basis")]
        public LegalBasis? LegalBasis { get; set; }

        [StringLength(1000, ErrorMessage = "Which authorisation, order or law must be 1,000 characters or fewer")]
        public string? LegalBasisDetail { get; set; }

        /// <summary>An attorney's or deputy's representative id, or <see cref="SomeoneElse"/>.</summary>
        public string? DecisionMaker { get; set; }

        [StringLength(200, ErrorMessage = "The decision-maker's name and role must be 200 characters or fewer")]
        public string? DecisionMakerName { get; set; }

        [StringLength(1000, ErrorMessage = "Why their authority does not cover this decision must be 1,000 characters or fewer")]
        public string? AuthorityNotCoveringReason { get; set; }

        [StringLength(PracticeDecision.TextMaxLength, ErrorMessage = "Their decision must be 4,000 characters or fewer")]
        public string? AttorneyDecision { get; set; }

        public bool? AttorneyAgrees { get; set; }
    }

    public IReadOnlyList<LegalDecisionMaker> AttorneysAndDeputies => DecisionMakerRules.AttorneysAndDeputies(Person.Representatives);

    public List<SelectListItem> DecisionMakerOptions =>
    [
        .. AttorneysAndDeputies.Select(a => new SelectListItem($"{a.Name}, {a.Standing}", a.RepresentativeId.ToString())),
        new("Someone else: their authority does not cover this decision", SomeoneElse),
    ];

    public static readonly List<SelectListItem> BasisOptions = Display.Options<LegalBasis>();

    public async Task<IActionResult> OnGetAsync(Guid id, Guid practiceId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        Input = new LegalBasisForm
        {
            LegalBasis = Decision.LegalBasis, LegalBasisDetail = Decision.LegalBasisDetail,
            DecisionMaker = Decision.DecisionMakerRepresentativeId?.ToString() ?? (Decision.AuthorityNotCoveringReason is null ? null : SomeoneElse),
            DecisionMakerName = Decision.DecisionMakerRepresentativeId is null ? Decision.DecisionMakerName : null,
            AuthorityNotCoveringReason = Decision.AuthorityNotCoveringReason,
            AttorneyDecision = Decision.AttorneyDecision, AttorneyAgrees = Decision.AttorneyAgrees,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid practiceId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        var attorney = AttorneysAndDeputies.FirstOrDefault(a => a.RepresentativeId.ToString() == Input.DecisionMaker);
        if (Input.DecisionMaker is not null && Input.DecisionMaker != SomeoneElse && attorney is null)
        {
            ModelState.AddModelError("Input.DecisionMaker", "Choose who makes this decision");
        }
        return await SaveStepAsync(Slug, d =>
        {
            d.LegalBasis = Input.LegalBasis;
            d.LegalBasisDetail = Text.OrNull(Input.LegalBasisDetail);
            if (attorney is not null)
            {
                // The attorney's or deputy's name and standing as they were when they decided.
                d.DecisionMakerRepresentativeId = attorney.RepresentativeId;
                d.DecisionMakerName = $"{attorney.Name}, {attorney.Standing}";
                d.AuthorityNotCoveringReason = null;
                d.AttorneyDecision = Text.OrNull(Input.AttorneyDecision);
                d.AttorneyAgrees = Input.AttorneyAgrees;
            }
            else
            {
                d.DecisionMakerRepresentativeId = null;
                d.DecisionMakerName = Text.OrNull(Input.DecisionMakerName);
                d.AuthorityNotCoveringReason = Input.DecisionMaker == SomeoneElse ? Text.OrNull(Input.AuthorityNotCoveringReason) : null;
                d.AttorneyDecision = null;
                d.AttorneyAgrees = null;
            }
        });
    }
}
