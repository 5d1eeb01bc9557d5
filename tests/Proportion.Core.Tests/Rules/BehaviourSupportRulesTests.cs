using Proportion.Core.Model;
using Proportion.Core.Plans.BehaviourSupport;
using Proportion.Core.Rules;
using static Proportion.Core.Rules.BehaviourSupportRules;

namespace Proportion.Core.Tests.Rules;

/// <summary>R25: a behaviour support plan written in full, reactive strategies using only agreed practices, and a review when incidents say it is not working.</summary>
public class BehaviourSupportRulesTests
{
    private static readonly PracticeFact Hold = new(Guid.NewGuid(), "Two-person standing hold", PracticeCategory.PhysicalRestraint, PracticeStatus.Agreed);
    private static readonly PracticeFact Sensor = new(Guid.NewGuid(), "Sensor mat at night", PracticeCategory.SurveillanceAndMonitoring, PracticeStatus.UnderReview);
    private static readonly PracticeFact Proposed = new(Guid.NewGuid(), "Locked kitchen", PracticeCategory.EnvironmentalRestraint, PracticeStatus.Proposed);
    private static readonly PracticeFact Ended = new(Guid.NewGuid(), "Seclusion in the quiet room", PracticeCategory.Seclusion, PracticeStatus.Ended);

    private static BehaviourSupportContent Complete(params Guid[] practices) => new()
    {
        WhatTheBehaviourCommunicates = "He wants to leave a noisy room.",
        PreventionEnvironment = "Quiet lounge after lunch.",
        PreventionActivity = "A walk in the garden every afternoon.",
        PreventionSkills = "Using a card to ask for a break.",
        EarlyWarningResponses = "Offer the garden, speak slowly.",
        ReactiveStrategies = "Guide him to a chair with a standing hold, for the shortest time.",
        ReactivePracticeIds = [.. practices],
        SupportAfterAnIncident = "Tea with a familiar member of staff; debrief for staff.",
    };

    [Fact]
    public void ACompletePlanUsingAnAgreedPractice_HasNoFindings()
    {
        Assert.Empty(Findings(Complete(Hold.Id), [Hold, Sensor]));
    }

    [Fact]
    public void EachBlankPart_IsARefusalAtItsField()
    {
        var findings = Findings(new BehaviourSupportContent(), []);

        Assert.Equal(Parts.Select(p => p.Field), findings.Select(f => f.Field));
        Assert.All(findings, f => Assert.Equal(FindingSeverity.Refusal, f.Severity));
        Assert.All(findings, f => Assert.Equal("R25", f.Rule));
    }

    [Fact]
    public void APracticeNotInPlace_IsRefusedByName()
    {
        var findings = Findings(Complete(Hold.Id, Proposed.Id, Ended.Id), [Hold, Proposed, Ended]).Where(f => f.Severity == FindingSeverity.Refusal).ToList();

        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, f => f.Message.Contains("\"Locked kitchen\" is proposed, not agreed"));
        Assert.Contains(findings, f => f.Message.Contains("\"Seclusion in the quiet room\" is ended, not agreed"));
        Assert.All(findings, f => Assert.Equal(nameof(BehaviourSupportContent.ReactivePracticeIds), f.Field));
    }

    [Fact]
    public void AnotherPersonsPractice_IsRefused()
    {
        Assert.Contains(Findings(Complete(Guid.NewGuid()), [Hold]), f => f.Severity == FindingSeverity.Refusal && f.Message.Contains("not one of this person's practices"));
    }

    [Fact]
    public void ReactiveStrategiesWithNoPracticeChosen_AreRefused_UnlessThePlanSaysNoneIsUsed()
    {
        Assert.Contains(Findings(Complete(), [Sensor]), f => f.Field == nameof(BehaviourSupportContent.ReactivePracticeIds) && f.Severity == FindingSeverity.Refusal);
        Assert.Empty(Findings(Complete() with { NoRestrictivePractice = true }, [Sensor]));
        Assert.Contains(Findings(Complete(Sensor.Id) with { NoRestrictivePractice = true }, [Sensor]), f => f.Field == nameof(BehaviourSupportContent.NoRestrictivePractice));
    }

    [Fact]
    public void ARestraintInPlaceThePlanDoesNotName_IsAWarning()
    {
        var findings = Findings(Complete() with { NoRestrictivePractice = true }, [Hold, Sensor, Ended]);

        var warning = Assert.Single(findings);
        Assert.Equal(FindingSeverity.Warning, warning.Severity);
        Assert.Contains("Two-person standing hold", warning.Message);
    }

    private static readonly DateTime Agreed = new(2026, 10, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void ThreeIncidentsWithin28Days_SinceItWasAgreed_CallForAReview()
    {
        IncidentFact At(int days) => new(Agreed.AddDays(days), Hold.Id);

        Assert.Empty(ReviewNow(Agreed, [Hold.Id], [At(1), At(20)], 3, 28));
        Assert.Empty(ReviewNow(Agreed, [Hold.Id], [At(1), At(15), At(29)], 3, 28));
        Assert.Empty(ReviewNow(Agreed, [Hold.Id], [At(-5), At(-2), At(3)], 3, 28));
        var finding = Assert.Single(ReviewNow(Agreed, [Hold.Id], [At(1), At(40), At(50), At(60)], 3, 28));
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Contains("3 or more incidents within 28 days", finding.Message);
        Assert.Contains("10 November 2026", finding.Message);
        Assert.Single(ReviewNow(Agreed, [Hold.Id], [At(1), At(2)], 2, 7));
    }

    [Fact]
    public void AnEmergencyOrAPracticeThePlanDoesNotName_CallsForAReview()
    {
        Assert.Contains("emergency use", Assert.Single(ReviewNow(Agreed, [Hold.Id], [new IncidentFact(Agreed.AddDays(3), null)], 3, 28)).Message);
        Assert.Single(ReviewNow(Agreed, [Hold.Id], [new IncidentFact(Agreed.AddDays(3), Sensor.Id)], 3, 28));
        Assert.Empty(ReviewNow(Agreed, [Hold.Id], [new IncidentFact(Agreed.AddDays(-3), null)], 3, 28));
    }
}
