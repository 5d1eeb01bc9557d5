using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Analytics;
using Proportion.Core.Model;
using Proportion.Core.Scoping;

namespace Proportion.Core.Data;

/// <summary>
/// The one database context. Every tenant-owned set has a global query filter over <see cref="Scope"/>,
/// so a query cannot see another organisation's rows unless it says IgnoreQueryFilters out loud.
/// </summary>
public class ProportionDbContext(DbContextOptions<ProportionDbContext> options)
    : IdentityDbContext<AppUser, AppRole, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>Set once per request by the web host from the signed-in user; the filters read it.</summary>
    public UserScope Scope { get; set; } = UserScope.Anonymous;

    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<RestrictivePractice> Practices => Set<RestrictivePractice>();
    public DbSet<PracticeDecision> Decisions => Set<PracticeDecision>();
    public DbSet<DecisionDecline> DecisionDeclines => Set<DecisionDecline>();
    public DbSet<DisagreementStep> DisagreementSteps => Set<DisagreementStep>();
    public DbSet<PracticeReview> Reviews => Set<PracticeReview>();
    public DbSet<ServiceMonitoring> Monitoring => Set<ServiceMonitoring>();
    public DbSet<GuidelineAcknowledgement> GuidelineAcknowledgements => Set<GuidelineAcknowledgement>();
    public DbSet<LibertyScreening> LibertyScreenings => Set<LibertyScreening>();
    public DbSet<LibertyAuthorisation> LibertyAuthorisations => Set<LibertyAuthorisation>();
    public DbSet<Incident> Incidents => Set<Incident>();
    public DbSet<IncidentReflection> IncidentReflections => Set<IncidentReflection>();
    public DbSet<IncidentNotification> IncidentNotifications => Set<IncidentNotification>();
    public DbSet<IncidentAmendment> IncidentAmendments => Set<IncidentAmendment>();
    public DbSet<RestraintTally> RestraintTallies => Set<RestraintTally>();
    public DbSet<ServiceTally> ServiceTallies => Set<ServiceTally>();
    public DbSet<CreepAlert> CreepAlerts => Set<CreepAlert>();
    public DbSet<YearlyReport> YearlyReports => Set<YearlyReport>();
    public DbSet<ChartChange> ChartChanges => Set<ChartChange>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanVersion> PlanVersions => Set<PlanVersion>();
    public DbSet<PlanReading> PlanReadings => Set<PlanReading>();
    public DbSet<PlanReview> PlanReviews => Set<PlanReview>();
    public DbSet<SupportPlanReview> SupportPlanReviews => Set<SupportPlanReview>();
    public DbSet<StageOutcome> StageOutcomes => Set<StageOutcome>();
    public DbSet<PracticeReduction> PracticeReductions => Set<PracticeReduction>();
    public DbSet<PanelReferral> PanelReferrals => Set<PanelReferral>();
    public DbSet<PanelMember> PanelMembers => Set<PanelMember>();
    public DbSet<PanelAction> PanelActions => Set<PanelAction>();
    public DbSet<PanelAmendment> PanelAmendments => Set<PanelAmendment>();
    public DbSet<SafeguardingConcern> SafeguardingConcerns => Set<SafeguardingConcern>();
    public DbSet<SafeguardingAction> SafeguardingActions => Set<SafeguardingAction>();
    public DbSet<SafeguardingReview> SafeguardingReviews => Set<SafeguardingReview>();
    public DbSet<ServiceOccupancy> ServiceOccupancy => Set<ServiceOccupancy>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<TrainingRecord> TrainingRecords => Set<TrainingRecord>();
    public DbSet<ProviderContract> ProviderContracts => Set<ProviderContract>();
    public DbSet<ContractJudgement> ContractJudgements => Set<ContractJudgement>();
    public DbSet<ContractVisit> ContractVisits => Set<ContractVisit>();
    public DbSet<ContractAction> ContractActions => Set<ContractAction>();
    public DbSet<ContractResponse> ContractResponses => Set<ContractResponse>();
    public DbSet<IntelligenceEntry> IntelligenceEntries => Set<IntelligenceEntry>();
    public DbSet<CouncilSignOn> CouncilSignOns => Set<CouncilSignOn>();
    public DbSet<IntelligenceAmendment> IntelligenceAmendments => Set<IntelligenceAmendment>();
    public DbSet<IntelligenceShare> IntelligenceShares => Set<IntelligenceShare>();
    public DbSet<ServiceAssignment> ServiceAssignments => Set<ServiceAssignment>();
    public DbSet<InspectorGrant> InspectorGrants => Set<InspectorGrant>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    /// <summary>The key ring that signs every cookie, read and written by PersistKeysToDbContext (ADR 0008).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<UnsentForm> UnsentForms => Set<UnsentForm>();

    /// <summary>
    /// Refuses to delete any record of the procedure (R16: corrections are amendments) and turns a lost
    /// race on a record's version into the "changed by someone else" message.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var deleted = ChangeTracker.Entries()
            .FirstOrDefault(e => e.State == EntityState.Deleted && e.Entity is ITenantOwned or AuditEvent or Organisation);
        if (deleted is not null)
        {
            throw new InvalidOperationException($"{deleted.Entity.GetType().Name} records are never deleted (R16).");
        }
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new StaleEditException();
        }
    }

    /// <summary>
    /// Checks the version the user started from is still current, then moves it on. The version is a
    /// concurrency token, so a race between two saves is caught by the database as well.
    /// </summary>
    public static void ClaimVersion(IVersioned record, int versionUserSaw)
    {
        if (record.Version != versionUserSaw)
        {
            throw new StaleEditException();
        }
        record.Version++;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ProportionDbContext).Assembly);

        builder.Entity<Service>().HasQueryFilter(s =>
            Scope.Everything
            || (Scope.AllServicesInOrganisation && s.OrganisationId == Scope.OrganisationId)
            || Scope.VisibleServiceIds.Contains(s.Id));

        builder.Entity<Person>().HasQueryFilter(p =>
            Scope.Everything
            || (Scope.AllPeopleInOrganisation && p.OrganisationId == Scope.OrganisationId)
            || Scope.PeopleServiceIds.Contains(p.ServiceId)
            || p.FundingCouncilId == Scope.FundingCouncilId
            || p.SocialWorkerId == Scope.AllocatedSocialWorkerId);

        // The same rule as Person, reaching the council fields through the person so a change of
        // funding or social worker takes effect at once, with nothing denormalised to go stale.
        builder.Entity<RestrictivePractice>().HasQueryFilter(rp =>
            Scope.Everything
            || (Scope.AllPeopleInOrganisation && rp.OrganisationId == Scope.OrganisationId)
            || Scope.PeopleServiceIds.Contains(rp.ServiceId)
            || rp.Person!.FundingCouncilId == Scope.FundingCouncilId
            || rp.Person!.SocialWorkerId == Scope.AllocatedSocialWorkerId);

        builder.Entity<PracticeDecision>().HasQueryFilter(d =>
            Scope.Everything
            || (Scope.AllPeopleInOrganisation && d.OrganisationId == Scope.OrganisationId)
            || Scope.PeopleServiceIds.Contains(d.Practice!.ServiceId)
            || d.Practice!.Person!.FundingCouncilId == Scope.FundingCouncilId
            || d.Practice!.Person!.SocialWorkerId == Scope.AllocatedSocialWorkerId);

        // A decision's declines and disagreement route are seen by whoever sees the decision.
        builder.Entity<DecisionDecline>().HasQueryFilter(x => Scope.Everything || Decisions.Any(d => d.Id == x.DecisionId));
        builder.Entity<DisagreementStep>().HasQueryFilter(x => Scope.Everything || Decisions.Any(d => d.Id == x.DecisionId));

        // Reviews carry their service and person, like decisions, and are seen by whoever sees the practice.
        builder.Entity<PracticeReview>().HasQueryFilter(r =>
            Scope.Everything
            || (Scope.AllPeopleInOrganisation && r.OrganisationId == Scope.OrganisationId)
            || Scope.PeopleServiceIds.Contains(r.ServiceId)
            || r.Practice!.Person!.FundingCouncilId == Scope.FundingCouncilId
            || r.Practice!.Person!.SocialWorkerId == Scope.AllocatedSocialWorkerId);

        // Monitoring is the provider's own check of a service (§8): the organisation's senior staff, the
        // service's own staff and inspectors given the service see it; council users do not.
        builder.Entity<ServiceMonitoring>().HasQueryFilter(m =>
            Scope.Everything
            || (Scope.AllServicesInOrganisation && m.OrganisationId == Scope.OrganisationId)
            || Scope.PeopleServiceIds.Contains(m.ServiceId));

        builder.Entity<GuidelineAcknowledgement>().HasQueryFilter(g =>
            Scope.Everything || g.OrganisationId == Scope.OrganisationId);

        // Liberty records follow the person: whoever may see the person sees them, and nobody else.
        builder.Entity<LibertyScreening>().HasQueryFilter(l => Scope.Everything || People.Any(p => p.Id == l.PersonId));
        builder.Entity<LibertyAuthorisation>().HasQueryFilter(l => Scope.Everything || People.Any(p => p.Id == l.PersonId));

        // Incidents carry their service, like practices, so a service's list needs no join through people.
        builder.Entity<Incident>().HasQueryFilter(i =>
            Scope.Everything
            || (Scope.AllPeopleInOrganisation && i.OrganisationId == Scope.OrganisationId)
            || Scope.PeopleServiceIds.Contains(i.ServiceId)
            || i.Person!.FundingCouncilId == Scope.FundingCouncilId
            || i.Person!.SocialWorkerId == Scope.AllocatedSocialWorkerId);
        // What follows an incident is seen by whoever sees the incident.
        builder.Entity<IncidentReflection>().HasQueryFilter(r => Scope.Everything || Incidents.Any(i => i.Id == r.IncidentId));
        builder.Entity<IncidentNotification>().HasQueryFilter(n => Scope.Everything || Incidents.Any(i => i.Id == n.IncidentId));
        builder.Entity<IncidentAmendment>().HasQueryFilter(a => Scope.Everything || Incidents.Any(i => i.Id == a.IncidentId));
        // A tally is seen by whoever sees the incidents it adds up: the same scope as an incident's.
        builder.Entity<RestraintTally>().HasQueryFilter(t =>
            Scope.Everything
            || (Scope.AllPeopleInOrganisation && t.OrganisationId == Scope.OrganisationId)
            || Scope.PeopleServiceIds.Contains(t.ServiceId)
            || t.Person!.FundingCouncilId == Scope.FundingCouncilId
            || t.Person!.SocialWorkerId == Scope.AllocatedSocialWorkerId);
        // Alerts when restriction creeps up are the provider's own, like its monitoring: the organisation's
        // senior staff and the service's own staff see them (pages narrow further by role); council users do not.
        builder.Entity<CreepAlert>().HasQueryFilter(a =>
            Scope.Everything
            || (Scope.AllServicesInOrganisation && a.OrganisationId == Scope.OrganisationId)
            || Scope.PeopleServiceIds.Contains(a.ServiceId));
        // R17: a yearly report is the organisation's own while it is drafted; once a version is published,
        // anyone may read the report, signed in or not (what they are shown of it is YearlyReports.PublishedAsync's).
        builder.Entity<YearlyReport>().HasQueryFilter(r =>
            Scope.Everything || r.OrganisationId == Scope.OrganisationId || r.IsPublished);
        // A service's tally sums everyone's incidents there: only those who see every incident of the service
        // (its staff, the organisation's senior staff, inspectors given it) see it. Council users, who see only
        // the people their council funds or are allocated, count from the people's own tallies.
        builder.Entity<ServiceTally>().HasQueryFilter(t =>
            Scope.Everything
            || (Scope.AllPeopleInOrganisation && t.OrganisationId == Scope.OrganisationId)
            || Scope.PeopleServiceIds.Contains(t.ServiceId));
        // A change marked on a chart is seen by whoever sees its subject: a person's or a service's through
        // their own filters (so a council user sees the marks on the people their council funds), an
        // organisation's by its own senior staff. Nothing else marks a change, so nothing else is seen.
        builder.Entity<ChartChange>().HasQueryFilter(c =>
            Scope.Everything
            || (c.SubjectKind == ChartSubjectKind.Person && People.Any(p => p.Id == c.SubjectId))
            || (c.SubjectKind == ChartSubjectKind.Service && Services.Any(s => s.Id == c.SubjectId))
            || (c.SubjectKind == ChartSubjectKind.Organisation && Scope.AllServicesInOrganisation && c.OrganisationId == Scope.OrganisationId));
        // A plan is seen by whoever sees its person; its versions, readings, reviews and stages with it.
        builder.Entity<Plan>().HasQueryFilter(x => Scope.Everything || People.Any(p => p.Id == x.PersonId));
        builder.Entity<PlanVersion>().HasQueryFilter(x => Scope.Everything || Plans.Any(p => p.Id == x.PlanId));
        builder.Entity<PlanReading>().HasQueryFilter(x => Scope.Everything || Plans.Any(p => p.Id == x.PlanId));
        builder.Entity<PlanReview>().HasQueryFilter(x => Scope.Everything || Plans.Any(p => p.Id == x.PlanId));
        builder.Entity<SupportPlanReview>().HasQueryFilter(x => Scope.Everything || Plans.Any(p => p.Id == x.PlanId));
        builder.Entity<StageOutcome>().HasQueryFilter(x => Scope.Everything || Plans.Any(p => p.Id == x.PlanId));
        builder.Entity<PracticeReduction>().HasQueryFilter(x => Scope.Everything || People.Any(p => p.Id == x.PersonId));
        builder.Entity<PanelReferral>().HasQueryFilter(x => Scope.Everything || People.Any(p => p.Id == x.PersonId));
        builder.Entity<PanelMember>().HasQueryFilter(x => Scope.Everything || PanelReferrals.Any(r => r.Id == x.ReferralId));
        builder.Entity<PanelAction>().HasQueryFilter(x => Scope.Everything || PanelReferrals.Any(r => r.Id == x.ReferralId));
        builder.Entity<PanelAmendment>().HasQueryFilter(x => Scope.Everything || PanelReferrals.Any(r => r.Id == x.ReferralId));
        // Safeguarding concerns (R20) are the most sensitive records: the council's safeguarding team sees those
        // sent to it; the provider's staff who read safeguarding see those of the people they see; whoever raised
        // one finds it (their pages show only that it was received). The alleged source of harm never sees it.
        builder.Entity<SafeguardingConcern>().HasQueryFilter(c =>
            Scope.Everything
            || ((c.AllegedSourceUserId == null || c.AllegedSourceUserId != Scope.UserId)
                && ((c.CouncilId == Scope.SafeguardingCouncilId && c.Status != SafeguardingStatus.Draft)
                    || (Scope.ReadsSafeguarding && People.Any(p => p.Id == c.PersonId))
                    || c.RaisedById == Scope.UserId)));
        builder.Entity<SafeguardingAction>().HasQueryFilter(x => Scope.Everything || SafeguardingConcerns.Any(c => c.Id == x.ConcernId));
        builder.Entity<SafeguardingReview>().HasQueryFilter(x => Scope.Everything || SafeguardingConcerns.Any(c => c.Id == x.ConcernId));
        // A service's bed days and hours are seen with the service's incidents: its organisation's senior staff,
        // its own staff and inspectors given it; council users do not.
        builder.Entity<ServiceOccupancy>().HasQueryFilter(o =>
            Scope.Everything
            || (Scope.AllServicesInOrganisation && o.OrganisationId == Scope.OrganisationId)
            || Scope.PeopleServiceIds.Contains(o.ServiceId));
        // A user's messages are their own.
        builder.Entity<Notification>().HasQueryFilter(n => Scope.Everything || n.UserId == Scope.UserId
            || n.OrganisationId == Scope.SystemJobOrganisationId);

        // Training records are the organisation's own; council users see none.
        builder.Entity<TrainingRecord>().HasQueryFilter(t => Scope.Everything || t.OrganisationId == Scope.OrganisationId);

        // A contract is seen by the council that holds it and the provider it is with (R27), nobody else; its
        // judgements, visits, actions and responses with it. Which of their staff may read it is a permission.
        builder.Entity<ProviderContract>().HasQueryFilter(c =>
            Scope.Everything || c.CouncilId == Scope.OrganisationId || c.ProviderId == Scope.OrganisationId);
        builder.Entity<ContractJudgement>().HasQueryFilter(x => Scope.Everything || ProviderContracts.Any(c => c.Id == x.ContractId));
        builder.Entity<ContractVisit>().HasQueryFilter(x => Scope.Everything || ProviderContracts.Any(c => c.Id == x.ContractId));
        builder.Entity<ContractAction>().HasQueryFilter(x => Scope.Everything || ProviderContracts.Any(c => c.Id == x.ContractId));
        builder.Entity<ContractResponse>().HasQueryFilter(x => Scope.Everything || ProviderContracts.Any(c => c.Id == x.ContractId));

        // The intelligence log is the council's own (R27): its own staff see it; no provider ever does, nor another council.
        builder.Entity<IntelligenceEntry>().HasQueryFilter(x =>
            Scope.Everything || (x.CouncilId == Scope.OrganisationId && Scope.OrganisationKind == OrganisationKind.Council));
        builder.Entity<IntelligenceAmendment>().HasQueryFilter(x => Scope.Everything || IntelligenceEntries.Any(e => e.Id == x.EntryId));
        builder.Entity<IntelligenceShare>().HasQueryFilter(x => Scope.Everything || IntelligenceEntries.Any(e => e.Id == x.EntryId));

        // A council's sign-in settings are its own administrator's; signing in reads them with the system's scope.
        builder.Entity<CouncilSignOn>().HasQueryFilter(x => Scope.Everything || x.OrganisationId == Scope.OrganisationId);

        builder.Entity<ServiceAssignment>().HasQueryFilter(a =>
            Scope.Everything || a.OrganisationId == Scope.OrganisationId);
        builder.Entity<InspectorGrant>().HasQueryFilter(g =>
            Scope.Everything || g.OrganisationId == Scope.OrganisationId);
        builder.Entity<AuditEvent>().HasQueryFilter(a =>
            Scope.Everything || a.OrganisationId == Scope.OrganisationId);
    }
}
