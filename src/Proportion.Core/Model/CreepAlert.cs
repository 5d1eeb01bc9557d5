using Proportion.Core.Analytics;

namespace Proportion.Core.Model;

/// <summary>
/// A special-cause rise in one measure of a person's or a service's restriction (R14), raised once per signal
/// by the background job (<see cref="CreepAlerts"/>) and kept until a manager acknowledges it with what they
/// will do. One alert covers a run of consecutive signalling periods: it is keyed by the first period of the
/// run (<see cref="SignalStarts"/>), and each later period the signal continues into moves
/// <see cref="LatestStarts"/> on rather than raising another (ADR 0025).
/// </summary>
public class CreepAlert : ITenantOwned, IVersioned
{
    public const int NoteMaxLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    /// <summary>The service whose managers are told: the service itself, or the person's service when it was raised.</summary>
    public Guid ServiceId { get; set; }
    public Service? Service { get; set; }
    /// <summary>Set when the rise is in one person's restriction; null for a service's.</summary>
    public Guid? PersonId { get; set; }
    public Person? Person { get; set; }
    /// <summary>Whose chart signalled: a person or a service.</summary>
    public ChartSubjectKind SubjectKind { get; set; }
    /// <summary>The person's or the service's id: never null, so the unique key holds for service alerts too.</summary>
    public Guid SubjectId { get; set; }
    public Measure Measure { get; set; }
    public ChartPeriod Period { get; set; }
    /// <summary>The first day of the first period of the run of signalling points: the signal's key.</summary>
    public DateOnly SignalStarts { get; set; }
    /// <summary>The first day of the latest complete period the signal was still seen in.</summary>
    public DateOnly LatestStarts { get; set; }
    /// <summary>The rules the point that raised the alert was part of.</summary>
    public SpecialCause Causes { get; set; }
    /// <summary>The value of the point that raised the alert, and the chart's mean and upper process limit then.</summary>
    public double Value { get; set; }
    public double Mean { get; set; }
    public double UpperLimit { get; set; }
    public DateTime RaisedAt { get; set; }

    public DateTime? AcknowledgedAt { get; set; }
    public Guid? AcknowledgedById { get; set; }
    public string? AcknowledgedByName { get; set; }
    /// <summary>What the manager will do about the rise: review the person's plan, a staffing change, and so on.</summary>
    public string? AcknowledgementNote { get; set; }
    public int Version { get; set; } = 1;

    public ChartSubject Subject => new(SubjectKind, SubjectId);
}
