using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Panels;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Pages.Panels;

/// <summary>
/// Records a panel's meeting and decision, once: the members with their discipline or role and any dissent, who
/// attended and how the person's view was heard, the decision and reasons, actions and a review date (R26); for
/// the council's risk enablement panel also whether the person agreed to family and advocates attending, and who
/// shares responsibility for the risk (R20). Members and actions are added one more at a time without JavaScript
/// (GOV.UK add another). Each kind of panel has its own page, for the role that records its decision.
/// </summary>
public abstract class PanelDecisionPageModel(ProportionDbContext db, PanelRecords panels) : PanelPageModel(db)
{
    [BindProperty(Name = "Input")]
    public DecisionForm Input { get; set; } = new();

    public List<SelectListItem> Staff { get; private set; } = [];

    /// <summary>The kind of panel whose decisions this page records.</summary>
    public abstract PanelKind Kind { get; }

    public bool IsEnablement => Kind == PanelKind.RiskEnablement;

    public static readonly List<SelectListItem> AttendanceOptions =
    [
        new("The person", "person"), new("Family", "family"), new("An advocate", "advocate"),
    ];

    public sealed class DecisionForm
    {
        public DateParts MeetingOn { get; set; } = new();
        public List<MemberRow> Members { get; set; } = [];
        public List<string> Attended { get; set; } = [];
        public AttendanceAgreement? OthersAttendance { get; set; }
        public string? AttendanceNote { get; set; }
        public string? PersonsView { get; set; }
        public PanelOutcome? Outcome { get; set; }
        public string? Decision { get; set; }
        public string? Reasons { get; set; }
        public string? SharedResponsibility { get; set; }
        public List<ActionRow> Actions { get; set; } = [];
        public DateParts ReviewOn { get; set; } = new();
        public int Version { get; set; }
    }

    public sealed class MemberRow
    {
        public string? Name { get; set; }
        public string? Discipline { get; set; }
        public List<string> Dissented { get; set; } = [];
        public string? Dissent { get; set; }
    }

    public sealed class ActionRow
    {
        public string? What { get; set; }
        public Guid? AssignedToId { get; set; }
        public DateParts DueOn { get; set; } = new();
    }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid referralId)
    {
        if (await LoadAsync(referralId) is { } stop)
        {
            return stop;
        }
        Input.Version = Referral.Version;
        Input.Members = [new(), new(), new()];
        Input.Actions = [new()];
        return Page();
    }

    /// <summary>Saves the decision, or adds or removes a row of members or actions and shows the form again.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, Guid referralId, string? add, int? removeMember, int? removeAction)
    {
        if (await LoadAsync(referralId) is { } stop)
        {
            return stop;
        }
        if (add is "member" or "action" || removeMember is not null || removeAction is not null)
        {
            if (add == "member") Input.Members.Add(new());
            if (add == "action") Input.Actions.Add(new());
            if (removeMember is { } m && m >= 0 && m < Input.Members.Count) Input.Members.RemoveAt(m);
            if (removeAction is { } a && a >= 0 && a < Input.Actions.Count) Input.Actions.RemoveAt(a);
            // The form is shown again as typed, with no errors: nothing was saved yet.
            ModelState.Clear();
            return Page();
        }
        var meetingOn = Input.MeetingOn.Validate(ModelState, "Input.MeetingOn", "The date the panel met", required: false);
        var reviewOn = Input.ReviewOn.Validate(ModelState, "Input.ReviewOn", "The review date", required: false);
        var dues = Input.Actions.Select((a, i) => a.DueOn.Validate(ModelState, $"Input.Actions[{i}].DueOn", $"The due date of action {i + 1}", required: false)).ToList();
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var input = new PanelDecisionInput
        {
            Kind = Kind,
            MeetingOn = meetingOn,
            Members = [.. Input.Members.Select(m => new PanelMemberInput(m.Name, m.Discipline, m.Dissented.Contains("yes"), m.Dissent))],
            PersonAttended = Input.Attended.Contains("person"),
            FamilyAttended = Input.Attended.Contains("family"),
            AdvocateAttended = Input.Attended.Contains("advocate"),
            OthersAttendance = IsEnablement ? Input.OthersAttendance : null,
            AttendanceNote = IsEnablement ? Input.AttendanceNote : null,
            PersonsView = Input.PersonsView,
            Outcome = Input.Outcome,
            Decision = Input.Decision,
            Reasons = Input.Reasons,
            SharedResponsibility = IsEnablement ? Input.SharedResponsibility : null,
            Actions = [.. Input.Actions.Select((a, i) => new PanelActionInput(a.What, a.AssignedToId, dues[i]))],
            ReviewOn = reviewOn,
        };
        if (!await TryWriteAsync(() => panels.RecordDecisionAsync(referralId, Input.Version, input)))
        {
            return Page();
        }
        Confirm("The panel's decision has been recorded. It is not changed from now on: a correction is added beside it.");
        return Redirect(Links.PanelReferral(id, referralId));
    }

    /// <summary>
    /// Loads the referral and the provider's staff who may be given its actions; back to the referral when it is
    /// decided or goes to the other kind of panel, and refused to a user who may not record its decision.
    /// </summary>
    private async Task<IActionResult?> LoadAsync(Guid referralId)
    {
        if (!await LoadReferralAsync(referralId))
        {
            return NotFound();
        }
        if (Referral.Status != PanelStatus.Referred || Referral.Kind != Kind)
        {
            return Redirect(Links.PanelReferral(Person.Id, referralId));
        }
        if (!Scope.MayRecordDecision(Referral, Person))
        {
            return Forbid();
        }
        Staff =
        [
            new("Select who", ""),
            .. (await Db.Users.Where(u => u.OrganisationId == Referral.OrganisationId && u.IsActive).OrderBy(u => u.DisplayName)
                .Select(u => new { u.Id, u.DisplayName }).ToListAsync()).Select(u => new SelectListItem(u.DisplayName, u.Id.ToString())),
        ];
        return null;
    }
}
