using Microsoft.EntityFrameworkCore;
using Proportion.Core.Analytics;
using Proportion.Core.Data;
using Proportion.Core.Model;

namespace Proportion.Core.Plans.Reduction;

/// <summary>
/// Reductions achieved through restriction reduction plans (R19), read from <see cref="PracticeReduction"/>
/// rows written in each step's transaction: never from plan content. Shown beside the charts of restriction
/// over time and per service on the organisation picture.
/// </summary>
public static class ReductionCounts
{
    /// <summary>One service's reductions and reduction plans in place.</summary>
    public sealed record ServiceReductions(Guid ServiceId, int PlansInPlace, int Ended, int HoursReduced, int ScopeReduced);

    /// <summary>A person's, a service's or the organisation's reductions achieved between two days, newest first; a council's chart has none.</summary>
    public static async Task<List<PracticeReduction>> ForSubjectAsync(ProportionDbContext db, ChartSubject subject, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var reductions = db.PracticeReductions.AsNoTracking().Where(r => r.AchievedOn >= from && r.AchievedOn <= to);
        reductions = subject.Kind switch
        {
            ChartSubjectKind.Person => reductions.Where(r => r.PersonId == subject.Id),
            ChartSubjectKind.Service => reductions.Where(r => r.ServiceId == subject.Id),
            ChartSubjectKind.Organisation => reductions.Where(r => r.OrganisationId == subject.Id),
            _ => reductions.Where(r => false),
        };
        return await reductions.OrderByDescending(r => r.AchievedOn).ThenByDescending(r => r.RecordedAt).ToListAsync(ct);
    }

    /// <summary>Per service: reduction plans in place, and reductions achieved ever, by kind.</summary>
    public static async Task<Dictionary<Guid, ServiceReductions>> ByServiceAsync(ProportionDbContext db, CancellationToken ct = default)
    {
        var plans = await db.Plans.AsNoTracking().Where(p => p.Kind == PlanKind.Reduction && p.Status == PlanStatus.InPlace)
            .GroupBy(p => p.ServiceId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var achieved = await db.PracticeReductions.AsNoTracking()
            .GroupBy(r => new { r.ServiceId, r.Kind }).Select(g => new { g.Key.ServiceId, g.Key.Kind, Count = g.Count() }).ToListAsync(ct);
        return plans.Select(p => p.Key).Union(achieved.Select(a => a.ServiceId)).ToDictionary(id => id, id => new ServiceReductions(id,
            plans.SingleOrDefault(p => p.Key == id)?.Count ?? 0,
            achieved.Where(a => a.ServiceId == id && a.Kind == ReductionKind.Ended).Sum(a => a.Count),
            achieved.Where(a => a.ServiceId == id && a.Kind == ReductionKind.HoursReduced).Sum(a => a.Count),
            achieved.Where(a => a.ServiceId == id && a.Kind == ReductionKind.ScopeReduced).Sum(a => a.Count)));
    }
}
