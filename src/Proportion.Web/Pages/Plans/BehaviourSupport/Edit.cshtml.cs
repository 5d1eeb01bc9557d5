using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.BehaviourSupport;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Plans.BehaviourSupport;

/// <summary>
/// The draft of a positive behaviour support plan, one part to a page (R25): what the behaviour communicates,
/// primary prevention, responses to early warning signs, reactive strategies with the agreed practices they
/// may use, support after an incident, and the incidents that informed it. Each part is saved as it is left.
/// </summary>
[Requires(Permission.EditPlans)]
public class EditModel(ProportionDbContext db, PlanRecords plans) : ProportionPageModel
{
    private const string TooLong = "must be 4,000 characters or fewer";

    public static readonly IReadOnlyDictionary<string, string> Titles = new Dictionary<string, string>
    {
        ["communicates"] = "What the behaviour communicates",
        ["prevention"] = "Primary prevention: keeping things calm",
        ["early-warning"] = "Responding to early warning signs",
        ["reactive"] = "Reactive strategies: if there is a crisis",
        ["after"] = "Support after an incident",
        ["incidents"] = "Incidents that informed the plan",
    };

    public Person Person => Subjects.Person!;
    public Plan Plan => Subjects.Plan!;
    public string Step { get; private set; } = "communicates";
    public int StepNumber => Links.BehaviourSupportParts.ToList().IndexOf(Step) + 1;
    public string StepTitle => Titles[Step];
    public int StepCount => Titles.Count;

    [BindProperty]
    public int PlanVersion { get; set; }

    [BindProperty(Name = "Input")]
    public Answers Input { get; set; } = new();

    public sealed class Answers
    {
        [StringLength(Plan.TitleMaxLength, ErrorMessage = "What the plan is about must be 200 characters or fewer")]
        public string? Title { get; set; }
        [StringLength(BehaviourSupportContent.TextMaxLength, ErrorMessage = "What the behaviour communicates " + TooLong)]
        public string? WhatTheBehaviourCommunicates { get; set; }
        [StringLength(BehaviourSupportContent.TextMaxLength, ErrorMessage = "The environment " + TooLong)]
        public string? PreventionEnvironment { get; set; }
        [StringLength(BehaviourSupportContent.TextMaxLength, ErrorMessage = "Activity " + TooLong)]
        public string? PreventionActivity { get; set; }
        [StringLength(BehaviourSupportContent.TextMaxLength, ErrorMessage = "Skills " + TooLong)]
        public string? PreventionSkills { get; set; }
        [StringLength(BehaviourSupportContent.TextMaxLength, ErrorMessage = "Responses to early warning signs " + TooLong)]
        public string? EarlyWarningResponses { get; set; }
        [StringLength(BehaviourSupportContent.TextMaxLength, ErrorMessage = "Reactive strategies " + TooLong)]
        public string? ReactiveStrategies { get; set; }
        public List<string> ReactivePracticeIds { get; set; } = [];
        public bool NoRestrictivePractice { get; set; }
        [StringLength(BehaviourSupportContent.TextMaxLength, ErrorMessage = "Support after an incident " + TooLong)]
        public string? SupportAfterAnIncident { get; set; }
        public List<string> IncidentIds { get; set; } = [];
    }

    /// <summary>The person's practices in place (agreed or under review), and any chosen before that no longer is.</summary>
    public List<SelectListItem> PracticeChoices { get; private set; } = [];
    public List<SelectListItem> IncidentChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid planId, string? step)
    {
        if (Check(step) is { } stop)
        {
            return stop;
        }
        var c = await plans.LatestContentAsync<BehaviourSupportContent>(Plan);
        PlanVersion = Plan.Version;
        Input = new Answers
        {
            Title = Plan.Title,
            WhatTheBehaviourCommunicates = c.WhatTheBehaviourCommunicates,
            PreventionEnvironment = c.PreventionEnvironment,
            PreventionActivity = c.PreventionActivity,
            PreventionSkills = c.PreventionSkills,
            EarlyWarningResponses = c.EarlyWarningResponses,
            ReactiveStrategies = c.ReactiveStrategies,
            ReactivePracticeIds = [.. c.ReactivePracticeIds.Select(g => g.ToString())],
            NoRestrictivePractice = c.NoRestrictivePractice,
            SupportAfterAnIncident = c.SupportAfterAnIncident,
            IncidentIds = [.. c.IncidentIds.Select(g => g.ToString())],
        };
        await LoadChoicesAsync(c);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid planId, string? step)
    {
        if (Check(step) is { } stop)
        {
            return stop;
        }
        var c = await plans.LatestContentAsync<BehaviourSupportContent>(Plan);
        await LoadChoicesAsync(c);
        var title = Plan.Title;
        c = Step switch
        {
            "communicates" => c with { WhatTheBehaviourCommunicates = Text.OrNull(Input.WhatTheBehaviourCommunicates) },
            "prevention" => c with
            {
                PreventionEnvironment = Text.OrNull(Input.PreventionEnvironment),
                PreventionActivity = Text.OrNull(Input.PreventionActivity),
                PreventionSkills = Text.OrNull(Input.PreventionSkills),
            },
            "early-warning" => c with { EarlyWarningResponses = Text.OrNull(Input.EarlyWarningResponses) },
            "reactive" => c with
            {
                ReactiveStrategies = Text.OrNull(Input.ReactiveStrategies),
                ReactivePracticeIds = Chosen(Input.ReactivePracticeIds, PracticeChoices),
                NoRestrictivePractice = Input.NoRestrictivePractice,
            },
            "after" => c with { SupportAfterAnIncident = Text.OrNull(Input.SupportAfterAnIncident) },
            _ => c with { IncidentIds = Chosen(Input.IncidentIds, IncidentChoices) },
        };
        if (Step == "communicates")
        {
            title = Input.Title ?? "";
        }
        if (!ModelState.IsValid || !await TryWriteAsync(() => plans.SaveDraftAsync(Plan.Id, PlanVersion, title, c)))
        {
            return Page();
        }
        var parts = Links.BehaviourSupportParts;
        var next = parts.ToList().IndexOf(Step) + 1;
        if (Request.Form.ContainsKey("later") || next >= parts.Count)
        {
            Confirm(next >= parts.Count ? "The draft plan has been saved. Check it, then agree it." : "Your answers have been saved.");
            return Redirect(Links.Plan(Person.Id, Plan.Id, PlanKind.BehaviourSupport));
        }
        return Redirect(Links.EditBehaviourSupportPart(Person.Id, Plan.Id, parts[next]));
    }

    /// <summary>Not a behaviour support plan, or no such part: not found. No draft to change: back to the plan.</summary>
    private IActionResult? Check(string? step)
    {
        if (Plan.Kind != PlanKind.BehaviourSupport || (step is not null && !Titles.ContainsKey(step)))
        {
            return NotFound();
        }
        Step = step ?? "communicates";
        return Plan.HasDraft ? null : Redirect(Links.Plan(Person.Id, Plan.Id, PlanKind.BehaviourSupport));
    }

    /// <summary>Only the boxes offered count: an id posted from elsewhere is ignored.</summary>
    private static List<Guid> Chosen(List<string> posted, List<SelectListItem> offered) =>
        [.. offered.Where(o => posted.Contains(o.Value, StringComparer.OrdinalIgnoreCase)).Select(o => Guid.Parse(o.Value))];

    private async Task LoadChoicesAsync(BehaviourSupportContent c)
    {
        var practices = await BehaviourSupportGate.PracticesOfAsync(db, Person.Id);
        PracticeChoices = [.. practices.Where(p => p.InPlace || c.ReactivePracticeIds.Contains(p.Id))
            .Select(p => new SelectListItem($"{p.Description} ({EnumNames.Of(p.Category).ToLowerInvariant()}{(p.InPlace ? "" : $", {EnumNames.Of(p.Status).ToLowerInvariant()}: not agreed")})", p.Id.ToString()))];
        var recent = await db.Incidents.AsNoTracking().Where(i => i.PersonId == Person.Id)
            .OrderByDescending(i => i.OccurredAt).Take(30).Select(i => new { i.Id, i.OccurredAt, i.Kind, i.Location }).ToListAsync();
        var chosen = await db.Incidents.AsNoTracking().Where(i => i.PersonId == Person.Id && c.IncidentIds.Contains(i.Id))
            .Select(i => new { i.Id, i.OccurredAt, i.Kind, i.Location }).ToListAsync();
        var incidents = recent.Concat(chosen).DistinctBy(i => i.Id);
        IncidentChoices = [.. incidents.OrderByDescending(i => i.OccurredAt)
            .Select(i => new SelectListItem($"{UkTime.Format(i.OccurredAt)}, {i.Location}: {EnumNames.Of(i.Kind)}", i.Id.ToString()))];
    }
}
