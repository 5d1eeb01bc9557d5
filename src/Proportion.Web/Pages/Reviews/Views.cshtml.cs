using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Reviews;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Reviews;

/// <summary>§7.3 and §7.4: the person's view and how it was gathered; the person, family, advocates and other agencies who took part.</summary>
[Requires(Permission.EditPractices)]
public class ViewsModel(ProportionDbContext db, ReviewRecords reviews) : ReviewPageModel(db, reviews)
{
    public override string Slug => "views";

    [BindProperty(Name = "Input")]
    public ViewsAnswers Input { get; set; } = new();

    public sealed class ViewsAnswers
    {
        [StringLength(PracticeReview.TextMaxLength, ErrorMessage = "The person's view must be 4,000 characters or fewer")]
        public string? PersonView { get; set; }
        public List<string> ViewGatheredBy { get; set; } = [];
        public bool? PersonTookPart { get; set; }
        [StringLength(PracticeReview.TextMaxLength, ErrorMessage = "How the person took part must be 4,000 characters or fewer")]
        public string? PersonParticipation { get; set; }
        [StringLength(PracticeReview.TextMaxLength, ErrorMessage = "Who took part must be 4,000 characters or fewer")]
        public string? FamilyAndAdvocates { get; set; }
        [StringLength(PracticeReview.TextMaxLength, ErrorMessage = "Other agencies' input must be 4,000 characters or fewer")]
        public string? OtherAgencies { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid practiceId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        var r = Review;
        Input = new ViewsAnswers
        {
            PersonView = r.PersonView, ViewGatheredBy = Display.SplitFlags(r.ViewGatheredBy), PersonTookPart = r.PersonTookPart,
            PersonParticipation = r.PersonParticipation, FamilyAndAdvocates = r.FamilyAndAdvocates, OtherAgencies = r.OtherAgencies,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid practiceId) =>
        await LoadDraftAsync() ?? await SaveStepAsync(r =>
        {
            r.PersonView = Text.OrNull(Input.PersonView);
            r.ViewGatheredBy = Display.CombineFlags<CommunicationMethods>(Input.ViewGatheredBy);
            r.PersonTookPart = Input.PersonTookPart;
            r.PersonParticipation = Text.OrNull(Input.PersonParticipation);
            r.FamilyAndAdvocates = Text.OrNull(Input.FamilyAndAdvocates);
            r.OtherAgencies = Text.OrNull(Input.OtherAgencies);
        });
}
