using Proportion.Core.Model;
using Proportion.Core.Plans.Reduction;
using Proportion.Core.Rules;

namespace Proportion.Core.Tests.Rules;

public class ReductionPlanGateTests
{
    private static readonly ReductionStep Narrow = new()
    {
        Description = "Door unlocked 10am to 4pm", PlannedOn = new DateOnly(2027, 1, 4), SuccessCriteria = "Four weeks settled",
        Change = StepChange.ReduceHours, NewDescription = "Front door locked 4pm to 10am", NewWhenMayBeUsed = "From 4pm to 10am only",
    };

    private static readonly ReductionStep End = new()
    {
        Description = "Door left unlocked", PlannedOn = new DateOnly(2027, 3, 1), SuccessCriteria = "Eight weeks settled", Change = StepChange.EndPractice,
    };

    private static ReductionContent Complete() => new()
    {
        OriginalRestriction = "Front door locked all day", RationaleForChange = "No attempts to leave unsafely for six months",
        Stages = [Narrow, End], Safeguards = "Door sensor", ReviewArrangements = "Monthly with Sam", CoProduction = "Made with Sam and his sister",
        ProportionalityAssessment = "Low likelihood now", SafeguardingAssessment = "Road safety practised",
    };

    [Fact]
    public void ACompletePlan_ForAPracticeInPlace_HasNoFindings() =>
        Assert.Empty(ReductionPlanGate.Check(Complete(), practiceInPlace: true));

    [Fact]
    public void WithoutTheAssessments_ItCannotBeAgreed()
    {
        var findings = ReductionPlanGate.Check(Complete() with { ProportionalityAssessment = " ", SafeguardingAssessment = null }, true);

        Assert.Equal(["ProportionalityAssessment", "SafeguardingAssessment"], findings.Select(f => f.Field));
        Assert.All(findings, f => Assert.Equal(FindingSeverity.Refusal, f.Severity));
        Assert.All(findings, f => Assert.Equal("R19", f.Rule));
        Assert.Contains("cannot be agreed without an assessment of proportionality", findings[0].Message);
    }

    [Fact]
    public void EveryRequiredPart_IsNamed_WhenMissing()
    {
        var fields = ReductionPlanGate.Check(new ReductionContent(), true).Select(f => f.Field).ToList();

        Assert.Equal(
            ["OriginalRestriction", "RationaleForChange", "Stages", "Safeguards", "ReviewArrangements", "CoProduction", "ProportionalityAssessment", "SafeguardingAssessment"],
            fields);
    }

    [Fact]
    public void EachStep_NeedsADate_SuccessCriteria_AndWhatItChanges()
    {
        var findings = ReductionPlanGate.Check(Complete() with { Stages = [Narrow with { PlannedOn = null, SuccessCriteria = "", Change = null }] }, true);

        Assert.Equal(
            ["Step 1: enter the date it starts", "Step 1: enter how everyone will know it has worked (success criteria)", "Step 1: say what it changes about the practice"],
            findings.Select(f => f.Message));
    }

    [Fact]
    public void ANarrowingStep_SaysWhatThePracticeBecomes()
    {
        var finding = Assert.Single(ReductionPlanGate.Check(Complete() with { Stages = [Narrow with { NewWhenMayBeUsed = null }] }, true));

        Assert.StartsWith("Step 1: describe the practice as it will be", finding.Message);
    }

    [Fact]
    public void EndingThePractice_IsTheLastStep()
    {
        var finding = Assert.Single(ReductionPlanGate.Check(Complete() with { Stages = [End, Narrow] }, true));

        Assert.Equal("Step 1 ends the practice, so it must be the last step", finding.Message);
    }

    [Fact]
    public void APracticeNoLongerInPlace_CannotBeReduced()
    {
        var finding = Assert.Single(ReductionPlanGate.Check(Complete(), practiceInPlace: false));

        Assert.Equal("Practice", finding.Field);
    }
}

public class ReductionDocumentsTests
{
    private static readonly DateTime Step = new(2026, 11, 18, 12, 0, 0, DateTimeKind.Utc);

    private static ReductionDocuments.Facts Narrowed(params ReductionDocuments.NamingPlan[] naming) => new(
        Ended: false, StepRecordedAt: Step, PracticeEnded: false, PracticeDescription: "Door locked at night", ExpectedDescription: "Door locked at night",
        WhenMayBeUsedInForce: "8pm to 8am", ExpectedWhenMayBeUsed: "8pm to 8am", GuidelinesAgreedAt: Step, StaffNotYetRead: 2,
        HasBehaviourSupportPlan: true, PlansNamingThePractice: naming, CarePlanConfirmed: false);

    [Fact]
    public void ANarrowing_ReflectedInTheRegisterAndGuidelines_StillAsksForTheCarePlan()
    {
        var checks = ReductionDocuments.Checks(Narrowed());

        Assert.True(checks.Single(c => c.Document == OperationalDocument.Register).Reflects);
        var guidelines = checks.Single(c => c.Document == OperationalDocument.Guidelines);
        Assert.True(guidelines.Reflects);
        Assert.Contains("2 members of staff still to confirm reading", guidelines.Explanation);
        Assert.True(checks.Single(c => c.Document == OperationalDocument.BehaviourSupportPlan).Reflects);
        Assert.False(checks.Single(c => c.Document == OperationalDocument.CarePlan).Reflects);
    }

    [Fact]
    public void GuidelinesAgreedBeforeTheStep_NeedChanging()
    {
        var checks = ReductionDocuments.Checks(Narrowed() with { GuidelinesAgreedAt = Step.AddDays(-1), WhenMayBeUsedInForce = "All day" });

        Assert.False(checks.Single(c => c.Document == OperationalDocument.Guidelines).Reflects);
    }

    [Fact]
    public void ABehaviourSupportPlan_StillNamingAnEndedPractice_IsFlagged_EvenIfAgreedSince()
    {
        var pbs = new ReductionDocuments.NamingPlan(Guid.NewGuid(), PlanKind.BehaviourSupport, "PBS plan", AsReactiveStrategy: true, LatestAgreedAt: Step.AddDays(1));
        var facts = Narrowed(pbs) with { Ended = true, PracticeEnded = true };

        var check = ReductionDocuments.Checks(facts).Single(c => c.Document == OperationalDocument.BehaviourSupportPlan);

        Assert.False(check.Reflects);
        Assert.Equal("Its reactive strategies still name the ended practice", check.Explanation);
    }

    [Fact]
    public void APlanNamingThePractice_ReflectsItOnceAVersionIsAgreedAfterTheStep()
    {
        var before = new ReductionDocuments.NamingPlan(Guid.NewGuid(), PlanKind.RiskAssessment, "Risk assessment", false, Step.AddDays(-3));
        var after = new ReductionDocuments.NamingPlan(Guid.NewGuid(), PlanKind.PositiveRisk, "Walk to the shop", false, Step.AddHours(1));

        var checks = ReductionDocuments.Checks(Narrowed(before, after));

        Assert.False(checks.Single(c => c.Document == OperationalDocument.RiskAssessment).Reflects);
        Assert.True(checks.Single(c => c.Document == OperationalDocument.PositiveRiskPlan).Reflects);
    }
}
