using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Plans.Profiles;

namespace Proportion.Core.Plans.BehaviourSupport;

/// <summary>
/// What care workers read on a phone about each person they support, before the practice guidelines: the
/// agreed profile, and the agreed behaviour support plan, whose each agreed version they confirm reading (R25).
/// </summary>
public static class PlansStaffRead
{
    public sealed record PersonPlans(Person Person, ProfileContent? Profile, Plan? Support, BehaviourSupportContent? SupportContent, bool SupportRead);

    /// <summary>The agreed profile and behaviour support plan of each person the user can see that has either.</summary>
    public static async Task<IReadOnlyList<PersonPlans>> InForceAsync(ProportionDbContext db, Guid userId, CancellationToken ct = default)
    {
        var rows = await (from plan in db.Plans
                          where plan.Status == PlanStatus.InPlace && (plan.Kind == PlanKind.Profile || plan.Kind == PlanKind.BehaviourSupport)
                          from version in db.PlanVersions.Where(v => v.PlanId == plan.Id && v.Number == plan.AgreedVersion)
                          select new
                          {
                              Plan = plan,
                              plan.Person,
                              version.Content,
                              Read = db.PlanReadings.Any(r => r.PlanId == plan.Id && r.VersionNumber == version.Number && r.UserId == userId),
                          }).AsNoTracking().ToListAsync(ct);
        return [.. rows.GroupBy(r => r.Plan.PersonId).Select(g =>
        {
            var profile = g.Where(r => r.Plan.Kind == PlanKind.Profile).OrderByDescending(r => r.Plan.CreatedAt).FirstOrDefault();
            var support = g.Where(r => r.Plan.Kind == PlanKind.BehaviourSupport).OrderByDescending(r => r.Plan.CreatedAt).FirstOrDefault();
            return new PersonPlans(g.First().Person!,
                profile is null ? null : PlanContents.FromJson<ProfileContent>(profile.Content),
                support?.Plan, support is null ? null : PlanContents.FromJson<BehaviourSupportContent>(support.Content), support?.Read ?? true);
        })];
    }

    /// <summary>The agreed behaviour support plans the user has not confirmed reading in their agreed version.</summary>
    public static async Task<IReadOnlyList<Plan>> UnreadAsync(ProportionDbContext db, Guid userId, int take, CancellationToken ct = default) =>
        await db.Plans.AsNoTracking().Include(p => p.Person)
            .Where(p => p.Kind == PlanKind.BehaviourSupport && p.Status == PlanStatus.InPlace
                        && !db.PlanReadings.Any(r => r.PlanId == p.Id && r.VersionNumber == p.AgreedVersion && r.UserId == userId))
            .OrderBy(p => p.CreatedAt).Take(take).ToListAsync(ct);
}
