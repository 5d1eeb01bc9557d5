using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.Reduction;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Plans.Reduction;

/// <summary>
/// What every question page of a restriction reduction plan's draft shares (R19): the person, the plan the
/// route names (another kind of plan is not found here), its draft, the order of the questions, and saving
/// a page then moving on (or stopping to come back later).
/// </summary>
[Requires(Permission.EditPlans)]
[OwnOrganisationSubject]
public abstract class ReductionPageModel(PlanRecords plans) : ProportionPageModel
{
    /// <summary>The question pages in the order they are asked.</summary>
    public static readonly IReadOnlyList<(string Slug, string Title)> Questions =
    [
        ("restriction", "The restriction and why it can change"),
        ("steps", "The steps"),
        ("safeguards", "Safeguards, reviews and who made the plan"),
        ("assessments", "Proportionality and safeguarding"),
    ];

    public static string Title(string slug) => Questions.Single(q => q.Slug == slug).Title;

    /// <summary>The question page this is, from <see cref="Questions"/>.</summary>
    public abstract string Slug { get; }

    protected PlanRecords Plans => plans;
    public Person Person => Subjects.Person!;
    public Plan Plan => Subjects.Plan!;
    public ReductionContent Draft { get; private set; } = new();

    /// <summary>The plan's version the form was built from: a stale one is refused, never overwritten.</summary>
    [BindProperty]
    public int PlanVersion { get; set; }

    public string PlanUrl => Links.Plan(Person.Id, Plan.Id, PlanKind.Reduction);
    public string QuestionUrl(string slug) => Links.ReductionPlanStep(Person.Id, Plan.Id, slug);
    public string BackUrl => Questions.Select(q => q.Slug).ToList().IndexOf(Slug) is > 0 and var i ? QuestionUrl(Questions[i - 1].Slug) : PlanUrl;

    /// <summary>Loads the draft; a reduction plan without one goes back to its page, another kind of plan is not found.</summary>
    protected async Task<IActionResult?> LoadDraftAsync()
    {
        if (Plan.Kind != PlanKind.Reduction)
        {
            return NotFound();
        }
        if (!Plan.HasDraft)
        {
            Confirm(Plan.Status == PlanStatus.Closed
                ? "This plan is closed, so it cannot be changed."
                : "The agreed plan is not changed in place. Start a new version, with the reason for changing it.");
            return Redirect(PlanUrl);
        }
        Draft = await plans.LatestContentAsync<ReductionContent>(Plan);
        if (Request.Method == HttpMethods.Get)
        {
            PlanVersion = Plan.Version;
        }
        return null;
    }

    /// <summary>Saves the changed draft and goes on: to the next question, or back to the plan with "Save and come back later".</summary>
    protected async Task<IActionResult> SaveAsync(ReductionContent changed, string? next = null)
    {
        if (!ModelState.IsValid || !await TryWriteAsync(() => plans.SaveDraftAsync(Plan.Id, PlanVersion, Plan.Title, changed)))
        {
            return Page();
        }
        if (Request.Form.ContainsKey("later"))
        {
            Confirm("The draft has been saved. Carry on with it from the plan when you are ready.");
            return Redirect(PlanUrl);
        }
        if (next is not null)
        {
            return Redirect(next);
        }
        var index = Questions.Select(q => q.Slug).ToList().IndexOf(Slug);
        return Redirect(index + 1 < Questions.Count ? QuestionUrl(Questions[index + 1].Slug) : PlanUrl);
    }
}
