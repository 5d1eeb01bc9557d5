using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Scoping;

namespace Proportion.Core.Services;

/// <summary>A month's figures as entered: either may be left out, not both.</summary>
public sealed record OccupancyFigures(DateOnly Month, int? OccupiedBedDays, int? SupportHours);

/// <summary>
/// Keeps each service's occupied bed days and hours of support per month (ADR 0026), which the patterns page
/// turns into rates. Kept by those who manage the service's incidents; recording a month again changes it,
/// checked against the version the manager saw, and the audit keeps each change with the figures before it.
/// </summary>
public sealed class OccupancyRecords(ProportionDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Records or changes a month. <paramref name="versionUserSaw"/> is 0 when the manager saw no figures for it.</summary>
    public async Task RecordAsync(Guid serviceId, OccupancyFigures figures, int versionUserSaw, CancellationToken ct = default)
    {
        var service = await db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Id == serviceId, ct)
            ?? throw new RecordNotFoundException("The service");
        db.Scope.Demand(Permission.ManageIncidents, service.OrganisationId);
        Validate(figures, UkTime.Today(clock));

        var month = new DateOnly(figures.Month.Year, figures.Month.Month, 1);
        var row = await db.ServiceOccupancy.SingleOrDefaultAsync(o => o.ServiceId == serviceId && o.Month == month, ct);
        var label = month.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        if (row is null)
        {
            if (versionUserSaw != 0)
            {
                throw new StaleEditException();
            }
            row = new ServiceOccupancy { OrganisationId = service.OrganisationId, ServiceId = serviceId, Month = month };
            db.ServiceOccupancy.Add(row);
            audit.Record(service.OrganisationId, AuditAction.Created, nameof(ServiceOccupancy), row.Id, $"Recorded occupancy and hours for {service.Name}, {label}",
                changes: new ChangeSet().Set("Occupied bed days", figures.OccupiedBedDays).Set("Support hours", figures.SupportHours));
        }
        else
        {
            ProportionDbContext.ClaimVersion(row, versionUserSaw);
            audit.Record(service.OrganisationId, AuditAction.Updated, nameof(ServiceOccupancy), row.Id, $"Changed occupancy and hours for {service.Name}, {label}",
                changes: new ChangeSet().Track("Occupied bed days", row.OccupiedBedDays, figures.OccupiedBedDays).Track("Support hours", row.SupportHours, figures.SupportHours));
        }
        row.OccupiedBedDays = figures.OccupiedBedDays;
        row.SupportHours = figures.SupportHours;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        row.UpdatedById = db.Scope.UserId;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (versionUserSaw == 0)
        {
            // Someone else recorded the same month a moment before: their figures stand until this one is looked at again.
            throw new StaleEditException();
        }
    }

    /// <summary>The rules for a month's figures, each refusal at its field.</summary>
    public static void Validate(OccupancyFigures figures, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (figures.OccupiedBedDays is null && figures.SupportHours is null)
        {
            errors[nameof(OccupancyFigures.OccupiedBedDays)] = "Enter the occupied bed days, the hours of support, or both";
        }
        if (figures.OccupiedBedDays is < 0 or > ServiceOccupancy.MaxFigure)
        {
            errors[nameof(OccupancyFigures.OccupiedBedDays)] = $"Occupied bed days must be between 0 and {ServiceOccupancy.MaxFigure:#,0}";
        }
        if (figures.SupportHours is < 0 or > ServiceOccupancy.MaxFigure)
        {
            errors[nameof(OccupancyFigures.SupportHours)] = $"Hours of support must be between 0 and {ServiceOccupancy.MaxFigure:#,0}";
        }
        if (figures.Month > new DateOnly(today.Year, today.Month, 1))
        {
            errors[nameof(OccupancyFigures.Month)] = "The month must be this month or one before it";
        }
        if (errors.Count > 0)
        {
            throw new RuleViolationException(errors);
        }
    }
}
