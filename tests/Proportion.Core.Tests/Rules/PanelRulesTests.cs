using Proportion.Core.Model;
using Proportion.Core.Plans.RiskAssessments;
using Proportion.Core.Rules;

namespace Proportion.Core.Tests.Rules;

public sealed class PanelRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 18);
    private static readonly DateOnly Referred = new(2026, 11, 2);

    private static readonly PanelReferralInput CompleteReferral = new()
    {
        Reason = PanelReason.Disagreement,
        Question = "Should Peggy go to the shops alone?",
        Evidence = "Her daughter disagrees with staff; Peggy wants to go.",
    };

    private static PanelDecisionInput CompleteDecision() => new()
    {
        MeetingOn = new DateOnly(2026, 11, 16),
        Members = [new("Asha Patel", "Senior manager"), new("Tom Reid", "Occupational therapist", true, "Wanted a trial with staff first")],
        PersonsView = "Peggy came and said she wants to go on Tuesdays.",
        PersonAttended = true,
        Outcome = PanelOutcome.SupportedWithChanges,
        Decision = "Peggy goes alone on Tuesdays with a phone.",
        Reasons = "The benefits to her outweigh the risk with a phone.",
        Actions = [new("Buy a phone", Guid.CreateVersion7(), new DateOnly(2026, 11, 30))],
        ReviewOn = new DateOnly(2027, 2, 16),
    };

    private static Dictionary<string, string> Fields(IEnumerable<Finding> findings) =>
        findings.Where(f => f.Severity == FindingSeverity.Refusal).ToDictionary(f => f.Field, f => f.Message);

    [Fact]
    public void AReferral_WithItsReasonQuestionAndEvidence_IsComplete() => Assert.Empty(PanelRules.ForReferral(CompleteReferral));

    [Fact]
    public void AnEmptyReferral_IsRefusedAtEachField()
    {
        var fields = Fields(PanelRules.ForReferral(new PanelReferralInput()));
        Assert.Equal(["Evidence", "Question", "Reason"], fields.Keys.Order());
        Assert.All(PanelRules.ForReferral(new PanelReferralInput()), f => Assert.Equal("R26", f.Rule));
    }

    [Fact]
    public void SomethingElse_NeedsTheReasonInWords() =>
        Assert.Contains("OtherReason", Fields(PanelRules.ForReferral(CompleteReferral with { Reason = PanelReason.Other })).Keys);

    [Fact]
    public void HighResidualRisk_NeedsThePlanOrRisk()
    {
        Assert.Contains("Subject", Fields(PanelRules.ForReferral(CompleteReferral with { Reason = PanelReason.HighResidualRisk })).Keys);
        Assert.Empty(PanelRules.ForReferral(CompleteReferral with { Reason = PanelReason.HighResidualRisk, PlanId = Guid.CreateVersion7() }));
    }

    [Fact]
    public void ARestrictionNotAgreed_NeedsThePractice()
    {
        Assert.Contains("Subject", Fields(PanelRules.ForReferral(CompleteReferral with { Reason = PanelReason.RestrictionNotAgreed })).Keys);
        Assert.Empty(PanelRules.ForReferral(CompleteReferral with { Reason = PanelReason.RestrictionNotAgreed, PracticeId = Guid.CreateVersion7() }));
    }

    [Fact]
    public void ACompleteDecision_WithDissentAndAnAction_IsAccepted() =>
        Assert.Empty(PanelRules.ForDecision(CompleteDecision(), Referred, Today));

    [Fact]
    public void AnEmptyDecision_IsRefusedAtEachField()
    {
        var fields = Fields(PanelRules.ForDecision(new PanelDecisionInput(), Referred, Today));
        Assert.Equal(["Decision", "MeetingOn", "Members[0].Name", "Outcome", "PersonsView", "Reasons", "ReviewOn"], fields.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AMemberWhoDissented_MustHaveTheirViewRecorded()
    {
        var decision = CompleteDecision() with { Members = [new("Asha Patel", "Senior manager"), new("Tom Reid", "", true, " ")] };
        var fields = Fields(PanelRules.ForDecision(decision, Referred, Today));
        Assert.Equal(["Members[1].Discipline", "Members[1].Dissent"], fields.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("Tom Reid", fields["Members[1].Dissent"]);
    }

    [Fact]
    public void AnAction_NeedsWhatWhoAndWhen_AndBlankRowsAreIgnored()
    {
        var decision = CompleteDecision() with { Actions = [new("", null, null), new("Call the GP", null, new DateOnly(2026, 11, 1))] };
        var fields = Fields(PanelRules.ForDecision(decision, Referred, Today));
        Assert.Equal(["Actions[1].AssignedToId", "Actions[1].DueOn"], fields.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SupportedWithChanges_NeedsAnAction() =>
        Assert.Contains("Actions[0].What", Fields(PanelRules.ForDecision(CompleteDecision() with { Actions = [] }, Referred, Today)).Keys);

    [Theory]
    [InlineData(2026, 11, 19, "MeetingOn")] // in the future
    [InlineData(2026, 11, 1, "MeetingOn")] // before the referral
    public void TheMeeting_IsBetweenTheReferralAndToday(int y, int m, int d, string field) =>
        Assert.Contains(field, Fields(PanelRules.ForDecision(CompleteDecision() with { MeetingOn = new DateOnly(y, m, d) }, Referred, Today)).Keys);

    [Theory]
    [InlineData(2026, 11, 18)]
    [InlineData(2027, 11, 19)]
    public void TheReview_IsInTheFutureAndWithinAYear(int y, int m, int d) =>
        Assert.Contains("ReviewOn", Fields(PanelRules.ForDecision(CompleteDecision() with { ReviewOn = new DateOnly(y, m, d) }, Referred, Today)).Keys);

    [Fact]
    public void AHighResidualRisk_WithNoOpenReferral_SuggestsOne()
    {
        var high = new AssessedRisk { WhatCouldHappen = "Lost in town", Activity = "Shopping alone", Likelihood = 4, Impact = 4, ResidualLikelihood = 3, ResidualImpact = 4 };
        var extremeBecomesLow = new AssessedRisk { WhatCouldHappen = "Scalds", Likelihood = 5, Impact = 4, ResidualLikelihood = 1, ResidualImpact = 2 };
        var extreme = new AssessedRisk { WhatCouldHappen = "Choking", Likelihood = 4, Impact = 5 };
        var content = new RiskAssessmentContent { Risks = [high, extremeBecomesLow, extreme] };

        var suggestions = PanelRules.SuggestedReferrals(content, []);
        Assert.Equal([high.Id, extreme.Id], suggestions.Select(f => PanelRules.RiskOf(f)!.Value));
        Assert.All(suggestions, f => Assert.Equal(FindingSeverity.Warning, f.Severity));
        Assert.Contains("Lost in town (Shopping alone)", suggestions[0].Message);
        Assert.Contains("high risk", suggestions[0].Message);

        Assert.Equal([extreme.Id], PanelRules.SuggestedReferrals(content, [high.Id]).Select(f => PanelRules.RiskOf(f)!.Value));
        Assert.Empty(PanelRules.SuggestedReferrals(null, []));
    }
}
