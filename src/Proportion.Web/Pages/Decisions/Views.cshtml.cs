using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Proportion.Core.Data;
using Proportion.Core.Decisions;
using Proportion.Core.Model;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Decisions;

/// <summary>§5.4, §5.5, §5.7: the person's views and how they were gathered; representatives'; expert advice.</summary>
[Requires(Permission.EditPractices)]
[OwnOrganisationSubject]
public class ViewsModel(ProportionDbContext db, DecisionRecords decisions) : DecisionPageModel(db, decisions)
{
    public override string Slug => "views";

    // Named, so a post missing every field cannot bind to an empty prefix and dodge the field keys.
    [BindProperty(Name = "Input")]
    public ViewsAnswers Input { get; set; } = new();

    public sealed class ViewsAnswers
    {
        [StringLength(PracticeDecision.TextMaxLength, ErrorMessage = "The person's views must be 4,000 characters or fewer")]
        public string? PersonViews { get; set; }

        public List<string> ViewsGatheredBy { get; set; } = [];

        [EnumDataType(typeof(PersonResponse), ErrorMessage = "Select whether the person agrees or resists")]
        public PersonResponse? PersonResponse { get; set; }

        [StringLength(PracticeDecision.TextMaxLength, ErrorMessage = "Representatives' views must be 4,000 characters or fewer")]
        public string? RepresentativesViews { get; set; }

        [StringLength(PracticeDecision.TextMaxLength, ErrorMessage = "Why they were not involved must be 4,000 characters or fewer")]
        public string? RepresentativesNotInvolvedReason { get; set; }

        [StringLength(PracticeDecision.TextMaxLength, ErrorMessage = "Multi-disciplinary advice must be 4,000 characters or fewer")]
        public string? MultiDisciplinaryAdvice { get; set; }
    }

    public static readonly List<SelectListItem> ResponseOptions =
    [
        new("They agree with it", nameof(PersonResponse.Agrees)),
        new("They resist or object to it, in words or behaviour", nameof(PersonResponse.Resists)),
        new("They have not shown a clear view", nameof(PersonResponse.NoClearView)),
    ];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid practiceId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        Input = new ViewsAnswers
        {
            PersonViews = Decision.PersonViews, ViewsGatheredBy = Display.SplitFlags(Decision.ViewsGatheredBy),
            PersonResponse = Decision.PersonResponse, RepresentativesViews = Decision.RepresentativesViews,
            RepresentativesNotInvolvedReason = Decision.RepresentativesNotInvolvedReason, MultiDisciplinaryAdvice = Decision.MultiDisciplinaryAdvice,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid practiceId) =>
        await LoadDraftAsync() ?? await SaveStepAsync(Slug, d =>
        {
            d.PersonViews = Text.OrNull(Input.PersonViews);
            d.ViewsGatheredBy = Display.CombineFlags<CommunicationMethods>(Input.ViewsGatheredBy);
            d.PersonResponse = Input.PersonResponse;
            d.RepresentativesViews = Text.OrNull(Input.RepresentativesViews);
            d.RepresentativesNotInvolvedReason = Text.OrNull(Input.RepresentativesNotInvolvedReason);
            d.MultiDisciplinaryAdvice = Text.OrNull(Input.MultiDisciplinaryAdvice);
        });
}
