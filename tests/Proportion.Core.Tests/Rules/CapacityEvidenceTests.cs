using Proportion.Core.Rules;

namespace Proportion.Core.Tests.Rules;

/// <summary>"Lacks capacity" needs its evidence: who, when, each limb failed, the impairment, and the Code's two principles.</summary>
public class CapacityEvidenceTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static readonly CapacityTestAnswers CannotWeigh = new(true, true, false, true, true, true);

    private static readonly CapacityEvidenceAnswers Evidenced = new(
        AssessorName: "Daniel Okafor", AssessorRole: "Registered manager", AssessedOn: Today,
        UnderstandEvidence: null, RetainEvidence: null,
        UseOrWeighEvidence: "Could repeat the risk of the road but said each time she would walk home to her husband",
        CommunicateEvidence: null,
        Impairment: "Alzheimer's disease, diagnosed 2023",
        PracticableStepsTaken: "Asked in the morning, in short sentences, with photographs of the road, her daughter present",
        NotBasedOnUnwiseDecision: true);

    [Fact]
    public void LacksCapacity_WithEveryEvidenceAnswered_HasNoFindings() =>
        Assert.Empty(CapacityAssessment.EvidenceFindings(CannotWeigh, Evidenced, Today));

    [Fact]
    public void HasCapacity_NeedsNoEvidence_ThePresumptionStands() =>
        Assert.Empty(CapacityAssessment.EvidenceFindings(new(true, true, true, true, null, null), new(null, null, null, null, null, null, null, null, null, null), Today));

    [Fact]
    public void LacksCapacity_WithNothingEvidenced_NamesEachMissingPiece_UnderR2()
    {
        var findings = CapacityAssessment.EvidenceFindings(CannotWeigh, new(null, null, null, null, null, null, null, null, null, null), Today);

        Assert.Equal(
            ["CapacityAssessorName", "CapacityAssessorRole", "CapacityAssessedOn", "UseOrWeighEvidence", "ImpairmentDescription", "PracticableStepsTaken", "NotBasedOnUnwiseDecision"],
            findings.Select(f => f.Field));
        Assert.All(findings, f => Assert.Equal((CapacityAssessment.Rule, FindingSeverity.Refusal), (f.Rule, f.Severity)));
    }

    [Fact]
    public void EachLimbAnsweredNo_NeedsItsOwnEvidence_AndOnlyThose()
    {
        var findings = CapacityAssessment.EvidenceFindings(new(false, false, false, false, true, true), Evidenced, Today);

        Assert.Equal(["UnderstandEvidence", "RetainEvidence", "CommunicateEvidence"], findings.Select(f => f.Field));
    }

    [Fact]
    public void AnAssessmentDatedTomorrow_IsRefused() =>
        Assert.Equal("CapacityAssessedOn", Assert.Single(CapacityAssessment.EvidenceFindings(CannotWeigh, Evidenced with { AssessedOn = Today.AddDays(1) }, Today)).Field);

    [Fact]
    public void AConclusionBasedOnAnUnwiseDecision_IsRefused_AnUnwiseDecisionIsNotALackOfCapacity()
    {
        var refusal = Assert.Single(CapacityAssessment.EvidenceFindings(CannotWeigh, Evidenced with { NotBasedOnUnwiseDecision = false }, Today));

        Assert.Contains("unwise", refusal.Message);
        Assert.Contains("s.1(4)", refusal.Message);
    }

    [Fact]
    public void AnIncompleteTest_IsLeftToTheTestItself() =>
        Assert.Empty(CapacityAssessment.EvidenceFindings(new(false, null, null, null, null, null), new(null, null, null, null, null, null, null, null, null, null), Today));
}
