using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.PositiveRisk;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Plans.PositiveRisk;

/// <summary>The question pages of a positive risk-taking plan, in the order they are asked; risks and stages are "add another" lists between them.</summary>
public enum PositiveRiskPart
{
    About = 0,
    Risks,
    Views,
    Escalation,
    Contingency,
    Review,
    Understanding,
    Stages,
}

/// <summary>
/// What every page that writes a positive risk-taking plan's draft shares: the person and the plan the
/// route names, the draft's content, the order of the questions, and saving then moving on (to the next
/// question, back to the check page it was changed from, or to the plan to come back later).
/// </summary>
[OwnOrganisationSubject]
public abstract class PositiveRiskPageModel(PlanRecords plans) : ProportionPageModel
{
    public static readonly List<SelectListItem> YesNo = [new("Yes", "true"), new("No", "false")];

    public static string Title(PositiveRiskPart part) => part switch
    {
        PositiveRiskPart.About => "What the person wants to do, and why it matters",
        PositiveRiskPart.Risks => "The risks and the agreed safeguards",
        PositiveRiskPart.Views => "The person's views",
        PositiveRiskPart.Escalation => "Check-ins and escalation",
        PositiveRiskPart.Contingency => "If things go wrong",
        PositiveRiskPart.Review => "Review timescales",
        PositiveRiskPart.Understanding => "The person's understanding",
        PositiveRiskPart.Stages => "Steps towards doing it independently",
        _ => throw new ArgumentOutOfRangeException(nameof(part)),
    };

    protected PlanRecords Plans => plans;
    public Person Person => Subjects.Person!;
    public Plan Plan => Subjects.Plan!;
    public PositiveRiskContent Draft { get; private set; } = new();

    /// <summary>The plan's version the form was built from; a stale one is refused, never overwritten.</summary>
    [BindProperty]
    public int PlanVersion { get; set; }

    /// <summary>"check" when the user came from the check page, so they go back there once answered.</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    public bool FromCheck => From == "check";
    public string PlanUrl => Links.Plan(Person.Id, Plan.Id, PlanKind.PositiveRisk);
    public string CheckUrl => Links.EditPlan(Person.Id, Plan.Id, PlanKind.PositiveRisk);

    public string UrlOf(PositiveRiskPart part, bool fromCheck = false) => part switch
    {
        PositiveRiskPart.Risks => Links.PositiveRiskRisks(Person.Id, Plan.Id, fromCheck),
        PositiveRiskPart.Stages => Links.PositiveRiskStages(Person.Id, Plan.Id, fromCheck),
        _ => Links.PositiveRiskQuestion(Person.Id, Plan.Id, part, fromCheck),
    };

    /// <summary>Where "Back" goes from a part: the check page, or the question before.</summary>
    public string BackFrom(PositiveRiskPart part) => FromCheck ? CheckUrl : part == PositiveRiskPart.About ? PlanUrl : UrlOf(part - 1);

    /// <summary>Loads the draft; not found for a plan of another kind, and the plan's page when there is no draft to change.</summary>
    protected async Task<IActionResult?> LoadDraftAsync()
    {
        if (Plan.Kind != PlanKind.PositiveRisk)
        {
            return NotFound();
        }
        if (!Plan.HasDraft)
        {
            return Redirect(PlanUrl);
        }
        Draft = await plans.LatestContentAsync<PositiveRiskContent>(Plan);
        if (HttpMethods.IsGet(Request.Method))
        {
            PlanVersion = Plan.Version;
        }
        return null;
    }

    /// <summary>Saves the changed draft (and title); false, with the errors on the page, when refused.</summary>
    protected Task<bool> SaveAsync(PositiveRiskContent changed, string? title = null, string fieldPrefix = "Input") =>
        TryWriteAsync(() => plans.SaveDraftAsync(Plan.Id, PlanVersion, title ?? Plan.Title, changed), fieldPrefix);

    /// <summary>Where to go once a part is saved: the plan to come back later, the check page, or the next part.</summary>
    protected IActionResult Next(PositiveRiskPart part)
    {
        if (Request.HasFormContentType && Request.Form.ContainsKey("later"))
        {
            Confirm("Your answers have been saved. Carry on with the plan when you are ready.");
            return Redirect(PlanUrl);
        }
        return Redirect(FromCheck || part == PositiveRiskPart.Stages ? CheckUrl : UrlOf(part + 1));
    }
}
