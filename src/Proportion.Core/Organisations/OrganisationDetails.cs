using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Scoping;

namespace Proportion.Core.Organisations;

/// <summary>
/// The signed-in administrator's own organisation's details. A council's safeguarding helpline is set here, and
/// every keeping safe plan for someone the council funds or who lives in its area shows it from then on (R20).
/// Version-claimed and audited.
/// </summary>
public sealed class OrganisationDetails(ProportionDbContext db, AuditTrail audit)
{
    /// <summary>The administrator's own organisation, or not found for a user with none.</summary>
    public async Task<Organisation> OwnAsync(CancellationToken ct = default) =>
        await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == db.Scope.OrganisationId, ct)
        ?? throw new RecordNotFoundException("The organisation");

    /// <summary>Sets (or, left empty, removes) the council's safeguarding helpline; a provider has none.</summary>
    public async Task SetSafeguardingHelplineAsync(int versionUserSaw, string? helpline, CancellationToken ct = default)
    {
        db.Scope.Demand(Permission.SetSafeguardingHelpline, db.Scope.OrganisationId);
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == db.Scope.OrganisationId, ct)
            ?? throw new RecordNotFoundException("The organisation");
        if (organisation.Kind != OrganisationKind.Council)
        {
            throw new RuleViolationException("SafeguardingHelpline",
                "Only a council has a safeguarding helpline: keeping safe plans show the helpline of the council where the person lives, or that funds them");
        }
        var value = Text.OrNull(helpline);
        if (value is { Length: > Organisation.HelplineMaxLength })
        {
            throw new RuleViolationException("SafeguardingHelpline", $"The helpline must be {Organisation.HelplineMaxLength} characters or fewer");
        }
        if (value is not null && !value.Any(char.IsDigit))
        {
            throw new RuleViolationException("SafeguardingHelpline", "Enter the helpline's phone number, like 01632 960200, and when it answers if you like");
        }
        ProportionDbContext.ClaimVersion(organisation, versionUserSaw);
        var before = organisation.SafeguardingHelpline;
        organisation.SafeguardingHelpline = value;
        audit.Record(organisation.Id, AuditAction.Updated, "Organisation", organisation.Id,
            value is null ? "Removed the safeguarding helpline" : "Set the safeguarding helpline",
            changes: new ChangeSet().Track("Safeguarding helpline", before, value));
        await db.SaveChangesAsync(ct);
    }
}
