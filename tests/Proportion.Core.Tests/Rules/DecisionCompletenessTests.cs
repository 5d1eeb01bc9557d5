using Proportion.Core.Rules;

namespace Proportion.Core.Tests.Rules;

public class DecisionCompletenessTests
{
    private static readonly DateOnly Agreed = new(2026, 11, 22);

    private static readonly DecisionAnswers Complete = new(
        Risk: "Leaves the building at night and has been found on the main road",
        Likelihood: 4, Seriousness: 5,
        TriedBefore: "Night-time walks with staff; a door alarm",
        ConsequencesOfUsing: "Peggy cannot go out alone at night; she may feel confined",
        ConsequencesOfNotUsing: "Serious injury on the main road",
        Proportionality: "Applies only at night, when the risk is highest",
        Alternatives: [new("Door alarm only", "Staff could not reach the door in time on two occasions")],
        PersonViews: "Peggy said she wants to feel safe but also to walk in the garden",
        ViewsGatheringMethodRecorded: true,
        RepresentativesViews: "Her daughter (attorney) agrees",
        RepresentativesNotInvolvedReason: null,
        MultiDisciplinaryAdvice: "Falls team and OT advised a garden sensor light",
        Capacity: CapacityToConsent.HasCapacity,
        BestInterests: null,
        WhenMayBeUsed: "Between 10pm and 7am",
        WhenMustNotBeUsed: "In daytime, or when staff can walk with her",
        OthersRightsProtection: "Other residents are told the code",
        ReviewDate: Agreed.AddMonths(3),
        SignaturesRecorded: 2);

    [Fact]
    public void ACompleteDecision_HasNoFindings() => Assert.Empty(DecisionCompleteness.Check(Complete, Agreed));

    [Fact]
    public void AnEmptyDraft_NamesEveryMissingElement_UnderR2()
    {
        var empty = new DecisionAnswers(null, null, null, null, null, null, null, [], null, false, null, null, null, null, null, null, null, null, null, 0);

        var findings = DecisionCompleteness.Check(empty, Agreed);

        Assert.Equal(18, findings.Count);
        Assert.All(findings.Where(f => f.Field != "ReviewDate"), f => Assert.Equal("R2", f.Rule));
        Assert.Equal("R1", findings.Single(f => f.Field == "ReviewDate").Rule);
    }

    [Fact]
    public void AnAlternativeWithoutAReason_IsNamed()
    {
        var findings = DecisionCompleteness.Check(Complete with { Alternatives = [new("Low bed", null)] }, Agreed);

        Assert.Equal("Say why each less restrictive alternative was not chosen", Assert.Single(findings).Message);
    }

    [Fact]
    public void RepresentativesNotInvolved_WithAReason_IsEnough()
    {
        var findings = DecisionCompleteness.Check(Complete with
        {
            RepresentativesViews = null, RepresentativesNotInvolvedReason = "Peggy asked that her family are not involved",
        }, Agreed);

        Assert.Empty(findings);
    }

    [Fact]
    public void LackingCapacity_NeedsTheBestInterestsChecklist()
    {
        var lacking = Complete with { Capacity = CapacityToConsent.LacksCapacity };

        Assert.Equal(6, DecisionCompleteness.Check(lacking, Agreed).Count(f => f.Field.StartsWith("BestInterests.")));
        var withChecklist = lacking with
        {
            BestInterests = new("Unlikely: dementia is progressing", "Shown the door and the garden", "Always loved walking",
                "Independence matters to her", "Daughter (attorney) and key worker agree", "In her best interests at night only"),
        };
        Assert.Empty(DecisionCompleteness.Check(withChecklist, Agreed));
    }

    [Fact]
    public void AReviewDateAYearAndADayAway_IsRefusedUnderR1() =>
        Assert.Equal("R1", Assert.Single(DecisionCompleteness.Check(Complete with { ReviewDate = Agreed.AddYears(1).AddDays(1) }, Agreed)).Rule);
}
