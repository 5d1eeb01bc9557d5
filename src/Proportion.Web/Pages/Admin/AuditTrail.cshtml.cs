using Microsoft.AspNetCore.Authorization;
using Proportion.Core.Auditing;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Admin;

/// <summary>Whether the organisation's audit trail is as it was recorded: its hash chain checked from the first entry (ADR 0012).</summary>
[Requires(Permission.ManageUsers)]
public class AuditTrailModel(AuditChain chain) : ProportionPageModel
{
    public AuditChainReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Report = await chain.VerifyAsync(Scope.OrganisationId, ct);
}
