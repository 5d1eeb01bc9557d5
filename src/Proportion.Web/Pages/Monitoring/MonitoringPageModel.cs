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

    /// <summary>The practices as the form lists them, on the page and on paper: by the person's family name, then the practice's start.</summary>
    protected async Task<List<MonitoringPracticeCheck>> InFormOrderAsync(ServiceMonitoring monitoring)
    {
        var practiceIds = monitoring.Practices.Select(c => c.PracticeId).ToList();
        var order = await db.Practices.Where(p => practiceIds.Contains(p.Id) && p.OrganisationId == monitoring.OrganisationId)
            .Select(p => new { p.Id, p.Person!.FamilyName, p.Person.GivenName, p.StartDate }).ToDictionaryAsync(p => p.Id);
        return [.. monitoring.Practices
            .OrderBy(c => order.TryGetValue(c.PracticeId, out var p) ? p.FamilyName : c.PersonName, StringComparer.CurrentCulture)
            .ThenBy(c => order.TryGetValue(c.PracticeId, out var p) ? p.GivenName : "", StringComparer.CurrentCulture)
            .ThenBy(c => order.TryGetValue(c.PracticeId, out var p) ? p.StartDate : DateOnly.MinValue)
            .ThenBy(c => c.Description, StringComparer.CurrentCulture)];
    }

    /// <summary>The check's actions in the order they were set.</summary>
    protected static List<MonitoringAction> ActionsInOrder(ServiceMonitoring monitoring) => [.. monitoring.Actions.OrderBy(a => a.RecordedAt)];

    public static string KindName(MonitoringKind kind) => Display.Name(kind);

    /// <summary>"3-monthly monitoring" or "6-monthly audit", as the buttons and messages say it.</summary>
    public static string Short(MonitoringKind kind) =>
        kind == MonitoringKind.SeniorAudit ? "6-monthly audit" : "3-monthly monitoring";
}
