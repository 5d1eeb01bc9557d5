using Proportion.Core.Rules;

namespace Proportion.Core.Tests.Rules;

/// <summary>MCA s.6(6): an attorney or deputy whose authority covers the decision makes it.</summary>
public class DecisionMakerRulesTests
{
    private static readonly LegalDecisionMaker Susan = new(Guid.CreateVersion7(), "Susan Hughes", "attorney for health and welfare");
    private static readonly DecisionMakerAnswers Nothing = new(null, null, null, null, null);

    [Fact]
    public void APersonWithCapacity_DecidesForThemselves_NoDecisionMakerIsAsked() =>
        Assert.Empty(DecisionMakerRules.Check(CapacityToConsent.HasCapacity, [Susan], Nothing));

    [Fact]
    public void WithoutAnAttorneyOrDeputy_TheBestInterestsDecisionMakerIsNamed()
    {
        Assert.Equal("DecisionMakerName", Assert.Single(DecisionMakerRules.Check(CapacityToConsent.LacksCapacity, [], Nothing)).Field);
        Assert.Empty(DecisionMakerRules.Check(CapacityToConsent.LacksCapacity, [], Nothing with { Name = "Daniel Okafor, registered manager" }));
    }

    [Fact]
    public void AnAttorneyWhoAgrees_IsTheDecisionMaker() =>
        Assert.Empty(DecisionMakerRules.Check(CapacityToConsent.LacksCapacity, [Susan],
            new(Susan.RepresentativeId, "Susan Hughes", null, "Agrees to the key-code lock", true)));

    [Fact]
    public void AnAttorneyWhoDisagrees_CannotBeOverridden_UnderSection6_6()
    {
        var refusal = Assert.Single(DecisionMakerRules.Check(CapacityToConsent.LacksCapacity, [Susan],
            new(Susan.RepresentativeId, "Susan Hughes", null, "Does not want the door locked", false)));

        Assert.Equal((DecisionMakerRules.Rule, "AttorneyAgrees"), (refusal.Rule, refusal.Field));
        Assert.Contains("s.6(6)", refusal.Message);
        Assert.Contains("Court of Protection", refusal.Message);
    }

    [Fact]
    public void AnAttorneyChosen_TheirDecisionIsRecorded() =>
        Assert.Equal(["AttorneyDecision", "AttorneyAgrees"],
            DecisionMakerRules.Check(CapacityToConsent.LacksCapacity, [Susan], new(Susan.RepresentativeId, "Susan Hughes", null, null, null)).Select(f => f.Field));

    [Fact]
    public void AnAttorneyRecorded_ButSomeoneElseDecides_NeedsWhyTheirAuthorityDoesNotCoverIt()
    {
        var refusal = Assert.Single(DecisionMakerRules.Check(CapacityToConsent.LacksCapacity, [Susan], Nothing with { Name = "Daniel Okafor" }));

        Assert.Equal("DecisionMakerRepresentativeId", refusal.Field);
        Assert.Contains("Susan Hughes", refusal.Message);
        Assert.Empty(DecisionMakerRules.Check(CapacityToConsent.LacksCapacity, [Susan],
            Nothing with { Name = "Daniel Okafor", AuthorityNotCoveringReason = "The LPA excludes decisions about where she lives and locked doors" }));
    }

    [Fact]
    public void ADecisionMakerNoLongerRecordedAsAttorney_IsRefused() =>
        Assert.Equal("DecisionMakerRepresentativeId", Assert.Single(DecisionMakerRules.Check(CapacityToConsent.LacksCapacity, [],
            new(Guid.CreateVersion7(), "Former attorney", null, "Agrees", true))).Field);
}
