using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Rules;
using Proportion.Core.Scoping;

namespace Proportion.Core.Tests.Scoping;

/// <summary>Who may do what, written out by hand so a change to <see cref="Permissions"/> has to be meant.</summary>
public sealed class PermissionsTests
{
    private static readonly Guid Oakfield = Guid.CreateVersion7();
    private static readonly Guid Riverside = Guid.CreateVersion7();
    private static readonly Guid Northshire = Guid.CreateVersion7();

    private static UserScope Provider(params string[] roles) =>
        new() { UserId = Guid.CreateVersion7(), OrganisationId = Oakfield, OrganisationKind = OrganisationKind.Provider, Roles = roles.ToHashSet() };

    private static UserScope Council(params string[] roles) =>
        new() { UserId = Guid.CreateVersion7(), OrganisationId = Northshire, OrganisationKind = OrganisationKind.Council, Roles = roles.ToHashSet() };

    // Columns: care worker, service manager, senior manager, board member, inspector, provider administrator,
    // social worker, commissioner, council administrator, safeguarding adults officer. Y = allowed on a record of Oakfield (the providers' own);
    // for a read, which records are seen is the scope's business, so the role alone decides here.
    [Theory]
    [InlineData(Permission.ReadPeople, "YYYYY.YY..")]
    [InlineData(Permission.EditPeople, ".YY.......")]
    [InlineData(Permission.ReadHistory, ".YY.......")]
    [InlineData(Permission.EditPractices, ".YY.......")]
    [InlineData(Permission.AgreeAsServiceManager, ".Y........")]
    [InlineData(Permission.AgreeAsSeniorManager, "..Y.......")]
    [InlineData(Permission.AgreeAsSocialWorker, "......Y...")]
    [InlineData(Permission.ConfirmGuidelines, "YYYY......")]
    [InlineData(Permission.ReadServices, "YYYYYYYYYY")]
    [InlineData(Permission.ServiceOpenList, ".YYYY.....")]
    [InlineData(Permission.RecordIncidents, "YYY.......")]
    [InlineData(Permission.ManageIncidents, ".YY.......")]
    [InlineData(Permission.ReadReflections, ".YY.Y.....")]
    [InlineData(Permission.ServiceIncidents, ".YYYY.....")]
    [InlineData(Permission.MonitorServices, ".YY.......")]
    [InlineData(Permission.AuditServices, "..Y.......")]
    [InlineData(Permission.ReadTraining, ".YYYYY..Y.")]
    [InlineData(Permission.RecordTraining, ".YY..Y....")]
    [InlineData(Permission.OrganisationOverview, "..YY......")]
    [InlineData(Permission.ManageServices, "..Y..Y....")]
    // A council administrator manages the council's own accounts, not the provider's.
    [InlineData(Permission.ManageUsers, ".....Y....")]
    // Restriction over time for the people a council funds: its social workers and commissioners.
    [InlineData(Permission.CouncilCharts, "......YY..")]
    // R17: a senior manager publishes the yearly report the board signed off.
    [InlineData(Permission.PublishYearlyReport, "..Y.......")]
    // Marking a change on the organisation's own chart: its senior managers.
    [InlineData(Permission.MarkOrganisationChartChanges, "..Y.......")]
    // R19: plans are read by all who read the person, written by managers; trauma history by those who need it.
    [InlineData(Permission.ReadPlans, "YYYYY.YY..")]
    [InlineData(Permission.EditPlans, ".YY.......")]
    [InlineData(Permission.ReadTraumaHistory, ".YY...Y...")]
    // R26: managers refer to a risk review panel; senior managers record its decision.
    [InlineData(Permission.ReferToPanel, ".YY.......")]
    [InlineData(Permission.RecordPanelDecisions, "..Y.......")]
    // R20: anyone who supports the person raises a safeguarding concern; its details are read by the provider's
    // managers and the council's safeguarding adults team, which alone records the council's response.
    [InlineData(Permission.RaiseSafeguarding, "YYY.......")]
    [InlineData(Permission.ReadSafeguarding, ".YY......Y")]
    [InlineData(Permission.RespondToSafeguarding, ".........Y")]
    // R20, the council's response: the provider's managers mark done the actions the council gives the provider.
    [InlineData(Permission.ActOnSafeguarding, ".YY.......")]
    // R20, tools for risky choices: a social worker of the funding council records its risk enablement panel's decision
    // (the funding council is checked by MayRecordDecision); an administrator sets their own organisation's details,
    // a council's safeguarding helpline (so a council administrator never on a provider's record).
    [InlineData(Permission.RecordEnablementPanelDecisions, "......Y...")]
    [InlineData(Permission.SetSafeguardingHelpline, ".....Y....")]
    [InlineData(Permission.CouncilPicture, ".......Y..")]
    // A provider reads the contracts it holds with councils; the council's commissioners read theirs under ManageContracts.
    [InlineData(Permission.ReadContracts, "..YY......")]
    [InlineData(Permission.ManageContracts, "..........")]
    [InlineData(Permission.RespondToContracts, "..Y.......")]
    [InlineData(Permission.ReadIntelligence, "......YY.Y")]
    [InlineData(Permission.RecordIntelligence, "..........")]
    [InlineData(Permission.ShareIntelligence, "..........")]
    [InlineData(Permission.ManageSingleSignOn, "..........")]
    public void EachRole_OnTheProvidersOwnRecord_IsAllowedAsWrittenHere(Permission permission, string expected)
    {
        UserScope[] users =
        [
            Provider(Roles.CareWorker), Provider(Roles.ServiceManager), Provider(Roles.SeniorManager), Provider(Roles.BoardMember),
            Provider(Roles.Inspector), Provider(Roles.OrganisationAdministrator),
            Council(Roles.SocialWorker), Council(Roles.Commissioner), Council(Roles.OrganisationAdministrator),
            Council(Roles.SafeguardingOfficer),
        ];
        var actual = string.Concat(users.Select(u => u.Allows(permission, Oakfield) ? 'Y' : '.'));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void EveryPermission_IsInTheTableAbove()
    {
        var tested = typeof(PermissionsTests).GetMethod(nameof(EachRole_OnTheProvidersOwnRecord_IsAllowedAsWrittenHere))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => (Permission)a.GetData(null!).Single()[0]).ToHashSet();
        Assert.Equal(Enum.GetValues<Permission>().ToHashSet(), tested);
    }

    [Fact]
    public void AWrite_ToAnotherOrganisationsRecord_IsRefused_ButReadingIsLeftToTheScope()
    {
        var manager = Provider(Roles.ServiceManager);

        Assert.False(manager.Allows(Permission.EditPractices, Riverside));
        Assert.True(manager.Allows(Permission.ReadPeople, Riverside));
    }

    [Fact]
    public void Demand_WhenRefused_ThrowsWithThePermissionsOwnExplanation()
    {
        var error = Assert.Throws<NotPermittedException>(() => Provider(Roles.CareWorker).Demand(Permission.EditPractices, Oakfield));
        Assert.Contains("service manager or senior manager", error.Message);
    }

    [Fact]
    public void AnInspector_WithAnotherRoleToo_WritesAsThatRole()
    {
        var both = Provider(Roles.Inspector, Roles.ServiceManager);

        Assert.True(both.Allows(Permission.EditPractices, Oakfield));
    }

    [Theory]
    [InlineData(SignOffRole.ServiceManager, Permission.AgreeAsServiceManager)]
    [InlineData(SignOffRole.SeniorManager, Permission.AgreeAsSeniorManager)]
    [InlineData(SignOffRole.SocialWorker, Permission.AgreeAsSocialWorker)]
    [InlineData(SignOffRole.CommissionerInformed, Permission.EditPractices)]
    public void EachAgreement_IsGivenUnderItsOwnPermission(SignOffRole role, Permission expected) =>
        Assert.Equal(expected, Permissions.ToGive(role));

    [Theory]
    [InlineData(Permission.ManageContracts, Roles.Commissioner)]
    [InlineData(Permission.RecordIntelligence, Roles.SocialWorker)]
    [InlineData(Permission.ShareIntelligence, Roles.Commissioner)]
    [InlineData(Permission.ManageSingleSignOn, Roles.OrganisationAdministrator)]
    public void TheCouncilsOwnRecords_AreWrittenByItsOwnStaff_AndNeverByAProvidersHoldingTheSameRole(Permission permission, string role)
    {
        Assert.True(Council(role).Allows(permission, Northshire));
        Assert.False(Council(role).Allows(permission, Guid.CreateVersion7()));
        Assert.False(Provider(role).Allows(permission, Oakfield));
    }

    [Fact]
    public void ACouncilsAdministrator_SetsTheCouncilsOwnDetails_AndNobodyElses()
    {
        var admin = Council(Roles.OrganisationAdministrator);

        Assert.True(admin.Allows(Permission.SetSafeguardingHelpline, Northshire));
        Assert.False(admin.Allows(Permission.SetSafeguardingHelpline, Oakfield));
        Assert.False(Council(Roles.SocialWorker).Allows(Permission.SetSafeguardingHelpline, Northshire));
    }

    [Fact]
    public void APanelsDecision_IsRecordedByASeniorManager_OrForTheCouncilsPanel_ByASocialWorkerOfTheFundingCouncil()
    {
        var funded = new Person { OrganisationId = Oakfield, GivenName = "Sam", FamilyName = "Adeyemi", FundingCouncilId = Northshire };
        var notFunded = new Person { OrganisationId = Oakfield, GivenName = "Stan", FamilyName = "Patel" };
        var review = new PanelReferral { OrganisationId = Oakfield, Question = "?", Evidence = "!", Kind = PanelKind.RiskReview };
        var enablement = new PanelReferral { OrganisationId = Oakfield, Question = "?", Evidence = "!", Kind = PanelKind.RiskEnablement };
        var socialWorker = Council(Roles.SocialWorker);
        var otherCouncil = socialWorker with { OrganisationId = Guid.CreateVersion7() };
        var senior = Provider(Roles.SeniorManager);

        Assert.True(senior.MayRecordDecision(review, funded));
        Assert.False(socialWorker.MayRecordDecision(review, funded));
        Assert.True(socialWorker.MayRecordDecision(enablement, funded));
        Assert.False(senior.MayRecordDecision(enablement, funded));
        Assert.False(otherCouncil.MayRecordDecision(enablement, funded));
        Assert.False(socialWorker.MayRecordDecision(enablement, notFunded));
        Assert.False(Council(Roles.Commissioner).MayRecordDecision(enablement, funded));
        var refused = Assert.Throws<NotPermittedException>(() => senior.DemandToRecordDecision(enablement, funded));
        Assert.Contains("social worker of the council that funds the person", refused.Message);
    }

    [Fact]
    public void Reflections_AreWrittenOnlyByStaffNamedOnTheIncident_AndAmendmentsByTheRecorderOrAManager()
    {
        var careWorker = Provider(Roles.CareWorker);
        var other = Provider(Roles.CareWorker);
        var incident = new Incident
        {
            OrganisationId = Oakfield, RecordedById = careWorker.UserId, Location = "Lounge", Antecedents = "", DeEscalation = "", HowUsed = "", Outcome = "",
            Staff = [new IncidentStaffMember { UserId = careWorker.UserId, Name = "A", Role = "Care worker" }],
        };

        Assert.True(careWorker.MayReflectOn(incident));
        Assert.False(other.MayReflectOn(incident));
        Assert.True(careWorker.MayAmend(incident));
        Assert.False(other.MayAmend(incident));
        Assert.True(Provider(Roles.ServiceManager).MayAmend(incident));
        Assert.False(Provider(Roles.Inspector).MayAmend(incident));
    }
}
