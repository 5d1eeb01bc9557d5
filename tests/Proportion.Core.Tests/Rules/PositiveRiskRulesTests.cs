using Proportion.Core.Model;
using Proportion.Core.Plans.PositiveRisk;
using Proportion.Core.Plans.RiskAssessments;
using Proportion.Core.Rules;
using static Proportion.Core.Rules.PositiveRiskRules;

namespace Proportion.Core.Tests.Rules;

/// <summary>R19, positive risk-taking plans: required parts, the person's understanding, and alignment with the register, staff guidance and risk assessment.</summary>
public class PositiveRiskRulesTests
{
    private static readonly Guid PlanId = Guid.CreateVersion7();
    private static readonly Guid AssessedId = Guid.CreateVersion7();

    private static PositiveRiskContent Complete() => new()
    {
        Activity = ActivityKind.TravelAlone,
        WhatThePersonWantsToDo = "Go to college on the bus",
        WhyItMatters = "My friends are there",
        PersonsViews = "Sam told us in her review meeting",
        Risks = [new PlanRisk { Description = "Getting lost", Safeguards = "Travel card with phone numbers" }],
        EscalationAndCheckIns = "Text on arrival",
        Contingency = "Call the office; staff collect",
        ReviewTimescales = "Every month",
        PersonUnderstands = true,
        HowUnderstandingWasConfirmed = "Easy-read plan talked through",
    };

    private static IReadOnlyList<Finding> FindingsOf(PositiveRiskContent plan, IReadOnlyList<Mismatch>? mismatches = null, bool assessed = true) =>
        Findings(plan, mismatches ?? [], assessed);

    [Fact]
    public void Complete_PlanWithNothingAgainstIt_HasNoFindings() => Assert.Empty(FindingsOf(Complete()));

    [Fact]
    public void Empty_Plan_IsRefusedNamingEveryRequiredPart()
    {
        var refusals = FindingsOf(new PositiveRiskContent()).Where(f => f.Severity == FindingSeverity.Refusal).ToList();
        foreach (var field in new[] { "Activity", "WhatThePersonWantsToDo", "Risks", "PersonsViews", "EscalationAndCheckIns", "Contingency", "ReviewTimescales", "PersonUnderstands" })
        {
            Assert.Contains(refusals, f => f.Field == field);
        }
        Assert.All(refusals, f => Assert.Equal("R19", f.Rule));
    }

    [Fact]
    public void Risk_WithoutSafeguards_IsRefusedByName()
    {
        var plan = Complete() with { Risks = [.. Complete().Risks, new PlanRisk { Description = "Missing the stop" }] };
        var refusal = Assert.Single(FindingsOf(plan));
        Assert.Contains("\"Missing the stop\" has no safeguard", refusal.Message);
        Assert.Equal(FindingSeverity.Refusal, refusal.Severity);
    }

    [Fact]
    public void Understanding_NotConfirmed_NeedsWhyAndHowTheyWereSupported()
    {
        var plan = Complete() with { PersonUnderstands = false, HowUnderstandingWasConfirmed = null };
        Assert.Equal(["WhyUnderstandingWasNotPossible", "HowThePersonWasSupportedToUnderstand", "BestInterestsDecision"], FindingsOf(plan).Select(f => f.Field));
        plan = plan with { WhyUnderstandingWasNotPossible = "Sam could not retain it on the day", HowThePersonWasSupportedToUnderstand = "Pictures; three short sessions" };
        // The Mental Capacity Act asks more than the guidance: the capacity assessment and, if needed, the best-interests decision.
        Assert.Equal("BestInterestsDecision", Assert.Single(FindingsOf(plan)).Field);
        plan = plan with { BestInterestsDecision = "The manager assessed Sam for this decision: he cannot weigh up the risk of strangers. Decided in his best interests with his mother and advocate." };
        Assert.Empty(FindingsOf(plan));
    }

    [Fact]
    public void Understanding_Confirmed_SaysHow() =>
        Assert.Equal("HowUnderstandingWasConfirmed", Assert.Single(FindingsOf(Complete() with { HowUnderstandingWasConfirmed = " " })).Field);

    [Theory]
    [InlineData(ActivityKind.TravelAlone, RestrictedThing.FrontDoor, true)]
    [InlineData(ActivityKind.Work, RestrictedThing.GoingOut, true)]
    [InlineData(ActivityKind.Cook, RestrictedThing.Kitchen, true)]
    [InlineData(ActivityKind.Cook, RestrictedThing.FoodOrDrink, true)]
    [InlineData(ActivityKind.ManageMoney, RestrictedThing.Money, true)]
    [InlineData(ActivityKind.ManageMoney, RestrictedThing.FrontDoor, false)]
    [InlineData(ActivityKind.Cook, RestrictedThing.FrontDoor, false)]
    [InlineData(ActivityKind.SomethingElse, RestrictedThing.FrontDoor, false)]
    public void Practice_InPlace_RestrictingWhatTheActivityNeeds_IsAMismatch(ActivityKind activity, RestrictedThing restricts, bool mismatch)
    {
        var practice = new PracticeInPlace(Guid.CreateVersion7(), "Front door kept locked", restricts);
        var found = Mismatches(PlanId, "Bus", Complete() with { Activity = activity }, [practice], [], null);
        Assert.Equal(mismatch, found.Any(m => m.Key == $"practice:{practice.Id}"));
    }

    [Fact]
    public void TravelAlone_WithAFrontDoorPractice_AndItsGuidance_IsRefusedNamingBoth()
    {
        var practice = new PracticeInPlace(Guid.CreateVersion7(), "Front door kept locked", RestrictedThing.FrontDoor);
        var guidance = new StaffGuidance(Guid.CreateVersion7(), practice.Id, practice.Description, RestrictedThing.FrontDoor, "At all times unless staff go too");
        var findings = FindingsOf(Complete(), Mismatches(PlanId, "Bus", Complete(), [practice], [guidance], null));
        Assert.Equal(2, findings.Count(f => f.Severity == FindingSeverity.Refusal));
        Assert.Contains(findings, f => f.Message.StartsWith("The register: \"Front door kept locked\" is in place and restricts the front door"));
        Assert.Contains(findings, f => f.Message.Contains("Staff guidance: the agreed guidelines for \"Front door kept locked\" would stop") && f.Message.Contains("unless staff go too"));
    }

    [Fact]
    public void Mismatch_ThePlanSaysHowTheyFit_IsAWarning()
    {
        var practice = new PracticeInPlace(Guid.CreateVersion7(), "Front door kept locked", RestrictedThing.FrontDoor);
        var plan = Complete() with { HowTheyFit = [new HowTheyFit($"practice:{practice.Id}", "Staff open the door for Sam at 8am")] };
        var finding = Assert.Single(FindingsOf(plan, Mismatches(PlanId, "Bus", plan, [practice], [], null)));
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Contains("How they fit together: Staff open the door for Sam at 8am", finding.Message);
    }

    [Fact]
    public void AssessedRisk_ForThisActivity_NotAddressed_IsAMismatch_BySameTextOrLink()
    {
        var byText = new AssessedRisk { WhatCouldHappen = "Being exploited", Activity = "go to College on the bus!", WhatReducesIt = "x" };
        var byLink = new AssessedRisk { WhatCouldHappen = "Road traffic", Activity = "Going out", PlanIds = [PlanId], WhatReducesIt = "x" };
        var other = new AssessedRisk { WhatCouldHappen = "Scalds", Activity = "Cooking", WhatReducesIt = "x" };
        var found = Mismatches(PlanId, "Bus", Complete(), [], [], new RiskAssessmentContent { Risks = [byText, byLink, other] });
        Assert.Equal([$"unaddressed:{byText.Id}", $"unaddressed:{byLink.Id}"], found.Select(m => m.Key));

        var addressed = Complete() with { Risks = [new PlanRisk { Description = "Exploited", AssessedRiskId = byText.Id, Safeguards = "s" }] };
        Assert.Equal([$"unaddressed:{byLink.Id}"], Mismatches(PlanId, "Bus", addressed, [], [], new RiskAssessmentContent { Risks = [byText, byLink, other] }).Select(m => m.Key));
    }

    [Fact]
    public void AssessedRisk_ThePlanNames_WithNothingReducingIt_IsAMismatch()
    {
        var risk = new AssessedRisk { Id = AssessedId, WhatCouldHappen = "Getting lost", Activity = "Travel" };
        var plan = Complete() with { Risks = [new PlanRisk { Description = "Lost", AssessedRiskId = AssessedId, Safeguards = "s" }] };
        var mismatch = Assert.Single(Mismatches(PlanId, "Bus", plan, [], [], new RiskAssessmentContent { Risks = [risk] }));
        Assert.Equal($"unreduced:{AssessedId}", mismatch.Key);
        Assert.Contains("says nothing reduces \"Getting lost\"", mismatch.Message);
    }

    [Fact]
    public void NoAgreedRiskAssessment_AndNoAssessedRiskNamed_IsAWarning()
    {
        var finding = Assert.Single(FindingsOf(Complete(), assessed: false));
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Contains("no agreed risk assessment", finding.Message);
    }
}
