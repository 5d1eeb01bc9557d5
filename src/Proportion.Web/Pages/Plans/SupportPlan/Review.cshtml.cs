using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.Support;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Forms;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Plans.SupportPlan;

/// <summary>
/// The outcome-focused review of a support plan in place (R20): what is working and not working for the person,
/// whether each outcome is met, what changes (resources, support or controls), and what happens to the plan,
/// with the next review suggested sooner for people who are isolated or lack capacity.
/// </summary>
[Requires(Permission.EditPlans)]
[OwnOrganisationSubject]
public class ReviewModel(PlanRecords plans, SupportPlanRecords records, SupportPlanGate gate, TimeProvider clock) : ProportionPageModel
{
    public const string NothingChanges = "None";

    public static readonly List<SelectListItem> MetOptions =
        [.. new[] { OutcomesMet.Fully, OutcomesMet.Partly, OutcomesMet.NotMet }.Select(m => new SelectListItem(Display.Name(m), m.ToString()))];

    public static readonly List<SelectListItem> ChangeOptions =
        [.. Display.Options<SupportChanges>(), new("Nothing needs to change", NothingChanges)];

    public Person Person => Subjects.Person!;
    public Plan Plan => Subjects.Plan!;
    public string PlanUrl => Links.Plan(Person.Id, Plan.Id, PlanKind.SupportPlan);
    public DateOnly Today => UkTime.Today(clock);
    public DateOnly Latest => ReviewDateWithinAYear.Latest(Today);
    public IReadOnlyList<SupportOutcome> Outcomes { get; private set; } = [];
    public SuggestedReview Suggestion { get; private set; } = null!;

    [BindProperty]
    public int PlanVersion { get; set; }

    [BindProperty(Name = "Input")]
    public ReviewAnswers Input { get; set; } = new();

    public sealed class ReviewAnswers
    {
        public string? WhatIsWorking { get; set; }
        public string? WhatIsNotWorking { get; set; }
        public List<OutcomeForm> Outcomes { get; set; } = [];
        public List<string> Changes { get; set; } = [];
        public string? WhatChanges { get; set; }
        public PlanReviewOutcome? Outcome { get; set; }
        public DateParts NextReviewDate { get; set; } = new();
    }

    public sealed class OutcomeForm
    {
        public Guid OutcomeId { get; set; }
        public OutcomesMet? Met { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } stop)
        {
            return stop;
        }
        PlanVersion = Plan.Version;
        Input.Outcomes = [.. Outcomes.Select(o => new OutcomeForm { OutcomeId = o.Id })];
        Input.NextReviewDate = DateParts.From(Suggestion.Date);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } stop)
        {
            return stop;
        }
        // Each outcome of the agreed version, in its order, whatever the form posted.
        Input.Outcomes = [.. Outcomes.Select(o => Input.Outcomes.FirstOrDefault(f => f.OutcomeId == o.Id) ?? new OutcomeForm { OutcomeId = o.Id })];
        var next = Input.NextReviewDate.Validate(ModelState, "Input.NextReviewDate", "The date of the next review", required: false);
        var outcome = Input.Outcome is { } chosen && Enum.IsDefined(chosen) ? chosen : (PlanReviewOutcome?)null;
        var answers = new SupportReview(Input.WhatIsWorking, Input.WhatIsNotWorking,
            [.. Input.Outcomes.Select(o => new OutcomeAnswer(o.OutcomeId, o.Met is { } met && Enum.IsDefined(met) ? met : null))],
            Display.CombineFlags<SupportChanges>(Input.Changes), Input.Changes.Contains(NothingChanges), Input.WhatChanges);
        if (!ModelState.IsValid
            || !await TryWriteAsync(() => records.RecordReviewAsync(Plan.Id, PlanVersion, answers, outcome, next, HttpContext.RequestAborted)))
        {
            return Page();
        }
        switch (outcome)
        {
            case PlanReviewOutcome.Close:
                Confirm("The review is recorded and the support plan is closed.");
                return Redirect(Links.PersonPlans(Person.Id));
            case PlanReviewOutcome.Change:
                Confirm("The review is recorded. Change the new draft of the support plan, then agree it.");
                return Redirect(Links.EditPlan(Person.Id, Plan.Id, PlanKind.SupportPlan));
            default:
                Confirm($"The review is recorded. The support plan stays as it is until {UkTime.Format(next, "its next review")}.");
                return Redirect(PlanUrl + "#outcome-reviews");
        }
    }

    private async Task<IActionResult?> LoadAsync()
    {
        if (Plan.Kind != PlanKind.SupportPlan)
        {
            return NotFound();
        }
        if (Plan.Status != PlanStatus.InPlace || await plans.AgreedContentAsync<SupportPlanContent>(Plan) is not { } agreed)
        {
            return Redirect(PlanUrl);
        }
        Outcomes = agreed.Outcomes;
        Suggestion = await gate.SuggestAsync(Plan, agreed, Today, HttpContext.RequestAborted);
        return null;
    }
}
