using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Reviews;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Reviews;

/// <summary>
/// What every page of a practice's review (form RP2A) shares: the person, the practice and the open
/// review, the order of the questions, and saving a step then moving on (or stopping to come back later).
/// </summary>
[OwnOrganisationSubject]
public abstract class ReviewPageModel(ProportionDbContext db, ReviewRecords reviews) : ProportionPageModel
{
    /// <summary>The questions of §7.3 and §7.4 in the order they are asked.</summary>
    public static readonly IReadOnlyList<(string Slug, string Title)> Steps =
    [
        ("need", "Is the practice still needed?"),
        ("views", "The person's view and who took part"),
        ("safeguards", "Justification and safeguards"),
        ("outcome", "The outcome"),
    ];

    public static readonly List<SelectListItem> YesNo = [new("Yes", "true"), new("No", "false")];

    protected ReviewRecords Reviews => reviews;
    protected ProportionDbContext Db => db;

    /// <summary>The question page this is, from <see cref="Steps"/>; "check" for the check-answers page.</summary>
    public virtual string Slug => "";

    /// <summary>The person and the practice the route names, loaded before the page runs; reviews are the provider's own.</summary>
    public Person Person => Subjects.Person!;
    public RestrictivePractice Practice => Subjects.Practice!;
    public PracticeReview Review { get; private set; } = null!;

    /// <summary>The version the user's form was built from; a stale one is refused, never overwritten.</summary>
    [BindProperty]
    public int ReviewVersion { get; set; }

    public string PracticeUrl => Links.PracticeDetails(Person.Id, Practice.Id);
    public string StepUrl(string slug) => Links.ReviewStep(Person.Id, Practice.Id, slug);
    /// <summary>What every question page's route starts with, for the answers partial, which adds each slug.</summary>
    public string StepUrlBase => Links.ReviewStart(Person.Id, Practice.Id) + "/";

    /// <summary>Loads the practice's open review; when none is open, answers with the start page instead.</summary>
    protected async Task<IActionResult?> LoadDraftAsync()
    {
        var draft = await db.Reviews.Include(r => r.Signatures).AsNoTracking()
            .SingleOrDefaultAsync(r => r.PracticeId == Practice.Id && r.Status == ReviewStatus.Draft);
        if (draft is null)
        {
            return Redirect(Links.ReviewStart(Person.Id, Practice.Id));
        }
        Review = draft;
        if (Request.Method == HttpMethods.Get)
        {
            ReviewVersion = draft.Version;
        }
        return null;
    }

    /// <summary>Saves the step and goes on: to the next question, or back to the practice with "Save and come back later".</summary>
    protected async Task<IActionResult> SaveStepAsync(Action<PracticeReview> answer)
    {
        if (!ModelState.IsValid || !await TryWriteAsync(() => Reviews.SaveAsync(Review.Id, ReviewVersion, Title(Slug), answer)))
        {
            return Page();
        }
        if (Request.Form.ContainsKey("later"))
        {
            Confirm("Your answers have been saved. Carry on with the review from the practice when you are ready.");
            return Redirect(PracticeUrl);
        }
        // Saved from a "Change" on the check page: back to it.
        if (Request.Query["fromCheck"] == "true")
        {
            return Redirect(StepUrl("check"));
        }
        var index = Steps.Select(s => s.Slug).ToList().IndexOf(Slug);
        return Redirect(StepUrl(index + 1 < Steps.Count ? Steps[index + 1].Slug : "check"));
    }

    public static string Title(string slug) => Steps.Single(s => s.Slug == slug).Title;
}
