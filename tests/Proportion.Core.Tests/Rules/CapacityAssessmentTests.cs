using Proportion.Core.Rules;

namespace Proportion.Core.Tests.Rules;

public class CapacityAssessmentTests
{
    private static readonly CapacityTestAnswers Able = new(true, true, true, true, null, null);

    [Fact]
    public void AbleToDoAllFour_HasCapacity_WhateverTheDiagnosis()
    {
        var (conclusion, findings) = CapacityAssessment.Conclude(Able with { HasImpairmentOfMindOrBrain = true });

        Assert.Equal(CapacityToConsent.HasCapacity, conclusion);
        Assert.Empty(findings);
    }

    [Fact]
    public void UnableToWeigh_BecauseOfAnImpairment_LacksCapacity()
    {
        var (conclusion, findings) = CapacityAssessment.Conclude(Able with
        {
            CanUseOrWeigh = false, HasImpairmentOfMindOrBrain = true, InabilityIsBecauseOfImpairment = true,
        });

        Assert.Equal(CapacityToConsent.LacksCapacity, conclusion);
        Assert.Empty(findings);
    }

    [Fact]
    public void UnableToCommunicate_WithoutAnImpairment_IsPresumedToHaveCapacity_WithAWarning()
    {
        var (conclusion, findings) = CapacityAssessment.Conclude(Able with { CanCommunicate = false, HasImpairmentOfMindOrBrain = false });

        Assert.Equal(CapacityToConsent.HasCapacity, conclusion);
        Assert.Equal(FindingSeverity.Warning, Assert.Single(findings).Severity);
    }

    [Fact]
    public void AnImpairmentThatDoesNotCauseTheInability_DoesNotRemoveCapacity()
    {
        var (conclusion, _) = CapacityAssessment.Conclude(Able with
        {
            CanRetain = false, HasImpairmentOfMindOrBrain = true, InabilityIsBecauseOfImpairment = false,
        });

        Assert.Equal(CapacityToConsent.HasCapacity, conclusion);
    }

    [Fact]
    public void UnansweredQuestions_AreNamed_AndNoConclusionIsGuessed()
    {
        var (conclusion, findings) = CapacityAssessment.Conclude(new CapacityTestAnswers(true, null, true, null, null, null));

        Assert.Null(conclusion);
        Assert.Equal(["CanRetain", "CanCommunicate"], findings.Select(f => f.Field));
    }

    [Fact]
    public void AnInabilityWithTheImpairmentQuestionUnanswered_AsksIt()
    {
        var (conclusion, findings) = CapacityAssessment.Conclude(Able with { CanUnderstand = false });

        Assert.Null(conclusion);
        Assert.Equal("HasImpairmentOfMindOrBrain", Assert.Single(findings).Field);
    }

    /// <summary>The council's picture counts in the database what <see cref="CapacityAssessment.Conclude"/> decides: every combination of answers agrees.</summary>
    [Fact]
    public void TheQueryTwin_LacksCapacityExactlyWhenTheConclusionSaysSo()
    {
        bool?[] answers = [null, true, false];
        var inQuery = CapacityAssessment.LacksCapacityInQuery.Compile();
        var checkedCount = 0;
        foreach (var understand in answers)
        foreach (var retain in answers)
        foreach (var weigh in answers)
        foreach (var communicate in answers)
        foreach (var impairment in answers)
        foreach (var because in answers)
        {
            var decision = new Proportion.Core.Model.PracticeDecision
            {
                CanUnderstand = understand, CanRetain = retain, CanUseOrWeigh = weigh, CanCommunicate = communicate,
                HasImpairmentOfMindOrBrain = impairment, InabilityIsBecauseOfImpairment = because,
            };
            Assert.Equal(decision.Capacity == CapacityToConsent.LacksCapacity, inQuery(decision));
            checkedCount++;
        }
        Assert.Equal(729, checkedCount);
    }
}
