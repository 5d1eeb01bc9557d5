using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Decisions;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Decisions;

/// <summary>
/// What every page of the restrictive practice discussion shares: the person, the practice and the open
/// draft, the order of the questions, and saving a step then moving on (or stopping to come back later).
/// </summary>
public abstract class DecisionPageModel(ProportionDbContext db, DecisionRecords decisions) : ProportionPageModel
{
    /// <summary>The questions in the order they are asked; best interests and those consulted only when capacity is lacking.</summary>
    public static readonly IReadOnlyList<(string Slug, string Title)> Steps =
    [
        ("risk", "The risk and what has been tried"),
        ("alternatives", "Less restrictive alternatives"),
        ("views", "Views of the person and others"),
        ("capacity", "Capacity to consent"),
        ("legal-basis", "Legal basis and who decides"),
        ("best-interests", "Best interests"),
        ("consultees", "People consulted"),
        ("guidelines", "Guidelines for staff"),
    ];

    protected DecisionRecords Decisions => decisions;
    protected ProportionDbContext Db => db;

    /// <summary>The question page this is, from <see cref="Steps"/>; "check" for the check-answers page.</summary>
    public virtual string Slug => "";

    /// <summary>The person and the practice the route names, loaded before the page runs. Question pages
    /// are the provider's own ([OwnOrganisationSubject]); the check page is also where a council social worker agrees.</summary>
    public Person Person => Subjects.Person!;
    public RestrictivePractice Practice => Subjects.Practice!;
    public PracticeDecision Decision { get; private set; } = null!;

    /// <summary>The draft's declines and disagreement route (§5.10): a decline standing is shown on every page of the discussion.</summary>
    public DisagreementHistory Disagreements { get; private set; } = DisagreementHistory.None;

    /// <summary>The version the user's form was built from; a stale one is refused, never overwritten.</summary>
    [BindProperty]
    public int DecisionVersion { get; set; }

    public string RegisterUrl => Links.PracticeRegister(Person.Id);
    public string StepUrl(string slug) => Links.DecisionStep(Person.Id, Practice.Id, slug);
    /// <summary>What every question page's route starts with, for the answers partial, which adds each slug.</summary>
    public string StepUrlBase => Links.DecisionStart(Person.Id, Practice.Id) + "/";

    /// <summary>Loads the practice's open draft; when no discussion is open, answers with the start page instead.</summary>
    protected async Task<IActionResult?> LoadDraftAsync()
    {
        var draft = await db.Decisions.Include(d => d.Alternatives).Include(d => d.SignOffs).Include(d => d.Signatures).Include(d => d.Consultees).AsNoTracking()
            .Where(d => d.PracticeId == Practice.Id && d.Status == DecisionStatus.Draft).SingleOrDefaultAsync();
        if (draft is null)
        {
            return Redirect(Links.DecisionStart(Person.Id, Practice.Id));
        }
        Decision = draft;
        Disagreements = await DecisionAgreements.HistoryAsync(db, draft.Id);
        if (Request.Method == HttpMethods.Get)
        {
            DecisionVersion = draft.Version;
        }
        return null;
    }

    /// <summary>Saves the step and goes on: to the next question, or back to the register with "Save and come back later".</summary>
    protected async Task<IActionResult> SaveStepAsync(string slug, Action<PracticeDecision> answer)
    {
        if (!ModelState.IsValid || !await TryWriteAsync(() => Decisions.SaveAsync(Decision.Id, DecisionVersion, Title(slug), answer)))
        {
            return Page();
        }
        return await NextAsync(slug);
    }

    protected async Task<IActionResult> NextAsync(string slug)
    {
        if (Request.Form.ContainsKey("later"))
        {
            Confirm("Your answers have been saved. Carry on with the discussion from the register when you are ready.");
            return Redirect(RegisterUrl);
        }
        // Saved from a "Change" on the check page: back to it, which names anything the change now calls for.
        if (Request.Query["fromCheck"] == "true")
        {
            return Redirect(StepUrl("check"));
        }
        var index = Steps.Select(s => s.Slug).ToList().IndexOf(slug);
        // Best interests are asked only when the capacity answers, as saved, conclude capacity is lacking.
        var saved = await db.Decisions.AsNoTracking().SingleAsync(d => d.Id == Decision.Id);
        var next = Steps.Skip(index + 1).Select(s => s.Slug)
            .FirstOrDefault(s => !OnlyWhenCapacityIsLacking(s) || saved.Capacity == Core.Rules.CapacityToConsent.LacksCapacity);
        return Redirect(StepUrl(next ?? "check"));
    }

    /// <summary>The question pages this decision asks, in order: the best-interests pages only when capacity is lacking.</summary>
    public static IReadOnlyList<(string Slug, string Title)> StepsFor(PracticeDecision decision) =>
        [.. Steps.Where(s => !OnlyWhenCapacityIsLacking(s.Slug) || decision.Capacity == Core.Rules.CapacityToConsent.LacksCapacity)];

    /// <summary>The question pages asked only when the person lacks capacity to consent (MCA s.4).</summary>
    public static bool OnlyWhenCapacityIsLacking(string slug) => slug is "best-interests" or "consultees";

    public static string Title(string slug) => Steps.Single(s => s.Slug == slug).Title;
}
