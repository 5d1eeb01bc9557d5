using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Scoping;

namespace Proportion.Core.Services;

public sealed record ServiceDetails(string Name, SettingType SettingType, string? CqcLocationId);

/// <summary>Adds and changes the services of the signed-in user's organisation.</summary>
public sealed class ServiceManagement(ProportionDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<Service> AddAsync(ServiceDetails details, CancellationToken ct = default)
    {
        RequireManager();
        var service = new Service
        {
            OrganisationId = db.Scope.OrganisationId,
            Name = details.Name.Trim(),
            SettingType = details.SettingType,
            CqcLocationId = Text.OrNull(details.CqcLocationId),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Services.Add(service);
        audit.Record(service.OrganisationId, AuditAction.Created, nameof(Service), service.Id, $"Added service {service.Name}",
            changes: new ChangeSet().Set("Name", service.Name).Set("Setting", service.SettingType).Set("CQC location id", service.CqcLocationId));
        await db.SaveChangesAsync(ct);
        return service;
    }

    public async Task UpdateAsync(Guid serviceId, int versionUserSaw, ServiceDetails details, string? reason = null, CancellationToken ct = default)
    {
        RequireManager();
        var service = await db.Services.SingleOrDefaultAsync(s => s.Id == serviceId, ct)
            ?? throw new RecordNotFoundException("The service");
        ProportionDbContext.ClaimVersion(service, versionUserSaw);
        var changes = new ChangeSet()
            .Track("Name", service.Name, details.Name.Trim())
            .Track("Setting", service.SettingType, details.SettingType)
            .Track("CQC location id", service.CqcLocationId, Text.OrNull(details.CqcLocationId));
        service.Name = details.Name.Trim();
        service.SettingType = details.SettingType;
        service.CqcLocationId = Text.OrNull(details.CqcLocationId);
        audit.Record(service.OrganisationId, AuditAction.Updated, nameof(Service), service.Id, $"Changed service {service.Name}", changes: changes, reason: Text.OrNull(reason));
        await db.SaveChangesAsync(ct);
    }

    private void RequireManager() => db.Scope.Demand(Permission.ManageServices);
}
