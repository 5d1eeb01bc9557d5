using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Core.Incidents;

/// <summary>
/// The incident duties people must see on their lists, as queries the database answers. Each says the
/// same as <see cref="IncidentDuties"/> does for one incident, so a list and the record always agree.
/// </summary>
public static class IncidentQueries
{
    /// <summary>Emergencies past their 48-hour review without one (R10).</summary>
    public static IQueryable<Incident> ManagerReviewsOverdue(ProportionDbContext db, DateTime nowUtc)
    {
        var dueBefore = nowUtc - IncidentDuties.ManagerReviewWithin;
        return db.Incidents.Where(i => i.Kind == IncidentKind.Emergency && i.ManagerReviewedAt == null && i.OccurredAt < dueBefore);
    }

    /// <summary>Every incident the manager has not yet reviewed (§8.10), overdue or not.</summary>
    public static IQueryable<Incident> AwaitingManagerReview(ProportionDbContext db) =>
        db.Incidents.Where(i => i.ManagerReviewedAt == null);

    /// <summary>
    /// Incidents that brought a practice's review forward (R8) with no completed review (RP2A) and no
    /// agreed decision on the practice since: either answers them. The decisions and reviews keep their own
    /// scope filters: IgnoreQueryFilters anywhere in a query turns the filters off for the whole query,
    /// incidents included, which once showed every provider's incidents on the home page.
    /// </summary>
    public static IQueryable<Incident> EarlyReviewsPending(ProportionDbContext db) =>
        db.Incidents.Where(i => i.CallsForEarlyReview
            && !db.Decisions.Any(d => d.PracticeId == i.PracticeId && d.Status == DecisionStatus.Agreed && d.AgreedAt > i.RecordedAt)
            && !db.Reviews.Any(r => r.PracticeId == i.PracticeId && r.Status == ReviewStatus.Completed && r.CompletedAt > i.RecordedAt));

    /// <summary>Incidents the user was involved in and has not yet reflected on.</summary>
    public static IQueryable<Incident> ReflectionsOwed(ProportionDbContext db, Guid userId) =>
        db.Incidents.Where(i => i.Staff.Any(s => s.UserId == userId)
            && !db.IncidentReflections.Any(r => r.IncidentId == i.Id && r.UserId == userId));
}
