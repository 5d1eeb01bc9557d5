using Proportion.Core.Analytics;

namespace Proportion.Core.Model;

/// <summary>
/// A date a manager marks on a subject's charts as a change in how the work is done (a new reduction plan,
/// a service opening a new wing): the process limits are recalculated from the period holding it, and the
/// earlier limits stay on the chart (NHS Making Data Count). Kept forever; a mark made in error is withdrawn
/// with a reason, never deleted (R16).
/// </summary>
public class ChartChange : ITenantOwned
{
    public const int DescriptionMaxLength = 200;
    public const int ReasonMaxLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The organisation whose subject it marks: the provider's, for a person, service or organisation.</summary>
    public Guid OrganisationId { get; set; }
    public ChartSubjectKind SubjectKind { get; set; }
    public Guid SubjectId { get; set; }
    /// <summary>The day the change took effect, in England.</summary>
    public DateOnly Date { get; set; }
    public required string Description { get; set; }
    public Guid MarkedById { get; set; }
    public DateTime MarkedAt { get; set; }

    public Guid? WithdrawnById { get; set; }
    public DateTime? WithdrawnAt { get; set; }
    public string? WithdrawnReason { get; set; }

    public bool IsWithdrawn => WithdrawnAt is not null;
}
