using Proportion.Core.Model;

namespace Proportion.Core.Scoping;

/// <summary>
/// What the signed-in user may see, worked out once per request from their roles, assignments and
/// grants. The DbContext's global query filters read it, so every query is scoped (docs/architecture.md: tenancy).
/// Guid.Empty means "no such scope": no row has an empty id, so the filter branch matches nothing.
/// </summary>
public sealed record UserScope
{
    /// <summary>Unscoped access for start-up work: migrations, demo data, background jobs, benchmarks.</summary>
    public static readonly UserScope System = new() { Everything = true, UserName = "System" };

    /// <summary>
    /// Background work over one provider organisation at a time (the reminder job): sees all of it, as its senior
    /// managers do, and nothing of any other organisation. No user, so nothing is hidden from "them" (R20).
    /// </summary>
    public static UserScope SystemForOrganisation(Guid organisationId) => new()
    {
        UserName = "System",
        OrganisationId = organisationId,
        OrganisationKind = OrganisationKind.Provider,
        Roles = new HashSet<string> { Model.Roles.SeniorManager },
        AllPeopleInOrganisation = true,
        AllServicesInOrganisation = true,
        ReadsSafeguarding = true,
        SystemJobOrganisationId = organisationId,
    };

    /// <summary>
    /// The organisation the reminder job is working through (<see cref="SystemForOrganisation"/>): it sees everyone's
    /// messages there, to send each reminder once. Empty for every user, so no user sees another's messages.
    /// </summary>
    public Guid SystemJobOrganisationId { get; init; }

    /// <summary>Nobody signed in: sees nothing.</summary>
    public static readonly UserScope Anonymous = new() { UserName = "Anonymous" };

    public bool Everything { get; init; }
    public Guid UserId { get; init; }
    public string UserName { get; init; } = "";
    public Guid OrganisationId { get; init; }
    public OrganisationKind OrganisationKind { get; init; }
    public bool IsProviderStaff => OrganisationKind == OrganisationKind.Provider;
    public IReadOnlySet<string> Roles { get; init; } = new HashSet<string>();

    /// <summary>Senior managers and board members see every person in their organisation.</summary>
    public bool AllPeopleInOrganisation { get; init; }
    /// <summary>Services whose people this user sees: assigned services, and inspectors' unexpired grants.</summary>
    public Guid[] PeopleServiceIds { get; init; } = [];
    /// <summary>A commissioner's council: they see the people it funds.</summary>
    public Guid FundingCouncilId { get; init; }
    /// <summary>A social worker's own id: they see the people allocated to them.</summary>
    public Guid AllocatedSocialWorkerId { get; init; }
    /// <summary>A safeguarding adults officer's council: they see the concerns sent to it, not the people's records (R20).</summary>
    public Guid SafeguardingCouncilId { get; init; }
    /// <summary>Whether the user's roles read safeguarding concerns (<see cref="Permission.ReadSafeguarding"/>), for the query filter.</summary>
    public bool ReadsSafeguarding { get; init; }

    /// <summary>Senior managers, board members and administrators see every service of their organisation.</summary>
    public bool AllServicesInOrganisation { get; init; }
    /// <summary>Services visible by name: those above, plus services where a council user's people live.</summary>
    public Guid[] VisibleServiceIds { get; init; } = [];

    /// <summary>
    /// Provider staff who see people service by service (care workers, service managers, inspectors). For them the
    /// query filters come down to "the service is one of theirs"; a query that says so outright lets the database
    /// use its service index, where the filter's other branches (the council's, the social worker's) make SQLite
    /// read every row.
    /// </summary>
    public bool SeesByServiceOnly => !Everything && !AllPeopleInOrganisation
        && FundingCouncilId == Guid.Empty && AllocatedSocialWorkerId == Guid.Empty;

    /// <summary>Inspectors and auditors read; they never write (§8.6).</summary>
    public bool IsReadOnly => !Everything && Roles.Count > 0 && Roles.All(r => r == Model.Roles.Inspector);

    public bool IsInRole(string role) => Everything || Roles.Contains(role);
    public bool IsInAnyRole(params string[] roles) => Everything || roles.Any(Roles.Contains);
}
