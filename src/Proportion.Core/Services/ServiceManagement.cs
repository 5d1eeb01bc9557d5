using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Scoping;

namespace Proportion.Core.Services;

/// <param name="LocalCouncilId">The council for the area the service is in, whose safeguarding adults team receives its safeguarding concerns (R20).</param>
public sealed record ServiceDetails(string Name, SettingType SettingType, string? CqcLocationId, Guid? LocalCouncilId = null);

/// <summary>Adds and changes the services of the signed-in user's organisation.</summary>
public sealed class ServiceManagement(ProportionDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<Service> AddAsync(ServiceDetails details, CancellationToken ct = default)
    {
        RequireManager();
        var council = await LocalCouncilNameAsync(details.LocalCouncilId, ct);
        var service = new Service
        {
            OrganisationId = db.Scope.OrganisationId,
            Name = details.Name.Trim(),
            SettingType = details.SettingType,
            CqcLocationId = Text.OrNull(details.CqcLocationId),
            LocalCouncilId = details.LocalCouncilId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Services.Add(service);
        audit.Record(service.OrganisationId, AuditAction.Created, nameof(Service), service.Id, $"Added service {service.Name}",
            changes: new ChangeSet().Set("Name", service.Name).Set("Setting", service.SettingType).Set("CQC location id", service.CqcLocationId)
                .Set("Local council", council));
        await db.SaveChangesAsync(ct);
        return service;
    }

    public async Task UpdateAsync(Guid serviceId, int versionUserSaw, ServiceDetails details, string? reason = null, CancellationToken ct = default)
    {
        RequireManager();
        var service = await db.Services.SingleOrDefaultAsync(s => s.Id == serviceId, ct)
            ?? throw new RecordNotFoundException("The service");
        ProportionDbContext.ClaimVersion(service, versionUserSaw);
        var council = await LocalCouncilNameAsync(details.LocalCouncilId, ct);
        var changes = new ChangeSet()
            .Track("Name", service.Name, details.Name.Trim())
            .Track("Setting", service.SettingType, details.SettingType)
            .Track("CQC location id", service.CqcLocationId, Text.OrNull(details.CqcLocationId))
            .Track("Local council", await LocalCouncilNameAsync(service.LocalCouncilId, ct), council);
        service.Name = details.Name.Trim();
        service.SettingType = details.SettingType;
        service.CqcLocationId = Text.OrNull(details.CqcLocationId);
        service.LocalCouncilId = details.LocalCouncilId;
        audit.Record(service.OrganisationId, AuditAction.Updated, nameof(Service), service.Id, $"Changed service {service.Name}", changes: changes, reason: Text.OrNull(reason));
        await db.SaveChangesAsync(ct);
    }

    private void RequireManager() => db.Scope.Demand(Permission.ManageServices);

    /// <summary>The local council's name; refused at its field when the id is not a council's.</summary>
    private async Task<string?> LocalCouncilNameAsync(Guid? councilId, CancellationToken ct)
    {
        if (councilId is not { } id)
        {
            return null;
        }
        return await db.Organisations.Where(o => o.Id == id && o.Kind == OrganisationKind.Council).Select(o => o.Name).SingleOrDefaultAsync(ct)
            ?? throw new RuleViolationException(nameof(ServiceDetails.LocalCouncilId), "Select the local council from the list");
    }

    /// <summary>Every council, for choosing a service's local council.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> CouncilsAsync(CancellationToken ct = default) =>
        [.. (await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Council).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name))];
}
