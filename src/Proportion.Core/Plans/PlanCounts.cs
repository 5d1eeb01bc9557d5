using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;

namespace Proportion.Core.Plans;

/// <summary>
/// How many plans each service has in place, by kind, and how many are past their review date (R19, R23-R25),
/// counted from the plans' own columns, for the organisation picture.
/// </summary>
public static class PlanCounts
{
    public sealed record ServicePlans(Guid ServiceId, IReadOnlyDictionary<PlanKind, int> InPlace, int ReviewsOverdue)
    {
        public int Of(PlanKind kind) => InPlace.GetValueOrDefault(kind);
    }

    public static async Task<Dictionary<Guid, ServicePlans>> ByServiceAsync(ProportionDbContext db, DateOnly today, CancellationToken ct = default)
    {
        var counts = await db.Plans.AsNoTracking().Where(p => p.Status == PlanStatus.InPlace)
            .GroupBy(p => new { p.ServiceId, p.Kind })
            .Select(g => new { g.Key.ServiceId, g.Key.Kind, Count = g.Count(), Overdue = g.Count(p => p.ReviewDate < today) })
            .ToListAsync(ct);
        return counts.GroupBy(c => c.ServiceId).ToDictionary(g => g.Key, g => new ServicePlans(g.Key,
            g.ToDictionary(c => c.Kind, c => c.Count), g.Sum(c => c.Overdue)));
    }
}
