using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Core.Oversight;

/// <summary>R11 as a query: when each service's monitoring and audit are next due, from the last ones completed.</summary>
public static class MonitoringQueries
{
    /// <summary>The date each service last completed each kind of check, in one grouped query.</summary>
    public static async Task<Dictionary<(Guid ServiceId, MonitoringKind Kind), DateOnly?>> LastCompletedAsync(
        IQueryable<ServiceMonitoring> monitoring, CancellationToken ct = default) =>
        await monitoring.Where(m => m.Status == MonitoringStatus.Completed)
            .GroupBy(m => new { m.ServiceId, m.Kind }).Select(g => new { g.Key.ServiceId, g.Key.Kind, Last = g.Max(m => m.CompletedOn) })
            .ToDictionaryAsync(g => (g.ServiceId, g.Kind), g => g.Last, ct);

    /// <summary>When the service's next check of this kind is due (<see cref="MonitoringDue.DueOn"/>).</summary>
    public static DateOnly NextDue(this Dictionary<(Guid ServiceId, MonitoringKind Kind), DateOnly?> last, Guid serviceId, DateTime serviceCreatedAt, MonitoringKind kind) =>
        MonitoringDue.DueOn(kind, last.GetValueOrDefault((serviceId, kind)), DateOnly.FromDateTime(UkTime.ToLondon(serviceCreatedAt)));
}
