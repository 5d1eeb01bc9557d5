using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Incidents;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Pages.Incidents;

/// <summary>
/// Form CB1 as six short question pages and a check page, so a care worker can record a use on a phone at night
/// without a page that scrolls for ever. Nothing is stored until "Record incident": each page posts every answer
/// so far, the pages not shown carry theirs as hidden fields, and so it works without JavaScript, survives a
/// lapsed sign-in (the whole form is held) and keeps one submission key for duplicate safety (ADR 0037). Rows for
/// more interventions or staff are added by posting back, keeping what was typed.
/// </summary>
[Requires(Permission.RecordIncidents)]
[OwnOrganisationSubject]
public class RecordModel(ProportionDbContext db, IncidentRecords incidents, TimeProvider clock) : ProportionPageModel
{
    /// <summary>One question page: its heading and the form fields it asks (each a prefix of the posted names).</summary>
    public sealed record Step(int Number, string Title, string[] Fields)
    {
        public bool Owns(string key) => Fields.Any(f => key == f || (key.StartsWith(f) && key[f.Length] is '.' or '['));
    }

    public static readonly IReadOnlyList<Step> Steps =
    [
        new(1, "When and where", ["Input.OccurredOn", "Input.Location", "Input.Kind", "Input.PracticeId", "Input.WithinAgreedGuidelines", "Input.PracticeWorked", "Input.ChangedCircumstances"]),
        new(2, "What was done", ["Input.Interventions"]),
        new(3, "Why it was used", ["Input.Reason", "Input.ReasonDetail", "Input.Antecedents", "Input.EarlyWarningSigns", "Input.DeEscalation"]),
        new(4, "How it was used and how it ended", ["Input.HowUsed", "Input.Outcome", "Input.PersonCharacteristics"]),
        new(5, "Injuries and who must be told", ["Input.InjuryDetails", "Input.Notifiable"]),
        new(6, "Who was involved", ["Input.StaffUserIds", "Input.OtherStaff", "Input.OthersInvolved"]),
    ];

    /// <summary>The check page comes after the last question page.</summary>
    public static readonly int CheckStep = Steps.Count + 1;

    /// <summary>Posted names that steer the journey, never carried from page to page.</summary>
    private static readonly string[] Steering = ["__RequestVerificationToken", "Input.Step", "Input.Go", "Input.Add", "Input.ReturnToCheck", "Input.SubmissionKey"];

    [BindProperty(Name = "Input")]
    public IncidentForm Input { get; set; } = new();

    public Person Person => Subjects.Person!;
    public List<SelectListItem> Practices { get; private set; } = [];
    public List<SelectListItem> StaffChoices { get; private set; } = [];

    /// <summary>The page being shown: 1 to 6, or <see cref="CheckStep"/>.</summary>
    public int Shown { get; private set; } = 1;

    /// <summary>Every answer given on the pages not shown, as posted, to send on with this one.</summary>
    public List<KeyValuePair<string, string>> Carried { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadChoicesAsync(id) is { } stop)
        {
            return stop;
        }
        var now = UkTime.ToLondon(clock.GetUtcNow().UtcDateTime);
        Input.SubmissionKey = Guid.NewGuid();
        Input.OccurredOn = DateParts.From(DateOnly.FromDateTime(now));
        Input.StaffUserIds = [Scope.UserId];
        // Whoever records was there, unless they say otherwise on "Who was involved".
        Carried = [new("Input.StaffUserIds", Scope.UserId.ToString())];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        // A form without its key (tampered, or from a stale script) gets one here, so it records and
        // the form shown back carries it: a second tap of that form then records once, as it should.
        if (Input.SubmissionKey is null || Input.SubmissionKey == Guid.Empty)
        {
            Input.SubmissionKey = Guid.NewGuid();
        }
        var at = Math.Clamp(Input.Step, 1, CheckStep);

        // "Add another" buttons post everything typed so far and come back with one more empty row.
        if (Input.Add is "Intervention" or "Staff")
        {
            if (Input.Add == "Intervention" && Input.Interventions.Count < IncidentRecords.MaxInterventions)
            {
                Input.Interventions.Add(new());
            }
            if (Input.Add == "Staff" && Input.OtherStaff.Count < IncidentRecords.MaxStaff)
            {
                Input.OtherStaff.Add(new());
            }
            var rowsPage = Input.Add == "Intervention" ? 2 : 6;
            Input.Add = null;
            return await ShowAsync(id, rowsPage);
        }

        // Back and Change move without checking: what was typed on this page goes with them, unchecked, and is
        // checked when the person continues from it or records.
        if (Input.Go == "back")
        {
            return await ShowAsync(id, Input.ReturnToCheck ? CheckStep : Math.Max(1, at - 1));
        }
        if (Input.Go is { } go && go.StartsWith("change-") && int.TryParse(go["change-".Length..], out var change) && change >= 1 && change < CheckStep)
        {
            Input.ReturnToCheck = true;
            return await ShowAsync(id, change);
        }

        // Continue (or Enter in a box) checks the whole form, but speaks only of the pages already answered, or of
        // every page once the check page has been seen; it shows the first page with a problem, with that page's.
        var incident = ToIncident();
        var recording = at == CheckStep;
        if (!recording)
        {
            var answered = Input.ReturnToCheck ? CheckStep : at;
            foreach (var key in ModelState.Keys.Where(k => StepOf(k) > answered).ToList())
            {
                ModelState.Remove(key);
            }
            if (!ModelState.IsValid)
            {
                return await ShowAsync(id, FirstStepWithErrors(), keepErrors: true);
            }
            return await ShowAsync(id, Input.ReturnToCheck ? CheckStep : at + 1);
        }

        (Incident Incident, bool AlreadyRecorded) recorded = (null!, false);
        if (incident is null || !await TryWriteAsync(async () => recorded = await incidents.RecordAsync(Person, incident)))
        {
            Input.ReturnToCheck = true;
            return await ShowAsync(id, FirstStepWithErrors(), keepErrors: true);
        }
        Confirm(recorded.AlreadyRecorded
            ? "This incident had already been recorded. It has not been recorded twice."
            : "The incident has been recorded. The service manager has been told.");
        return Redirect(Links.Incident(recorded.Incident.Id));
    }

    /// <summary>The page a posted name belongs to; a form-wide error belongs to the check page.</summary>
    public static int StepOf(string key) =>
        key == "Input.OccurredTime" ? 2 : Steps.FirstOrDefault(s => s.Owns(key))?.Number ?? CheckStep;

    private int FirstStepWithErrors() =>
        ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => StepOf(e.Key)).DefaultIfEmpty(CheckStep).Min();

    private async Task<IActionResult> ShowAsync(Guid id, int step, bool keepErrors = false)
    {
        if (!keepErrors)
        {
            // A page reached cleanly starts without messages; its fields show what was posted or carried.
            ModelState.Clear();
        }
        else
        {
            // Each page speaks only of its own fields, so every message in the summary links to a field shown.
            foreach (var key in ModelState.Keys.Where(k => StepOf(k) != step && k != "").ToList())
            {
                ModelState.Remove(key);
            }
        }
        Shown = step;
        Input.Step = step;
        var shown = step < CheckStep ? Steps[step - 1] : null;
        Carried = [.. Request.Form
            .Where(f => !Steering.Contains(f.Key) && (shown is null || !shown.Owns(f.Key)))
            .SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? "")))];
        return await LoadChoicesAsync(id) ?? Page();
    }

    /// <summary>Turns the form into an incident, adding an error at each field that cannot be read.</summary>
    private Incident? ToIncident()
    {
        var date = Input.OccurredOn.Validate(ModelState, "Input.OccurredOn", "Date it happened");
        if (Input.Kind != IncidentKind.Planned)
        {
            // The agreed practice's questions are revealed only for a planned use; without JavaScript they are
            // all shown, so answers left in them for an emergency are ignored, as GOV.UK's conditional reveal does.
            Input.PracticeId = null;
            Input.WithinAgreedGuidelines = null;
            Input.PracticeWorked = null;
            Input.ChangedCircumstances = null;
        }
        if (Input.Kind == IncidentKind.Planned && Input.PracticeId is not null && Input.WithinAgreedGuidelines is null)
        {
            ModelState.AddModelError("Input.WithinAgreedGuidelines", "Select whether it was used only in the circumstances agreed");
        }

        var interventions = new List<(string Key, IncidentIntervention Intervention)>();
        var rows = Input.Interventions.Select((row, index) => (row, index)).Where(r => !r.row.IsBlank).ToList();
        foreach (var (row, i) in rows)
        {
            var key = $"Input.Interventions[{i}]";
            if (ModelState[$"{key}.Type"]?.Errors.Count > 0)
            {
                // A value not in the list (a tampered or stale form) says which list, not "invalid value".
                ModelState[$"{key}.Type"]!.Errors.Clear();
                ModelState.AddModelError($"{key}.Type", "Select the type of intervention from the list");
            }
            else if (row.Type is null)
            {
                ModelState.AddModelError($"{key}.Type", "Select the type of intervention");
            }
            var start = ReadTime(date, row.Start, $"{key}.Start", "the time it started");
            var end = ReadTime(date?.AddDays(row.EndedNextDay ? 1 : 0), row.End, $"{key}.End", "the time it ended");
            if (row.Injuries.Count == 0)
            {
                ModelState.AddModelError($"{key}.Injuries", "Select who was injured, or 'No one was injured'");
            }
            else if (row.Injuries.Contains(Injury.NoOne) && row.Injuries.Count > 1)
            {
                ModelState.AddModelError($"{key}.Injuries", "Select who was injured, or 'No one was injured', not both");
            }
            if (row.Type is { } type && start is { } s && end is { } e)
            {
                interventions.Add((key, new IncidentIntervention
                {
                    Type = type, StartedAt = s, EndedAt = e,
                    InjuryToPerson = row.Injuries.Contains(Injury.Person),
                    InjuryToStaff = row.Injuries.Contains(Injury.Staff),
                    InjuryToOthers = row.Injuries.Contains(Injury.Others),
                }));
            }
        }
        // The incident began when its first intervention started: one time, asked once.
        DateTime? occurredAt = interventions.Count > 0 ? interventions.Min(i => i.Intervention.StartedAt) : null;
        if (occurredAt is { } began)
        {
            foreach (var (field, message) in IncidentRecords.TimeProblems(began, interventions, clock.GetUtcNow().UtcDateTime)
                         .Where(p => p.Field != "OccurredTime"))
            {
                ModelState.AddModelError(field.StartsWith("Input.") ? field : $"Input.{field}", message);
            }
        }
        if (ModelState["Input.Reason"]?.Errors.Count > 0 && Input.Reason is null && Request.Form["Input.Reason"] != "")
        {
            ModelState["Input.Reason"]!.Errors.Clear();
            ModelState.AddModelError("Input.Reason", "Select a reason from the list");
        }
        if (rows.Count == 0)
        {
            ModelState.AddModelError("Input.Interventions[0].Type", "Record at least one intervention: what was done, and when it started and ended");
        }

        var staff = Input.StaffUserIds.Distinct()
            .Select(userId => new IncidentStaffMember { UserId = userId, Name = "", Role = "" })
            .ToList();
        for (var i = 0; i < Input.OtherStaff.Count; i++)
        {
            var other = Input.OtherStaff[i];
            if (string.IsNullOrWhiteSpace(other.Name) && string.IsNullOrWhiteSpace(other.Role))
            {
                continue;
            }
            if (string.IsNullOrWhiteSpace(other.Name))
            {
                ModelState.AddModelError($"Input.OtherStaff[{i}].Name", "Enter the name of this member of staff");
            }
            if (string.IsNullOrWhiteSpace(other.Role))
            {
                ModelState.AddModelError($"Input.OtherStaff[{i}].Role", "Enter their role, for example agency support worker");
            }
            staff.Add(new IncidentStaffMember { Name = other.Name?.Trim() ?? "", Role = other.Role?.Trim() ?? "" });
        }

        if (staff.Count == 0)
        {
            ModelState.AddModelError("Input.StaffUserIds", IncidentRecords.NoStaffMessage);
        }
        if (!ModelState.IsValid || occurredAt is null)
        {
            return null;
        }
        return new Incident
        {
            SubmissionKey = Input.SubmissionKey!.Value,
            OccurredAt = occurredAt.Value,
            Location = Input.Location!.Trim(),
            Kind = Input.Kind!.Value,
            PracticeId = Input.PracticeId,
            WithinAgreedGuidelines = Input.PracticeId is null ? null : Input.WithinAgreedGuidelines,
            PracticeIneffective = Input.PracticeWorked == false,
            ChangedCircumstances = Text.OrNull(Input.ChangedCircumstances),
            Reason = Input.Reason!.Value,
            ReasonDetail = Text.OrNull(Input.ReasonDetail),
            Antecedents = Input.Antecedents!.Trim(),
            EarlyWarningSigns = Text.OrNull(Input.EarlyWarningSigns),
            DeEscalation = Input.DeEscalation!.Trim(),
            HowUsed = Input.HowUsed!.Trim(),
            PersonCharacteristics = Text.OrNull(Input.PersonCharacteristics),
            Outcome = Input.Outcome!.Trim(),
            InjuryDetails = Text.OrNull(Input.InjuryDetails),
            Died = Input.Notifiable.Contains(NotifiableEvent.Death),
            SeriousInjury = Input.Notifiable.Contains(NotifiableEvent.SeriousInjury),
            AbuseOrAllegation = Input.Notifiable.Contains(NotifiableEvent.Abuse),
            PoliceInvolved = Input.Notifiable.Contains(NotifiableEvent.Police),
            OthersInvolved = Text.OrNull(Input.OthersInvolved),
            Interventions = [.. interventions.Select(i => i.Intervention)],
            Staff = staff,
        };
    }

    private DateTime? ReadTime(DateOnly? date, string? text, string key, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            ModelState.AddModelError(key, $"Enter {what}, for example 14:05");
            return null;
        }
        if (!TimeText.TryParse(text, out var time))
        {
            ModelState.AddModelError(key, $"Enter {what} as hours and minutes, for example 14:05 or 2:05pm");
            return null;
        }
        if (date is null)
        {
            return null;
        }
        var utc = UkTime.ToUtc(date.Value, time);
        if (utc is null)
        {
            ModelState.AddModelError(key, "That time did not happen: the clocks went forward an hour. Enter the time as the clock showed it");
        }
        return utc;
    }

    private async Task<IActionResult?> LoadChoicesAsync(Guid id)
    {
        var person = Person;
        Practices = await db.Practices.AsNoTracking()
            // Only practices in place (agreed, or under review) can be "the agreed practice used".
            .Where(p => p.PersonId == id && (p.Status == PracticeStatus.Agreed || p.Status == PracticeStatus.UnderReview))
            .OrderBy(p => p.Description)
            .Select(p => new { p.Id, p.Description })
            .AsAsyncEnumerable().Select(p => new SelectListItem(p.Description, p.Id.ToString())).ToListAsync();
        Practices.Insert(0, new SelectListItem("None: no agreed practice was used", ""));

        // Staff who may record a use (and so be named on one) who work in the person's service, and whoever
        // is recording (a senior manager may not be assigned).
        var recorders = Permissions.RolesWith(Permission.RecordIncidents).ToArray();
        var staff = await (from user in db.Users
                           join userRole in db.UserRoles on user.Id equals userRole.UserId
                           join role in db.Roles on userRole.RoleId equals role.Id
                           where user.OrganisationId == Scope.OrganisationId && user.IsActive
                                 && recorders.Contains(role.Name!)
                                 && (user.Id == Scope.UserId || db.ServiceAssignments.Any(a => a.UserId == user.Id && a.ServiceId == person.ServiceId))
                           select new { user.Id, user.DisplayName, role.Name })
            .AsNoTracking().ToListAsync();
        StaffChoices = staff.GroupBy(s => s.Id)
            .Select(g => new SelectListItem($"{g.First().DisplayName} ({IncidentRecords.MainRole(g.Select(s => s.Name!))})", g.Key.ToString()))
            .OrderBy(i => i.Text)
            .ToList();
        return null;
    }

    /// <summary>Who was hurt in one intervention; "no one" is an answer, so a blank is never read as no injury.</summary>
    public enum Injury { Person, Staff, Others, NoOne }

    /// <summary>The events CQC must be told of: a death (Regulation 16), the rest Regulation 18.</summary>
    public enum NotifiableEvent { Death, SeriousInjury, Abuse, Police }

    public sealed class IncidentForm
    {
        /// <summary>Which "Add another" button was pressed, if any.</summary>
        public string? Add { get; set; }

        /// <summary>The page these answers were posted from.</summary>
        public int Step { get; set; } = 1;

        /// <summary>Where to go: "back", "change-N" from the check page, or on (Continue, or Record on the check page).</summary>
        public string? Go { get; set; }

        /// <summary>Set once the check page has been reached: Continue then returns to it.</summary>
        public bool ReturnToCheck { get; set; }

        public Guid? SubmissionKey { get; set; }

        public DateParts OccurredOn { get; set; } = new();

        [Required(ErrorMessage = "Enter where it happened, for example the lounge")]
        [StringLength(Incident.ShortTextMaxLength, ErrorMessage = "Where it happened must be 200 characters or fewer")]
        public string? Location { get; set; }

        [Required(ErrorMessage = "Select whether an agreed practice was used or it was an emergency")]
        [EnumDataType(typeof(IncidentKind), ErrorMessage = "Select whether an agreed practice was used or it was an emergency")]
        public IncidentKind? Kind { get; set; }

        public Guid? PracticeId { get; set; }

        public bool? WithinAgreedGuidelines { get; set; }

        public bool? PracticeWorked { get; set; }

        [StringLength(Incident.TextMaxLength, ErrorMessage = "What has changed must be 4,000 characters or fewer")]
        public string? ChangedCircumstances { get; set; }

        public List<InterventionRow> Interventions { get; set; } = [new()];

        [Required(ErrorMessage = "Select the main reason it was used")]
        [EnumDataType(typeof(InterventionReason), ErrorMessage = "Select a reason from the list")]
        public InterventionReason? Reason { get; set; }

        [StringLength(Incident.TextMaxLength, ErrorMessage = "More about the reason must be 4,000 characters or fewer")]
        public string? ReasonDetail { get; set; }

        [Required(ErrorMessage = "Enter what happened before")]
        [StringLength(Incident.TextMaxLength, ErrorMessage = "What happened before must be 4,000 characters or fewer")]
        public string? Antecedents { get; set; }

        [StringLength(Incident.TextMaxLength, ErrorMessage = "Early warning signs must be 4,000 characters or fewer")]
        public string? EarlyWarningSigns { get; set; }

        [Required(ErrorMessage = "Enter what was tried first to calm things or avoid the intervention")]
        [StringLength(Incident.TextMaxLength, ErrorMessage = "De-escalation tried must be 4,000 characters or fewer")]
        public string? DeEscalation { get; set; }

        [Required(ErrorMessage = "Enter how the intervention was used: the hold or technique, and how force was used")]
        [StringLength(Incident.TextMaxLength, ErrorMessage = "How it was used must be 4,000 characters or fewer")]
        public string? HowUsed { get; set; }

        [StringLength(Incident.TextMaxLength, ErrorMessage = "The person's characteristics must be 4,000 characters or fewer")]
        public string? PersonCharacteristics { get; set; }

        [Required(ErrorMessage = "Enter the outcome: how the person was afterwards")]
        [StringLength(Incident.TextMaxLength, ErrorMessage = "The outcome must be 4,000 characters or fewer")]
        public string? Outcome { get; set; }

        [StringLength(Incident.TextMaxLength, ErrorMessage = "Injuries must be 4,000 characters or fewer")]
        public string? InjuryDetails { get; set; }

        public List<NotifiableEvent> Notifiable { get; set; } = [];

        public List<Guid> StaffUserIds { get; set; } = [];

        public List<OtherStaffRow> OtherStaff { get; set; } = [new()];

        [StringLength(Incident.TextMaxLength, ErrorMessage = "Anyone else involved must be 4,000 characters or fewer")]
        public string? OthersInvolved { get; set; }
    }

    public sealed class InterventionRow
    {
        [EnumDataType(typeof(InterventionType), ErrorMessage = "Select the type of intervention from the list")]
        public InterventionType? Type { get; set; }

        public string? Start { get; set; }

        public string? End { get; set; }

        public bool EndedNextDay { get; set; }

        public List<Injury> Injuries { get; set; } = [];

        public bool IsBlank => Type is null && string.IsNullOrWhiteSpace(Start) && string.IsNullOrWhiteSpace(End) && Injuries.Count == 0;
    }

    public sealed class OtherStaffRow
    {
        [StringLength(IncidentStaffMember.NameMaxLength, ErrorMessage = "The name must be 100 characters or fewer")]
        public string? Name { get; set; }

        [StringLength(IncidentStaffMember.NameMaxLength, ErrorMessage = "The role must be 100 characters or fewer")]
        public string? Role { get; set; }
    }
}
