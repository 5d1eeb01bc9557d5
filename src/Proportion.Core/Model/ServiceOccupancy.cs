namespace Proportion.Core.Model;

/// <summary>
/// What a service provided in one calendar month, kept by its manager so its restriction can be read as a rate
/// (per 1,000 occupied bed days, per 1,000 hours of support) beside services of other sizes. Either figure may be
/// left out: a care home counts bed days, a supported living service hours. One row per service and month,
/// changed by recording the month again; every change is audited with the figures before and after (ADR 0026).
/// </summary>
public class ServiceOccupancy : ITenantOwned, IVersioned
{
    /// <summary>No service has more: a bound that catches a figure typed with extra digits.</summary>
    public const int MaxFigure = 10_000_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid ServiceId { get; set; }
    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }
    public int? OccupiedBedDays { get; set; }
    public int? SupportHours { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid UpdatedById { get; set; }
    public int Version { get; set; } = 1;
}
