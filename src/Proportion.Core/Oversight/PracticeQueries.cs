using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Core.Oversight;

/// <summary>
/// The practice deadlines as queries the database answers (R9, R18). Each says the same as its rule does
/// for one practice, so the home page, my tasks, the organisation's picture and the reminders agree.
/// </summary>
public static class PracticeQueries
{
    /// <summary>Practices in force: agreed, or agreed and now under review. Proposals have no review date yet; ended ones need none.</summary>
    public static IQueryable<RestrictivePractice> InForce(IQueryable<RestrictivePractice> practices) =>
        practices.Where(p => p.Status == PracticeStatus.Agreed || p.Status == PracticeStatus.UnderReview);

    /// <summary>R9: reviews due on or before <paramref name="by"/>, overdue ones included.</summary>
    public static IQueryable<RestrictivePractice> ReviewsDueBy(IQueryable<RestrictivePractice> practices, DateOnly by) =>
        InForce(practices).Where(p => p.ReviewDate <= by);

    /// <summary>R9: reviews whose date has passed (<see cref="ReviewDue.State"/> says Overdue).</summary>
    public static IQueryable<RestrictivePractice> ReviewsOverdue(IQueryable<RestrictivePractice> practices, DateOnly today) =>
        InForce(practices).Where(p => p.ReviewDate < today);

    /// <summary>R18: in force since before the cut-off with no completed review since then that considered reducing it (<see cref="ReductionConsidered.IsFlagged"/>).</summary>
    public static IQueryable<RestrictivePractice> ReductionNotConsidered(IQueryable<RestrictivePractice> practices, DateOnly today, int months)
    {
        var cutOff = ReductionConsidered.CutOff(today, months);
        return InForce(practices).Where(p => p.StartDate < cutOff && (p.ReductionConsideredOn == null || p.ReductionConsideredOn < cutOff));
    }
}
