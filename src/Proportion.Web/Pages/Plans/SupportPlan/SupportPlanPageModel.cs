using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.Support;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Plans.SupportPlan;

/// <summary>
/// The parts of a support plan's draft. The question pages (<see cref="Capacity"/> to <see cref="Isolation"/>)
/// share one page; outcomes and personal assistants are "add another" lists. Asked in <see cref="SupportPlanPageModel.Journey"/> order.
/// </summary>
public enum SupportPlanPart
{
    Capacity = 0,
    Budget = 1,
    Holders = 2,
    Matrix = 3,
    Isolation = 4,
    Outcomes = 10,
    Assistants = 11,
}

/// <summary>
/// What every page that writes a support plan's draft shares: the person and the plan the route names, the
/// draft's content, the order of the questions, and saving then moving on (to the next question, back to
/// the check page it was changed from, or to the plan to come back later).
/// </summary>
[OwnOrganisationSubject]
public abstract class SupportPlanPageModel(PlanRecords plans) : ProportionPageModel
{
    public static readonly List<SelectListItem> YesNo = [new("Yes", "true"), new("No", "false")];

    /// <summary>The questions in the order they are asked: what the person wants first, then the money, then the risks.</summary>
    public static readonly IReadOnlyList<SupportPlanPart> Journey =
    [
        SupportPlanPart.Outcomes, SupportPlanPart.Capacity, SupportPlanPart.Budget, SupportPlanPart.Holders,
        SupportPlanPart.Assistants, SupportPlanPart.Matrix, SupportPlanPart.Isolation,
    ];

    public static string Slug(SupportPlanPart part) => part.ToString().ToLowerInvariant();

    public static string Title(SupportPlanPart part) => part switch
    {
        SupportPlanPart.Outcomes => "What the person wants, and the support that meets it",
        SupportPlanPart.Capacity => "Managing a direct payment",
        SupportPlanPart.Budget => "How the personal budget is managed",
        SupportPlanPart.Holders => "Who holds the budget, and how much of it",
        SupportPlanPart.Assistants => "Personal assistants",
        SupportPlanPart.Matrix => "The risk of managing the budget and the support",
        SupportPlanPart.Isolation => "Who is around them",
        _ => throw new ArgumentOutOfRangeException(nameof(part)),
    };

    protected PlanRecords Plans => plans;
    public Person Person => Subjects.Person!;
    public Plan Plan => Subjects.Plan!;
    public SupportPlanContent Draft { get; private set; } = new();

    /// <summary>The plan's version the form was built from; a stale one is refused, never overwritten.</summary>
    [BindProperty]
    public int PlanVersion { get; set; }

    /// <summary>"check" when the user came from the check page, so they go back there once answered.</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    public bool FromCheck => From == "check";
    public string PlanUrl => Links.Plan(Person.Id, Plan.Id, PlanKind.SupportPlan);
    public string CheckUrl => Links.EditPlan(Person.Id, Plan.Id, PlanKind.SupportPlan);

    public string UrlOf(SupportPlanPart part, bool fromCheck = false) => part switch
    {
        SupportPlanPart.Outcomes => Links.SupportPlanOutcomes(Person.Id, Plan.Id, fromCheck),
        SupportPlanPart.Assistants => Links.SupportPlanAssistants(Person.Id, Plan.Id, fromCheck),
        _ => Links.SupportPlanQuestion(Person.Id, Plan.Id, part, fromCheck),
    };

    /// <summary>Where "Back" goes from a part: the check page, or the question before (skipping those that do not apply).</summary>
    public string BackFrom(SupportPlanPart part)
    {
        if (FromCheck)
        {
            return CheckUrl;
        }
        var at = IndexOf(part) - 1;
        while (at >= 0 && !Applies(Journey[at], Draft))
        {
            at--;
        }
        return at < 0 ? PlanUrl : UrlOf(Journey[at]);
    }

    /// <summary>
    /// Whether a part is asked of this plan: who holds the budget only for a suitable person, a fund, a managed
    /// account or a mix; personal assistants only with a direct payment (or when some are already recorded).
    /// </summary>
    public static bool Applies(SupportPlanPart part, SupportPlanContent content) => part switch
    {
        SupportPlanPart.Holders => NeedsHolders(content),
        SupportPlanPart.Assistants => content.HasDirectPayment || content.Assistants.Count > 0,
        _ => true,
    };

    public static bool NeedsHolders(SupportPlanContent content) => content.IsMix
        || content.Uses(BudgetManagement.SuitablePerson) || content.Uses(BudgetManagement.IndividualServiceFund) || content.Uses(BudgetManagement.ThirdPartyManaged);

    /// <summary>Loads the draft; not found for a plan of another kind, and the plan's page when there is no draft to change.</summary>
    protected async Task<IActionResult?> LoadDraftAsync()
    {
        if (Plan.Kind != PlanKind.SupportPlan)
        {
            return NotFound();
        }
        if (!Plan.HasDraft)
        {
            return Redirect(PlanUrl);
        }
        Draft = await plans.LatestContentAsync<SupportPlanContent>(Plan);
        if (HttpMethods.IsGet(Request.Method))
        {
            PlanVersion = Plan.Version;
        }
        return null;
    }

    /// <summary>Saves the changed draft; false, with the errors on the page, when refused.</summary>
    protected Task<bool> SaveAsync(SupportPlanContent changed, string fieldPrefix = "Input") =>
        TryWriteAsync(() => plans.SaveDraftAsync(Plan.Id, PlanVersion, Plan.Title, changed), fieldPrefix);

    /// <summary>Where to go once a part is saved: the plan to come back later, the check page, or the next part that applies.</summary>
    protected IActionResult Next(SupportPlanPart part, SupportPlanContent saved)
    {
        if (Request.HasFormContentType && Request.Form.ContainsKey("later"))
        {
            Confirm("Your answers have been saved. Carry on with the plan when you are ready.");
            return Redirect(PlanUrl);
        }
        if (FromCheck)
        {
            // A change of how the budget is managed may need who holds it: ask that before going back.
            return Redirect(part == SupportPlanPart.Budget && NeedsHolders(saved)
                ? Links.SupportPlanQuestion(Person.Id, Plan.Id, SupportPlanPart.Holders, fromCheck: true) : CheckUrl);
        }
        var at = IndexOf(part) + 1;
        while (at < Journey.Count && !Applies(Journey[at], saved))
        {
            at++;
        }
        return Redirect(at >= Journey.Count ? CheckUrl : UrlOf(Journey[at]));
    }

    private static int IndexOf(SupportPlanPart part) => Journey.ToList().IndexOf(part);
}
