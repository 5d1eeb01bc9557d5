using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Core.Tests.Rules;

/// <summary>R9 review dates, R11 monitoring and audit intervals, R18 reduction, and what a review (RP2A) must carry.</summary>
public class ReviewRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Theory]
    [InlineData(-1, ReviewState.Overdue)]
    [InlineData(0, ReviewState.DueToday)]
    [InlineData(1, ReviewState.DueSoon)]
    [InlineData(30, ReviewState.DueSoon)]
    [InlineData(31, ReviewState.NotDue)]
    public void ReviewDue_ByDaysToGo(int daysToGo, ReviewState expected) =>
        Assert.Equal(expected, ReviewDue.State(Today.AddDays(daysToGo), Today));

    [Fact]
    public void ReviewDue_AYearAndADayAfterAgreement_IsOverdue_WhateverDateWasAllowed()
    {
        var agreed = new DateOnly(2025, 11, 30);
        var latestAllowed = ReviewDateWithinAYear.Latest(agreed);

        Assert.Equal(ReviewState.DueToday, ReviewDue.State(latestAllowed, agreed.AddYears(1)));
        Assert.Equal(ReviewState.Overdue, ReviewDue.State(latestAllowed, agreed.AddYears(1).AddDays(1)));
    }

    [Fact]
    public void Audit_IsOverdueAtSixMonthsAndADay_NotAtSixMonths()
    {
        var lastAudit = new DateOnly(2026, 5, 31);
        var due = MonitoringDue.DueOn(MonitoringKind.SeniorAudit, lastAudit, new DateOnly(2020, 1, 1));

        Assert.Equal(new DateOnly(2026, 11, 30), due);
        Assert.False(MonitoringDue.IsOverdue(due, due));
        Assert.True(MonitoringDue.IsOverdue(due, due.AddDays(1)));
    }

    [Fact]
    public void Monitoring_IsDueThreeMonthsAfterTheLast_OrAfterTheServiceBeganWhenNeverDone()
    {
        Assert.Equal(new DateOnly(2026, 9, 15), MonitoringDue.DueOn(MonitoringKind.ManagerMonitoring, new DateOnly(2026, 6, 15), new DateOnly(2020, 1, 1)));
        Assert.Equal(new DateOnly(2026, 4, 1), MonitoringDue.DueOn(MonitoringKind.ManagerMonitoring, null, new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void Reduction_IsFlaggedAfterSixMonths_UntilAReviewConsidersIt()
    {
        var cutOff = ReductionConsidered.CutOff(Today, 6);

        Assert.False(ReductionConsidered.IsFlagged(cutOff, null, 6, Today));
        Assert.True(ReductionConsidered.IsFlagged(cutOff.AddDays(-1), null, 6, Today));
        Assert.False(ReductionConsidered.IsFlagged(new DateOnly(2020, 1, 1), cutOff, 6, Today));
        Assert.True(ReductionConsidered.IsFlagged(new DateOnly(2020, 1, 1), cutOff.AddDays(-1), 6, Today));
        // The time is configurable: a year allows what six months does not.
        Assert.False(ReductionConsidered.IsFlagged(cutOff.AddDays(-1), null, 12, Today));
    }

    private static PracticeReview Complete() => new()
    {
        HeldOn = Today, RiskContinues = true, RiskContinuesEvidence = "e", MeasuresEffective = true, MeasuresEffectiveEvidence = "e",
        StillLeastRestrictive = true, StillLeastRestrictiveEvidence = "e", QualityOfLifeImpact = "q", PersonView = "v",
        ViewGatheredBy = CommunicationMethods.Speech, Justifiable = true, JustifiableEvidence = "e", PotentialDeprivationOfLiberty = false,
        DeprivationOfLibertyEvidence = "e", BalanceJustifiable = true, BalanceEvidence = "e", SafeguardsAdequate = true, SafeguardsEvidence = "e",
        PersonTookPart = false, PersonParticipation = "Asleep; seen afterwards", FamilyAndAdvocates = "None: Sam asked us not to",
        ReductionConsidered = true, ReductionDetail = "d", Outcome = ReviewOutcome.Continue, OutcomeReasons = "r",
        NextReviewDate = Today.AddMonths(6), CarePlanUpdated = true,
        Signatures = [new ReviewSignature { Name = "Sam", SignedAs = "Sam himself", SignedOn = Today }],
    };

    [Fact]
    public void ACompleteReview_HasNoFindings() => Assert.Empty(ReviewCompleteness.Check(Complete(), Today));

    [Fact]
    public void AnEmptyReview_NamesEachQuestion_WithItsRule()
    {
        var findings = ReviewCompleteness.Check(new PracticeReview(), Today);

        Assert.Equal(19, findings.Count);
        Assert.Contains(findings, f => f.Rule == "R18" && f.Field == nameof(PracticeReview.ReductionConsidered));
        Assert.Contains(findings, f => f.Rule == "R6" && f.Field == nameof(PracticeReview.PotentialDeprivationOfLiberty));
        Assert.Contains(findings, f => f.Rule == "R1" && f.Field == nameof(PracticeReview.NextReviewDate));
        Assert.Contains(findings, f => f.Field == "Signatures" && f.Source == "§7.5");
    }

    [Fact]
    public void AYesOrNoWithoutItsEvidence_IsNotAnAnswer()
    {
        var review = Complete();
        review.SafeguardsEvidence = " ";

        var finding = Assert.Single(ReviewCompleteness.Check(review, Today));
        Assert.Equal(nameof(PracticeReview.SafeguardsAdequate), finding.Field);
    }

    [Fact]
    public void NextReview_MoreThanAYearAfterTheReview_IsRefusedUnderR1()
    {
        var review = Complete();
        review.NextReviewDate = Today.AddYears(1).AddDays(1);

        var finding = Assert.Single(ReviewCompleteness.Check(review, Today));
        Assert.Equal("R1", finding.Rule);
        Assert.StartsWith("The next review date must be no later than 1 December 2027", finding.Message);
    }

    [Fact]
    public void EndingThePractice_NeedsNoNextReview()
    {
        var review = Complete();
        review.Outcome = ReviewOutcome.End;
        review.NextReviewDate = null;

        Assert.Empty(ReviewCompleteness.Check(review, Today));
    }

    [Fact]
    public void AReviewHeldInTheFuture_IsRefused()
    {
        var review = Complete();
        review.HeldOn = Today.AddDays(1);
        review.NextReviewDate = Today.AddMonths(3);

        Assert.Contains(ReviewCompleteness.Check(review, Today), f => f.Message == "The date the review was held must be today or in the past");
    }
}
