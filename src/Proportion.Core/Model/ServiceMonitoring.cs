using System.ComponentModel.DataAnnotations;

namespace Proportion.Core.Model;

/// <summary>
/// Form RP3: a check of every restrictive practice in one service (§8). The service's manager monitors
/// every 3 months (§8.4) and a senior manager, ideally from outside the service, audits at least every
/// 6 months (§8.3). It starts pre-filled with what the rules find for each practice (§8.7); the auditor
/// adds their own findings and actions, then signs it off. Once completed it is never changed.
/// </summary>
public class ServiceMonitoring : ITenantOwned, IVersioned
{
    public const int TextMaxLength = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid ServiceId { get; set; }
    public Service? Service { get; set; }
    public MonitoringKind Kind { get; set; }
    public MonitoringStatus Status { get; set; } = MonitoringStatus.Draft;
    /// <summary>When this check was due, as the rule (R11) said when it began, so a late one stays visible as late.</summary>
    public DateOnly DueOn { get; set; }

    /// <summary>One line per practice in place when the check began, with what the rules found.</summary>
    public List<MonitoringPracticeCheck> Practices { get; set; } = [];
    public List<MonitoringAction> Actions { get; set; } = [];

    /// <summary>The auditor's own findings: what is done well, what is not, patterns across the service.</summary>
    public string? Findings { get; set; }

    public DateTime CreatedAt { get; set; }
    public Guid CreatedById { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public DateTime? CompletedAt { get; set; }
    public Guid? CompletedById { get; set; }
    public string? CompletedByName { get; set; }
    /// <summary>For an audit: whether the senior manager works in the service (§8.3 asks for someone external).</summary>
    public bool CompletedByWorksInService { get; set; }
    public int Version { get; set; } = 1;
}

public enum MonitoringKind
{
    /// <summary>The service manager's check, every 3 months (§8.4).</summary>
    [Display(Name = "Manager's monitoring")] ManagerMonitoring = 1,
    /// <summary>A senior manager's audit, at least every 6 months (§8.3).</summary>
    [Display(Name = "Senior manager's audit")] SeniorAudit = 2,
}

public enum MonitoringStatus
{
    Draft = 1,
    Completed = 2,
}

/// <summary>
/// One practice as the check found it (§8.7). The rule columns are what Proportion found when the check
/// began; the auditor's note is theirs. Part of its monitoring record.
/// </summary>
public class MonitoringPracticeCheck
{
    public const int NoteMaxLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PracticeId { get; set; }
    public required string PersonName { get; set; }
    public required string Description { get; set; }
    public PracticeStatus Status { get; set; }
    /// <summary>The decision is evidenced: an agreed RP2 with every element (R2).</summary>
    public bool DecisionEvidenced { get; set; }
    /// <summary>Less restrictive alternatives were considered and each rejection explained (§5.7, §8.7).</summary>
    public bool LeastRestrictiveSought { get; set; }
    /// <summary>The person's views were recorded, with how they were gathered (§5.4, §8.7).</summary>
    public bool PersonInvolved { get; set; }
    /// <summary>The review date has not passed, and every review was held by its date (R9, §8.7).</summary>
    public bool ReviewDatesMet { get; set; }
    /// <summary>Every agreement the rules require was given (R3, R4, R5).</summary>
    public bool SignOffsComplete { get; set; }
    /// <summary>Every member of staff in the service confirmed reading the guidelines in force (§7.5).</summary>
    public bool GuidelinesAcknowledged { get; set; }
    /// <summary>R18: in place a long time without a review that considered reducing it.</summary>
    public bool ReductionOverdue { get; set; }
    public string? AuditorNote { get; set; }
}

/// <summary>An action the check sets, with who owns it and when it is due. Part of its monitoring record.</summary>
public class MonitoringAction
{
    public const int TextMaxLength = 1000;
    public const int OwnerMaxLength = 100;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string What { get; set; }
    public required string Owner { get; set; }
    public DateOnly DueOn { get; set; }
    public Guid RecordedById { get; set; }
    public DateTime RecordedAt { get; set; }

    // Following the action up after sign-off: when it was done, by whom, and what was done.
    public DateOnly? DoneOn { get; set; }
    public string? DoneByName { get; set; }
    public string? DoneNote { get; set; }
    public DateTime? DoneRecordedAt { get; set; }
}
