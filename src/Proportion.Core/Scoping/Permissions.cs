using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Core.Scoping;

/// <summary>Everything a user may be allowed to do. Which records they may do it to is the scope's business.</summary>
public enum Permission
{
    ReadPeople,
    EditPeople,
    ReadHistory,
    EditPractices,
    AgreeAsServiceManager,
    AgreeAsSeniorManager,
    AgreeAsSocialWorker,
    ConfirmGuidelines,
    ReadServices,
    ServiceOpenList,
    RecordIncidents,
    ManageIncidents,
    ReadReflections,
    ServiceIncidents,
    MonitorServices,
    AuditServices,
    ReadTraining,
    RecordTraining,
    OrganisationOverview,
    ManageServices,
    ManageUsers,
    CouncilCharts,
    PublishYearlyReport,
    MarkOrganisationChartChanges,
    ReadPlans,
    EditPlans,
    ReadTraumaHistory,
    ReferToPanel,
    RecordPanelDecisions,
    RaiseSafeguarding,
    ReadSafeguarding,
    RespondToSafeguarding,
    ActOnSafeguarding,
    RecordEnablementPanelDecisions,
    SetSafeguardingHelpline,
    CouncilPicture,
    ReadContracts,
    ManageContracts,
    RespondToContracts,
    ReadIntelligence,
    RecordIntelligence,
    ShareIntelligence,
    ManageSingleSignOn,
}

/// <summary>
/// Who may do what: the one place a role is tied to an action. Web policies, the buttons a page shows and
/// the Core write services all ask here, so a button is shown exactly when the write behind it would be
/// accepted. What a user can see is narrowed further by <see cref="UserScope"/> and the query filters.
/// </summary>
public static class Permissions
{
    /// <summary>How far a permission reaches beyond the roles that hold it.</summary>
    private enum Reach
    {
        /// <summary>Reading: what is read is narrowed by the scope.</summary>
        Read,
        /// <summary>Writing the provider's records: provider staff only, in their own organisation, never read-only users.</summary>
        ProviderWrite,
        /// <summary>Writing one's own organisation's accounts, provider or council.</summary>
        OwnOrganisationWrite,
        /// <summary>A council user's agreement to a provider's record: the allocation is checked by the write itself.</summary>
        CouncilAgreement,
        /// <summary>Writing the council's own records (contracts, the intelligence log, sign-in): council staff only, in their own council.</summary>
        CouncilWrite,
    }

    private sealed record Grant(string[] Roles, Reach Reach, string Refusal);

    private static readonly string[] Managers = [Roles.ServiceManager, Roles.SeniorManager];

    private static readonly IReadOnlyDictionary<Permission, Grant> Grants = new Dictionary<Permission, Grant>
    {
        // Administrators manage accounts and services; they have no need to read people's records.
        [Permission.ReadPeople] = Read([Roles.CareWorker, Roles.ServiceManager, Roles.SeniorManager, Roles.SocialWorker,
            Roles.Commissioner, Roles.BoardMember, Roles.Inspector]),
        [Permission.EditPeople] = Write(Managers, "Only a service manager or senior manager can change a person's details."),
        [Permission.ReadHistory] = Read(Managers),
        // Proposing, discussing (RP2), reviewing (RP2A), ending a practice and liberty records (§5, §7, §4).
        [Permission.EditPractices] = Write(Managers, "Only a service manager or senior manager can change a person's restrictive practices."),
        // R3: the service manager agrees every practice. R4: a senior manager when capacity is lacking or the person resists.
        [Permission.AgreeAsServiceManager] = Write([Roles.ServiceManager], "Only a service manager can give the service manager's agreement."),
        [Permission.AgreeAsSeniorManager] = Write([Roles.SeniorManager], "Only a senior manager can give the senior manager's agreement."),
        // R5: a registered social worker of the council agrees a restriction for a person lacking capacity;
        // they belong to the council, so this write is not bound to the provider organisation.
        [Permission.AgreeAsSocialWorker] = new([Roles.SocialWorker], Reach.CouncilAgreement, "Only a registered social worker can give the social worker's agreement."),
        // §6.1, §7.5: staff who support the person confirm reading the guidelines.
        [Permission.ConfirmGuidelines] = Write([Roles.CareWorker, Roles.ServiceManager, Roles.SeniorManager, Roles.BoardMember],
            "Only the provider's staff confirm reading guidelines."),
        [Permission.ReadServices] = Read([.. Roles.All]),
        // §8.2: the open list is kept for managers and made available to inspectors and the board.
        [Permission.ServiceOpenList] = Read([Roles.ServiceManager, Roles.SeniorManager, Roles.BoardMember, Roles.Inspector]),
        // Everyone who supports the person records a use of a restriction; managers add what follows it.
        [Permission.RecordIncidents] = Write([Roles.CareWorker, Roles.ServiceManager, Roles.SeniorManager],
            "Only care staff and managers record incidents."),
        [Permission.ManageIncidents] = Write(Managers, "Only a service manager or senior manager can do this for an incident."),
        // Reflections are personal: the managers who review the incident and inspectors read them.
        [Permission.ReadReflections] = Read([Roles.ServiceManager, Roles.SeniorManager, Roles.Inspector]),
        // §8.10: incidents are collated and reviewed for patterns by the manager or above, the board and inspectors.
        [Permission.ServiceIncidents] = Read([Roles.ServiceManager, Roles.SeniorManager, Roles.BoardMember, Roles.Inspector]),
        // R11: the manager monitors the service every 3 months (§8.4); a senior manager audits it every 6 (§8.3).
        [Permission.MonitorServices] = Write(Managers, "Only a service manager or senior manager can monitor a service."),
        [Permission.AuditServices] = Write([Roles.SeniorManager], "Only a senior manager can audit a service (§8.3)."),
        // R15: managers keep training records; the board and inspectors check them (LGA, Reducing restrictive practice: essentials for commissioners).
        [Permission.ReadTraining] = Read([Roles.ServiceManager, Roles.SeniorManager, Roles.BoardMember, Roles.Inspector, Roles.OrganisationAdministrator]),
        [Permission.RecordTraining] = Write([Roles.ServiceManager, Roles.SeniorManager, Roles.OrganisationAdministrator],
            "Only a manager or an organisation administrator can record training."),
        // The whole organisation's picture, for those who answer for it (monitored by senior managers or the board).
        [Permission.OrganisationOverview] = Read([Roles.SeniorManager, Roles.BoardMember]),
        [Permission.ManageServices] = Write([Roles.OrganisationAdministrator, Roles.SeniorManager],
            "Only an organisation administrator or a senior manager can add or change services."),
        // R14 for commissioners: restriction over time for the people their council funds, in every provider.
        [Permission.CouncilCharts] = Read([Roles.Commissioner, Roles.SocialWorker]),
        // A change marked on the organisation's charts recalculates the limits everyone reads: its senior managers
        // answer for the organisation's reduction plans. A person's or a service's is marked by its managers (ManageIncidents).
        [Permission.MarkOrganisationChartChanges] = Write([Roles.SeniorManager], "Only a senior manager can mark a change on the organisation's charts."),
        // R19: the person's profile, risk assessment and plans are read by everyone who supports or oversees them,
        // and written by the managers who answer for them, with the person.
        [Permission.ReadPlans] = Read([Roles.CareWorker, Roles.ServiceManager, Roles.SeniorManager, Roles.SocialWorker,
            Roles.Commissioner, Roles.BoardMember, Roles.Inspector]),
        [Permission.EditPlans] = Write(Managers, "Only a service manager or senior manager can write or change a person's plans."),
        // Trauma-informed care: relevant trauma history is told to those who need it to support the person
        // well (their managers and the allocated social worker), not to everyone who reads the profile.
        [Permission.ReadTraumaHistory] = Read([Roles.ServiceManager, Roles.SeniorManager, Roles.SocialWorker]),
        // R26: a manager refers a complex or contested decision to a risk review panel; the panel's decision is
        // recorded by a senior manager, so staff at different levels share the risk decision (risk enablement panels).
        // Panel records are read by those who read the person's plans (ReadPlans).
        [Permission.ReferToPanel] = Write(Managers, "Only a service manager or senior manager can refer a decision to a risk review panel."),
        [Permission.RecordPanelDecisions] = Write([Roles.SeniorManager], "Only a senior manager can record a risk review panel's decision."),
        // R20: anyone who supports the person raises a safeguarding concern, day or night. Once sent, its details are
        // read only by the provider's managers (who act on it) and the council's safeguarding team (SafeguardingCouncilId);
        // staff who raised it see that it was received. The council's team receives it, decides on a s.42 enquiry, makes
        // the safety plan with the person and closes it: its own record, checked against the concern's council by the write.
        [Permission.RaiseSafeguarding] = Write([Roles.CareWorker, Roles.ServiceManager, Roles.SeniorManager],
            "Only the provider's care staff and managers raise a safeguarding concern here."),
        [Permission.ReadSafeguarding] = Read([Roles.ServiceManager, Roles.SeniorManager, Roles.SafeguardingOfficer]),
        [Permission.RespondToSafeguarding] = new([Roles.SafeguardingOfficer], Reach.CouncilAgreement,
            "Only the council's safeguarding adults team can record this."),
        // R20, the council's response: the provider's managers record as done the actions of the safety plan the
        // council gave the provider (only those: SafeguardingResponses checks the action's owner and organisation).
        [Permission.ActOnSafeguarding] = Write(Managers, "Only the provider's service managers and senior managers record the provider's safeguarding actions as done."),
        // R20, tools for risky choices: the council's risk enablement panel shares a risky choice of a person the council
        // funds; a social worker of that council records its decision (the funding council is checked by MayRecordDecision).
        [Permission.RecordEnablementPanelDecisions] = new([Roles.SocialWorker], Reach.CouncilAgreement,
            "Only a social worker of the council that funds the person can record its risk enablement panel's decision."),
        // A council's safeguarding helpline, shown on every keeping safe plan, is set by the council's own administrator.
        [Permission.SetSafeguardingHelpline] = new([Roles.OrganisationAdministrator], Reach.OwnOrganisationWrite,
            "Only an organisation administrator can change the organisation's details."),
        // The council's side: the commissioner sees every provider where the council funds people, side by side, as
        // grouped figures only; the people behind each figure are those the council funds (its scope).
        [Permission.CouncilPicture] = Read([Roles.Commissioner]),
        // Contract compliance: the council's commissioners keep each provider contract's checklist and visits; the
        // provider's senior managers and board read their own and respond to each item and action.
        // R27: a provider's senior managers and board read its contracts with councils; commissioners read and keep their own.
        [Permission.ReadContracts] = Read([Roles.SeniorManager, Roles.BoardMember]),
        [Permission.ManageContracts] = new([Roles.Commissioner], Reach.CouncilWrite, "Only a commissioner of the council that holds the contract can change it."),
        [Permission.RespondToContracts] = Write([Roles.SeniorManager], "Only a senior manager of the provider can respond to the council's contract checks."),
        // The intelligence log about providers is the council's own, never the provider's: recorded by its commissioners,
        // social workers and safeguarding team; shared with named partners by a commissioner, every share recorded.
        [Permission.ReadIntelligence] = Read([Roles.Commissioner, Roles.SocialWorker, Roles.SafeguardingOfficer]),
        [Permission.RecordIntelligence] = new([Roles.Commissioner, Roles.SocialWorker, Roles.SafeguardingOfficer], Reach.CouncilWrite,
            "Only the council's commissioners, social workers and safeguarding team record intelligence."),
        [Permission.ShareIntelligence] = new([Roles.Commissioner], Reach.CouncilWrite, "Only a commissioner can share the council's intelligence."),
        // A council's single sign-on (OpenID Connect) and which of its users sign in with it are set by its own administrator.
        [Permission.ManageSingleSignOn] = new([Roles.OrganisationAdministrator], Reach.CouncilWrite,
            "Only a council's organisation administrator can set up its single sign-on."),
        [Permission.ManageUsers] = new([Roles.OrganisationAdministrator], Reach.OwnOrganisationWrite, "Only an organisation administrator can manage users."),
        // R17 (§8.5): a senior manager writes the yearly public report and publishes it once the board has signed it off.
        [Permission.PublishYearlyReport] = Write([Roles.SeniorManager], "Only a senior manager can write and publish the yearly report."),
    };

    /// <summary>Whether the user's roles allow the action at all: for policies, and for links to a page.</summary>
    public static bool Allows(this UserScope? scope, Permission permission)
    {
        if (scope is null)
        {
            return false;
        }
        var grant = Grants[permission];
        if (scope.Everything)
        {
            return true;
        }
        return scope.IsInAnyRole(grant.Roles) && grant.Reach switch
        {
            Reach.ProviderWrite => scope.IsProviderStaff && !scope.IsReadOnly,
            Reach.OwnOrganisationWrite or Reach.CouncilAgreement => !scope.IsReadOnly,
            Reach.CouncilWrite => !scope.IsProviderStaff && !scope.IsReadOnly,
            _ => true,
        };
    }

    /// <summary>
    /// Whether the user may do it to a record of <paramref name="organisationId"/>: a write also needs the
    /// record to be their own organisation's (council users and other providers read, they never write).
    /// </summary>
    public static bool Allows(this UserScope? scope, Permission permission, Guid organisationId) =>
        scope.Allows(permission)
        && (Grants[permission].Reach is Reach.Read or Reach.CouncilAgreement || scope!.Everything || scope.OrganisationId == organisationId);

    /// <summary>The write services' check: refuses with the permission's own explanation.</summary>
    public static void Demand(this UserScope scope, Permission permission, Guid? organisationId = null)
    {
        var allowed = organisationId is { } organisation ? scope.Allows(permission, organisation) : scope.Allows(permission);
        if (!allowed)
        {
            throw new NotPermittedException(Grants[permission].Refusal);
        }
    }

    /// <summary>The permission that gives each agreement a decision may need (R3, R4, R5, §6.3).</summary>
    public static Permission ToGive(SignOffRole role) => role switch
    {
        SignOffRole.ServiceManager => Permission.AgreeAsServiceManager,
        SignOffRole.SeniorManager => Permission.AgreeAsSeniorManager,
        SignOffRole.SocialWorker => Permission.AgreeAsSocialWorker,
        // The provider's manager records that the commissioner was told.
        _ => Permission.EditPractices,
    };

    /// <summary>
    /// Whether the user may give or decline this agreement to a decision about <paramref name="person"/>:
    /// their role gives it, and a social worker is the person's allocated one or works for the council
    /// that funds them (R5).
    /// </summary>
    public static bool MayGive(this UserScope scope, SignOffRole role, Guid organisationId, Person person) =>
        scope.Allows(ToGive(role), organisationId)
        && (role != SignOffRole.SocialWorker || scope.Everything
            || person.SocialWorkerId == scope.UserId || (person.FundingCouncilId is { } council && council == scope.OrganisationId));

    /// <summary>The service's manager monitors it every 3 months (§8.4); a senior manager audits it every 6 (§8.3).</summary>
    public static Permission ToCarryOut(MonitoringKind kind) =>
        kind == MonitoringKind.SeniorAudit ? Permission.AuditServices : Permission.MonitorServices;

    /// <summary>A reflection is written by each member of staff involved, about their own part (R13).</summary>
    public static bool MayReflectOn(this UserScope scope, Incident incident) =>
        scope.Allows(Permission.RecordIncidents, incident.OrganisationId) && incident.Staff.Any(s => s.UserId == scope.UserId);

    /// <summary>The person who recorded an incident, or a manager, corrects it with an amendment (R16).</summary>
    public static bool MayAmend(this UserScope scope, Incident incident) =>
        scope.Allows(Permission.ManageIncidents, incident.OrganisationId)
        || (scope.Allows(Permission.RecordIncidents, incident.OrganisationId) && incident.RecordedById == scope.UserId);

    /// <summary>A panel's action is recorded as done by the user it was given to, or by a manager (R26).</summary>
    public static bool MayMarkDone(this UserScope scope, PanelAction action) =>
        scope.Allows(Permission.ReferToPanel, action.OrganisationId)
        || (scope.IsProviderStaff && !scope.IsReadOnly && scope.OrganisationId == action.OrganisationId && action.AssignedToId == scope.UserId);

    /// <summary>
    /// R20: the council's safeguarding adults team records the council's response to a concern sent to its own
    /// council; the query filter already hides any other, and this says so for the write.
    /// </summary>
    public static bool MayRespondTo(this UserScope scope, SafeguardingConcern concern) =>
        scope.Allows(Permission.RespondToSafeguarding)
        && concern.Status != SafeguardingStatus.Draft
        && (scope.Everything || (scope.SafeguardingCouncilId != Guid.Empty && concern.CouncilId == scope.SafeguardingCouncilId));

    /// <summary>R20: the provider's managers mark done the safety plan's actions the council gave the provider, and no others.</summary>
    public static bool MayMarkDone(this UserScope scope, SafeguardingConcern concern, SafeguardingAction action) =>
        scope.Allows(Permission.ActOnSafeguarding, concern.OrganisationId)
        && action.ConcernId == concern.Id && action.Owner == ActionOwner.Provider;

    /// <summary>
    /// Who records (and corrects) a panel's decision (R26, R20): a risk review panel's, a senior manager of the
    /// provider; the council's risk enablement panel's, a social worker of the council that funds the person.
    /// </summary>
    public static bool MayRecordDecision(this UserScope scope, PanelReferral referral, Person person) => referral.Kind switch
    {
        PanelKind.RiskEnablement => scope.Allows(Permission.RecordEnablementPanelDecisions)
            && (scope.Everything || (person.FundingCouncilId is { } council && council == scope.OrganisationId)),
        _ => scope.Allows(Permission.RecordPanelDecisions, referral.OrganisationId),
    };

    /// <summary>The write services' check of <see cref="MayRecordDecision"/>: refuses with the permission's own explanation.</summary>
    public static void DemandToRecordDecision(this UserScope scope, PanelReferral referral, Person person)
    {
        if (!scope.MayRecordDecision(referral, person))
        {
            throw new NotPermittedException(Grants[referral.Kind == PanelKind.RiskEnablement
                ? Permission.RecordEnablementPanelDecisions : Permission.RecordPanelDecisions].Refusal);
        }
    }

    /// <summary>The roles that hold a permission: for finding who to tell, never for deciding who may act.</summary>
    public static IReadOnlyList<string> RolesWith(Permission permission) => Grants[permission].Roles;

    private static Grant Read(string[] roles) => new(roles, Reach.Read, "Your role does not give you access to this.");

    private static Grant Write(string[] roles, string refusal) => new(roles, Reach.ProviderWrite, refusal);
}
