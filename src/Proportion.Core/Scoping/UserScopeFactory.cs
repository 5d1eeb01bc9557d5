using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Sessions;

namespace Proportion.Core.Scoping;

/// <summary>Builds a user's <see cref="UserScope"/> from the database: roles, assignments, grants, allocations.</summary>
public sealed class UserScopeFactory(ProportionDbContext db, TimeProvider clock)
{
    /// <summary>Reads with the system scope: the scope cannot depend on itself.</summary>
    public async Task<UserScope> BuildAsync(Guid userId, CancellationToken ct = default) =>
        (await BuildForSessionAsync(userId, Guid.Empty, ct)).Scope;

    /// <summary>
    /// The scope of a signed-in request and the session its cookie names, read in the same round trip.
    /// The session is null when it does not exist or is not this user's.
    /// </summary>
    public async Task<(UserScope Scope, SessionState? Session)> BuildForSessionAsync(Guid userId, Guid sessionId, CancellationToken ct = default)
    {
        // One round trip for the user, their roles, their service assignments and their session: this runs on every request.
        var user = await db.Users.IgnoreQueryFilters().AsNoTracking()
            .Where(u => u.Id == userId && u.IsActive)
            .Select(u => new
            {
                u.Id, u.DisplayName, u.OrganisationId, Kind = u.Organisation!.Kind,
                Session = db.UserSessions
                    .Where(s => s.Id == sessionId && s.UserId == u.Id)
                    .Select(s => new SessionState(s.Id, s.LastSeenAt, s.ExpiresAt, s.EndedAt, s.EndReason))
                    .FirstOrDefault(),
                Roles = (from ur in db.UserRoles
                         join r in db.Roles on ur.RoleId equals r.Id
                         where ur.UserId == u.Id
                         select r.Name!).ToList(),
                Assignments = db.ServiceAssignments.IgnoreQueryFilters()
                    .Where(a => a.UserId == u.Id && a.OrganisationId == u.OrganisationId)
                    .Select(a => a.ServiceId).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (user is null)
        {
            return (UserScope.Anonymous, null);
        }
        var roles = user.Roles.ToHashSet();

        var isProvider = user.Kind == OrganisationKind.Provider;
        var wholeOrganisation = isProvider && (roles.Contains(Roles.SeniorManager) || roles.Contains(Roles.BoardMember));
        var allServices = isProvider && (wholeOrganisation || roles.Contains(Roles.OrganisationAdministrator));

        var peopleServices = new HashSet<Guid>();
        if (isProvider && (roles.Contains(Roles.CareWorker) || roles.Contains(Roles.ServiceManager)))
        {
            peopleServices.UnionWith(user.Assignments);
        }
        if (roles.Contains(Roles.Inspector))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            peopleServices.UnionWith(await db.InspectorGrants.IgnoreQueryFilters()
                .Where(g => g.UserId == userId && g.OrganisationId == user.OrganisationId && g.ExpiresAt > now)
                .Select(g => g.ServiceId).ToListAsync(ct));
        }

        var fundingCouncil = !isProvider && roles.Contains(Roles.Commissioner) ? user.OrganisationId : Guid.Empty;
        var socialWorker = !isProvider && roles.Contains(Roles.SocialWorker) ? user.Id : Guid.Empty;

        var visibleServices = new HashSet<Guid>(peopleServices);
        if (fundingCouncil != Guid.Empty || socialWorker != Guid.Empty)
        {
            visibleServices.UnionWith(await db.People.IgnoreQueryFilters()
                .Where(p => p.FundingCouncilId == fundingCouncil || p.SocialWorkerId == socialWorker)
                .Select(p => p.ServiceId).Distinct().ToListAsync(ct));
        }

        var scope = new UserScope
        {
            UserId = user.Id,
            UserName = user.DisplayName,
            OrganisationId = user.OrganisationId,
            OrganisationKind = user.Kind,
            Roles = roles,
            AllPeopleInOrganisation = wholeOrganisation,
            PeopleServiceIds = [.. peopleServices],
            FundingCouncilId = fundingCouncil,
            AllocatedSocialWorkerId = socialWorker,
            AllServicesInOrganisation = allServices,
            VisibleServiceIds = [.. visibleServices],
            SafeguardingCouncilId = !isProvider && roles.Contains(Roles.SafeguardingOfficer) ? user.OrganisationId : Guid.Empty,
        };
        // The query filter cannot ask Permissions, so the answer travels with the scope (one place decides it).
        return (scope with { ReadsSafeguarding = isProvider && scope.Allows(Permission.ReadSafeguarding) }, user.Session);
    }
}
