using Proportion.Core.Model;
using Proportion.Core.Scoping;

namespace Proportion.Web.Infrastructure;

/// <summary>
/// Who may open which page. Roles say what kind of page a user may use; the data they see on it is
/// narrowed further by the query filters (their organisation, services, council or allocation).
/// </summary>
public static class Policies
{
    public const string ReadPeople = nameof(ReadPeople);
    public const string EditPeople = nameof(EditPeople);
    public const string EditPractices = nameof(EditPractices);
    public const string ReadHistory = nameof(ReadHistory);
    public const string ReadServices = nameof(ReadServices);
    public const string ServiceOpenList = nameof(ServiceOpenList);
    public const string RecordIncidents = nameof(RecordIncidents);
    public const string ManageIncidents = nameof(ManageIncidents);
    public const string ServiceIncidents = nameof(ServiceIncidents);
    public const string MonitorServices = nameof(MonitorServices);
    public const string ReadTraining = nameof(ReadTraining);
    public const string RecordTraining = nameof(RecordTraining);
    public const string OrganisationOverview = nameof(OrganisationOverview);
    public const string ManageServices = nameof(ManageServices);
    public const string ManageUsers = nameof(ManageUsers);

    public static readonly IReadOnlyList<(string Name, string[] Roles)> All =
    [
        // Administrators manage accounts and services; they have no need to read people's records.
        (ReadPeople, [Roles.CareWorker, Roles.ServiceManager, Roles.SeniorManager, Roles.SocialWorker, Roles.Commissioner, Roles.BoardMember, Roles.Inspector]),
        (EditPeople, [Roles.ServiceManager, Roles.SeniorManager]),
        (EditPractices, [Roles.ServiceManager, Roles.SeniorManager]),
        (ReadHistory, [Roles.ServiceManager, Roles.SeniorManager]),
        (ReadServices, [.. Roles.All]),
        // §8.2: the open list is kept for managers and made available to inspectors and the board.
        (ServiceOpenList, [Roles.ServiceManager, Roles.SeniorManager, Roles.BoardMember, Roles.Inspector]),
        // Everyone who supports the person records a use of a restriction; managers add what follows it.
        (RecordIncidents, [Roles.CareWorker, Roles.ServiceManager, Roles.SeniorManager]),
        (ManageIncidents, [Roles.ServiceManager, Roles.SeniorManager]),
        // §8.10: incidents are collated and reviewed for patterns by the manager or above, the board and inspectors.
        (ServiceIncidents, [Roles.ServiceManager, Roles.SeniorManager, Roles.BoardMember, Roles.Inspector]),
        // R11: the manager monitors the service every 3 months (§8.4); a senior manager audits it every 6 (§8.3).
        // Which kind each may carry out is the core's rule (MonitoringRecords.CarriedOutBy).
        (MonitorServices, [Roles.ServiceManager, Roles.SeniorManager]),
        // R15: managers keep training records; the board and inspectors check them (seed 001).
        (ReadTraining, [Roles.ServiceManager, Roles.SeniorManager, Roles.BoardMember, Roles.Inspector, Roles.OrganisationAdministrator]),
        (RecordTraining, [Roles.ServiceManager, Roles.SeniorManager, Roles.OrganisationAdministrator]),
        // The whole organisation's picture, for those who answer for it (seed 001: monitored by senior managers or the board).
        (OrganisationOverview, [Roles.SeniorManager, Roles.BoardMember]),
        (ManageServices, [Roles.OrganisationAdministrator, Roles.SeniorManager]),
        (ManageUsers, [Roles.OrganisationAdministrator]),
    ];

    /// <summary>Whether a page should offer a link the user's roles would let them follow.</summary>
    public static bool Allows(this UserScope? scope, string policy) =>
        scope is not null && scope.IsInAnyRole(All.Single(p => p.Name == policy).Roles);
}
