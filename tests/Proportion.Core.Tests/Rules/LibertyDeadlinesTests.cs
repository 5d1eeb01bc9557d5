using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Core.Tests.Rules;

public class LibertyDeadlinesTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static LibertyAuthorisation Standard(DateOnly requested, LibertyOutcome outcome = LibertyOutcome.Pending) =>
        new() { Kind = LibertyAuthorisationKind.StandardAuthorisation, RequestedOn = requested, Outcome = outcome };

    private static LibertyAuthorisation Urgent(LibertyAuthorisation standard, DateOnly given, DateOnly ends) => new()
    {
        Kind = LibertyAuthorisationKind.UrgentAuthorisation, RequestedOn = given, Outcome = LibertyOutcome.Granted,
        StartsOn = given, ExpiresOn = ends, StandardRequestId = standard.Id,
    };

    [Fact]
    public void AStandardRequestAlone_IsDecidedWithin21Days()
    {
        var standard = Standard(Today.AddDays(-21));

        var decision = Assert.Single(LibertyDeadlines.For(standard, [standard], Today));

        Assert.Equal(LibertyDeadlineKind.Decision, decision.Kind);
        Assert.Equal(Today, decision.Due);
        Assert.False(decision.Overdue);
        Assert.True(LibertyDeadlines.For(standard, [standard], Today.AddDays(1)).Single().Overdue);
    }

    [Fact]
    public void WithAnUrgentAuthorisation_TheStandardRequestIsDueBeforeTheUrgentOneEnds()
    {
        var standard = Standard(Today);
        var urgent = Urgent(standard, Today, Today.AddDays(7));

        var decision = LibertyDeadlines.For(standard, [standard, urgent], Today).Single();
        var urgentEnds = LibertyDeadlines.For(urgent, [standard, urgent], Today).Single();

        Assert.Equal(Today.AddDays(7), decision.Due);
        Assert.Contains("before the urgent authorisation ends", decision.What);
        Assert.Equal(LibertyDeadlineKind.UrgentEnds, urgentEnds.Kind);
        Assert.Equal(Today.AddDays(7), urgentEnds.Due);
    }

    [Fact]
    public void AnExtendedUrgentAuthorisation_MovesTheDecisionToItsNewEnd()
    {
        var standard = Standard(Today);
        var urgent = Urgent(standard, Today, Today.AddDays(12));
        urgent.Extended = true;
        urgent.EndBeforeExtension = Today.AddDays(7);

        Assert.Equal(Today.AddDays(12), LibertyDeadlines.For(standard, [standard, urgent], Today).Single().Due);
    }

    [Fact]
    public void OnceTheStandardRequestIsDecided_TheUrgentOneHasNoDeadline()
    {
        var standard = Standard(Today, LibertyOutcome.Refused);
        standard.OutcomeRecordedOn = Today;
        var urgent = Urgent(standard, Today, Today.AddDays(7));

        Assert.Empty(LibertyDeadlines.For(urgent, [standard, urgent], Today));
        Assert.Equal(LibertyDeadlineKind.TellCqc, LibertyDeadlines.For(standard, [standard, urgent], Today).Single().Kind);
    }

    [Fact]
    public void AGrantedStandardAuthorisation_AsksForItsRenewal28DaysBeforeItEnds_UntilOneIsAppliedFor()
    {
        var granted = Standard(Today.AddMonths(-12), LibertyOutcome.Granted);
        granted.StartsOn = Today.AddMonths(-11);
        granted.ExpiresOn = Today.AddDays(28);
        granted.CqcNotifiedOn = granted.StartsOn;

        var deadlines = LibertyDeadlines.For(granted, [granted], Today);
        var renewal = Standard(Today);

        Assert.Equal(Today, deadlines.Single(d => d.Kind == LibertyDeadlineKind.Renew).Due);
        Assert.Equal(Today.AddDays(28), deadlines.Single(d => d.Kind == LibertyDeadlineKind.Ends).Due);
        Assert.DoesNotContain(LibertyDeadlines.For(granted, [granted, renewal], Today), d => d.Kind == LibertyDeadlineKind.Renew);
        Assert.True(LibertyDeadlines.For(granted, [granted], Today.AddDays(1)).Single(d => d.Kind == LibertyDeadlineKind.Renew).Overdue);
    }

    [Theory]
    [InlineData(LibertyAuthorisationKind.StandardAuthorisation, LibertyOutcome.Granted, true)]
    [InlineData(LibertyAuthorisationKind.StandardAuthorisation, LibertyOutcome.Refused, true)]
    [InlineData(LibertyAuthorisationKind.StandardAuthorisation, LibertyOutcome.Withdrawn, true)]
    [InlineData(LibertyAuthorisationKind.CourtOfProtection, LibertyOutcome.Granted, true)]
    [InlineData(LibertyAuthorisationKind.CourtOfProtection, LibertyOutcome.Refused, true)]
    [InlineData(LibertyAuthorisationKind.CourtOfProtection, LibertyOutcome.Withdrawn, true)]
    [InlineData(LibertyAuthorisationKind.StandardAuthorisation, LibertyOutcome.Pending, false)]
    [InlineData(LibertyAuthorisationKind.UrgentAuthorisation, LibertyOutcome.Granted, false)]
    public void CqcIsToldEveryOutcomeAndWithdrawal_DoLSAndCourt(LibertyAuthorisationKind kind, LibertyOutcome outcome, bool tell) =>
        Assert.Equal(tell, LibertyDeadlines.MustTellCqc(new LibertyAuthorisation { Kind = kind, Outcome = outcome }));

    [Fact]
    public void TellingCqc_IsDueFromTheDayTheOutcomeWasRecorded_AndGoesWhenTold()
    {
        var withdrawn = Standard(Today.AddDays(-10), LibertyOutcome.Withdrawn);
        withdrawn.OutcomeRecordedOn = Today.AddDays(-1);

        var tell = LibertyDeadlines.For(withdrawn, [withdrawn], Today).Single();
        withdrawn.CqcNotifiedOn = Today;

        Assert.Equal(Today.AddDays(-1), tell.Due);
        Assert.True(tell.Overdue);
        Assert.Contains("withdrawn", tell.What);
        Assert.Equal(LibertyDeadlines.CqcRule, tell.Rule);
        Assert.Empty(LibertyDeadlines.For(withdrawn, [withdrawn], Today));
    }
}
