using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Monitoring;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Monitoring;

/// <summary>What the monitoring pages share: the service, in the user's own organisation, and who may carry out each kind (R11).</summary>
/// <remarks>Monitoring is the provider's own check: another organisation's service is not found.</remarks>
[OwnOrganisationSubject]
public abstract class MonitoringPageModel(ProportionDbContext db) : ProportionPageModel
{
    protected ProportionDbContext Db => db;

    /// <summary>The service the route names, in the user's own organisation, loaded before the page runs.</summary>
    public Service Service => Subjects.Service!;

    /// <summary>Whether the signed-in user may start, fill in and sign off this kind: the core's rule, asked before offering a button.</summary>
    public bool CanCarryOut(MonitoringKind kind) =>
        Scope.Allows(Permissions.ToCarryOut(kind), Service.OrganisationId);

    public static string KindName(MonitoringKind kind) => Display.Name(kind);

    /// <summary>"3-monthly monitoring" or "6-monthly audit", as the buttons and messages say it.</summary>
    public static string Short(MonitoringKind kind) =>
        kind == MonitoringKind.SeniorAudit ? "6-monthly audit" : "3-monthly monitoring";
}
