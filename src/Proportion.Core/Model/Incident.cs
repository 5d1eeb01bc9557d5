using System.ComponentModel.DataAnnotations;

namespace Proportion.Core.Model;

/// <summary>
/// Form CB1: one use of a reactive or emergency restrictive intervention (§8.10, §9.5). As a floor it holds
/// what the Use of Force Act 2018 s.6(5) asks hospitals to record. The facts recorded at submission never
/// change (R16): corrections are <see cref="IncidentAmendment"/>s, and what follows the incident (the
/// debrief, support, the manager's review) is added once, later, by the people responsible.
/// </summary>
public class Incident : ITenantOwned, IVersioned
{
    public const int ShortTextMaxLength = 200;
    public const int TextMaxLength = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    /// <summary>The person's service when it happened; kept even if they move, so the service's figures stay true.</summary>
    public Guid ServiceId { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }

    /// <summary>When the incident began (UTC); each intervention has its own start and end.</summary>
    public DateTime OccurredAt { get; set; }
    public required string Location { get; set; }

    /// <summary>Planned: an agreed practice used; emergency: unforeseen (§9.2), which carries the duties of R10.</summary>
    public IncidentKind Kind { get; set; }
    /// <summary>The agreed practice that was used, if any.</summary>
    public Guid? PracticeId { get; set; }
    /// <summary>R7: whether it was used only in the circumstances agreed. Null when no practice was used.</summary>
    public bool? WithinAgreedGuidelines { get; set; }
    /// <summary>R8 (§8.11): the guidelines are proving ineffective.</summary>
    public bool PracticeIneffective { get; set; }
    /// <summary>R8 (§6.2): something about the person or their situation has changed.</summary>
    public string? ChangedCircumstances { get; set; }

    public InterventionReason Reason { get; set; }
    public string? ReasonDetail { get; set; }
    /// <summary>What happened before: the antecedents.</summary>
    public required string Antecedents { get; set; }
    public string? EarlyWarningSigns { get; set; }
    /// <summary>Efforts made to avoid the intervention: de-escalation tried.</summary>
    public required string DeEscalation { get; set; }
    /// <summary>How force or the restriction was used, in the staff's words.</summary>
    public required string HowUsed { get; set; }
    /// <summary>The person's characteristics that bear on the incident (s.6(5): age, disability, and so on).</summary>
    public string? PersonCharacteristics { get; set; }
    public required string Outcome { get; set; }
    public string? InjuryDetails { get; set; }
    /// <summary>
    /// CQC (Registration) Regulations 2009 reg 16: the person died. Null only on incidents recorded before death
    /// and serious injury were asked apart, when one question covered both and the answer "yes" does not say which.
    /// </summary>
    public bool? Died { get; set; } = false;
    /// <summary>Regulation 18(2)(a) or (b): a serious injury (<see cref="Rules.CqcNotification.SeriousInjuryCriteria"/>). Null as for <see cref="Died"/>.</summary>
    public bool? SeriousInjury { get; set; } = false;
    /// <summary>A death or serious injury was recorded under the old single question: which one is not known, and is never guessed.</summary>
    public bool DeathOrSeriousInjuryNotSeparated => Died is null || SeriousInjury is null;
    /// <summary>Anyone else involved who is not staff, and why.</summary>
    public string? OthersInvolved { get; set; }

    // The other Regulation 18 questions: any one means CQC must be told without delay.
    public bool AbuseOrAllegation { get; set; }
    public bool PoliceInvolved { get; set; }

    public List<IncidentIntervention> Interventions { get; set; } = [];
    public List<IncidentStaffMember> Staff { get; set; } = [];

    /// <summary>Set by the form when it is first shown; a second submission with the same key records nothing new.</summary>
    public Guid SubmissionKey { get; set; }
    public Guid RecordedById { get; set; }
    public DateTime RecordedAt { get; set; }

    // After every use (R13, §8.9, CQC 2023), added once by a manager.
    public bool? DebriefHeld { get; set; }
    /// <summary>What the debrief covered, or why it was not held.</summary>
    public string? DebriefNotes { get; set; }
    public string? TherapeuticSupport { get; set; }
    public bool? CarePlanReviewNeeded { get; set; }
    public string? CarePlanNotes { get; set; }
    public DateTime? FollowUpRecordedAt { get; set; }
    public Guid? FollowUpRecordedById { get; set; }

    // The manager's review with the person (§9.6, §9.7): within 48 hours for emergencies (R10).
    public DateTime? ManagerReviewedAt { get; set; }
    public Guid? ManagerReviewedById { get; set; }
    public bool? PersonTookPartInReview { get; set; }
    public string? ReviewAttendees { get; set; }
    public string? ReviewOutcome { get; set; }

    public int Version { get; set; } = 1;

    /// <summary>
    /// A restriction was used that nobody has agreed: the practice named was not agreed (or under review) when it
    /// was used. Stored when the incident is recorded, so the managers' lists can query it.
    /// </summary>
    public bool UnauthorisedRestriction { get; set; }

    /// <summary>R8: this use brings the practice's review forward; stored so the managers' lists can query it.</summary>
    public bool CallsForEarlyReview { get; set; }

    public bool IsProne => Interventions.Any(i => i.Type.IsProne());
    public bool IsRapidTranquillisation => Interventions.Any(i => i.Type.IsRapidTranquillisation());
    public bool AnyInjury => Interventions.Any(i => i.InjuryToPerson || i.InjuryToStaff || i.InjuryToOthers);
}

public enum IncidentKind
{
    [Display(Name = "An agreed (planned) practice was used")] Planned = 1,
    [Display(Name = "Emergency or unforeseen")] Emergency = 2,
}

/// <summary>One intervention within an incident, with its own type, times and injuries (MHSDS MHS515).</summary>
public class IncidentIntervention
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public InterventionType Type { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime EndedAt { get; set; }
    public bool InjuryToPerson { get; set; }
    public bool InjuryToStaff { get; set; }
    public bool InjuryToOthers { get; set; }

    public int Minutes => (int)Math.Round((EndedAt - StartedAt).TotalMinutes);
}

/// <summary>A member of staff involved: linked to their account when they have one, so they are asked for a reflection.</summary>
public class IncidentStaffMember
{
    public const int NameMaxLength = 100;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? UserId { get; set; }
    public required string Name { get; set; }
    public required string Role { get; set; }
}

/// <summary>What one member of staff involved reflects afterwards (§10.1: an open culture of reflecting).</summary>
public class IncidentReflection : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid IncidentId { get; set; }
    public Guid UserId { get; set; }
    public required string Text { get; set; }
    public DateTime WrittenAt { get; set; }
}

/// <summary>Who was told about an incident, when, how and by whom; or why it was decided they need not be.</summary>
public class IncidentNotification : ITenantOwned
{
    public const int TextMaxLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid IncidentId { get; set; }
    public NotificationRecipient Recipient { get; set; }
    public bool Told { get; set; }
    /// <summary>When they were told; null when it was decided not to tell them.</summary>
    public DateTime? ToldAt { get; set; }
    /// <summary>Who told them, and how ("Priya Shah, by phone"), or why they were not told.</summary>
    public required string Details { get; set; }
    public Guid? RecordedById { get; set; }
    public DateTime RecordedAt { get; set; }
}

public enum NotificationRecipient
{
    [Display(Name = "Senior manager")] SeniorManager = 1,
    [Display(Name = "CQC")] Cqc = 2,
    [Display(Name = "Social worker")] SocialWorker = 3,
    [Display(Name = "Commissioner")] Commissioner = 4,
    [Display(Name = "Family or representative")] Family = 5,
}

/// <summary>A correction to a submitted incident: the original stays, and the record shows both (R16).</summary>
public class IncidentAmendment : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid IncidentId { get; set; }
    /// <summary>The property corrected, from <see cref="IncidentAmendment.Amendable"/>.</summary>
    public required string Field { get; set; }
    public string? Previous { get; set; }
    public string? Corrected { get; set; }
    public required string Reason { get; set; }
    public Guid AmendedById { get; set; }
    public DateTime AmendedAt { get; set; }

    /// <summary>The facts that may be corrected by amendment, with the names people know them by.</summary>
    public static readonly IReadOnlyDictionary<string, string> Amendable = new Dictionary<string, string>
    {
        [nameof(Incident.Location)] = "Where it happened",
        [nameof(Incident.ReasonDetail)] = "More about the reason",
        [nameof(Incident.Antecedents)] = "What happened before",
        [nameof(Incident.EarlyWarningSigns)] = "Early warning signs",
        [nameof(Incident.DeEscalation)] = "De-escalation tried",
        [nameof(Incident.HowUsed)] = "How the intervention was used",
        [nameof(Incident.PersonCharacteristics)] = "The person's relevant characteristics",
        [nameof(Incident.Outcome)] = "Outcome",
        [nameof(Incident.InjuryDetails)] = "Injuries",
        [nameof(Incident.OthersInvolved)] = "Anyone else involved",
    };
}

/// <summary>A message to one user in the app: an incident they must act on, a reflection to write.</summary>
public class Notification : ITenantOwned
{
    public const int MessageMaxLength = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid UserId { get; set; }
    public required string Message { get; set; }
    public required string Link { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
    /// <summary>
    /// Set on reminders: what it reminds of and on which day ("reflection:{incident}:2026-11-22"). Unique per
    /// user, so however many app instances run, a reminder is sent once a day at most.
    /// </summary>
    public string? ReminderKey { get; set; }
}

/// <summary>
/// A lease on a piece of background work: the instance whose lease is current does the work, so several
/// app instances behind a load balancer never do it twice (docs/architecture.md: background work).
/// </summary>
public class JobLease
{
    public required string Name { get; set; }
    public required string Holder { get; set; }
    public DateTime ExpiresAt { get; set; }
}
