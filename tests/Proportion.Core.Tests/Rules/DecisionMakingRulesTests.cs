using Proportion.Core.Plans.DecisionMaking;
using Proportion.Core.Rules;

namespace Proportion.Core.Tests.Rules;

/// <summary>
/// R20, tools for risky choices: a supported decision-making agreement is agreed only when every part is written,
/// each gap refused at its own field; the law leads where the guidance says only "ideally" (Care Act s.67).
/// </summary>
public sealed class DecisionMakingRulesTests
{
    private static readonly DecisionMakingContent Complete = new()
    {
        DecisionsCovered = "What I spend my money on",
        Supporters = [new() { Name = "Grace Adeyemi", Relationship = "mum" }],
        HowInformationIsGiven = "Symbols, one choice at a time",
        TimeAndPlace = "Mornings, in the quiet lounge",
        HasRepresentative = false,
        CircleOfSupport = [new() { Name = "Femi Adeyemi", Relationship = "brother" }],
        SubstantialDifficulty = true,
        HowDisagreementsAreHandled = "We talk it through with my advocate",
        HowThePersonAgreed = "Signed yes in Makaton",
        HowItIsReviewed = "At my review with my social worker",
    };

    private static List<string> Fields(DecisionMakingContent agreement) => [.. DecisionMakingRules.Findings(agreement).Select(f => f.Field)];

    [Fact]
    public void ACompleteAgreement_HasNoFindings() => Assert.Empty(DecisionMakingRules.Findings(Complete));

    [Fact]
    public void AnEmptyAgreement_IsRefusedOncePerPart_AtItsField()
    {
        var findings = DecisionMakingRules.Findings(new DecisionMakingContent());
        Assert.Equal(
            ["DecisionsCovered", "Supporters", "HowInformationIsGiven", "TimeAndPlace", "HasRepresentative", "CircleOfSupport", "SubstantialDifficulty",
                "HowDisagreementsAreHandled", "HowThePersonAgreed", "HowItIsReviewed"],
            findings.Select(f => f.Field));
        Assert.All(findings, f =>
        {
            Assert.Equal("R20", f.Rule);
            Assert.Equal(FindingSeverity.Refusal, f.Severity);
        });
    }

    [Fact]
    public void HowTheyAreHelpedToDecide_FollowsTheMentalCapacityAct()
    {
        var finding = Assert.Single(DecisionMakingRules.Findings(Complete with { HowInformationIsGiven = " " }));
        Assert.Equal("Say how information is given in the way the person understands", finding.Message);
        Assert.Contains("MCA s.1(3)", finding.Source);
    }

    [Fact]
    public void EachPersonWhoHelps_NeedsTheirRelationship()
    {
        var agreement = Complete with { Supporters = [new() { Name = "Amira Khan" }, new() { Name = " " }] };
        var finding = Assert.Single(DecisionMakingRules.Findings(agreement));
        Assert.Equal("Say how Amira Khan is related to the person, or their role", finding.Message);
    }

    [Fact]
    public void ARepresentative_IsNamed_WithWhatTheyDoAndOnWhatAuthority()
    {
        Assert.Equal(["Name the person's third-party representative", "Say what the representative does and on what authority: an attorney, a deputy, or a suitable person for a direct payment"],
            DecisionMakingRules.Findings(Complete with { HasRepresentative = true }).Select(f => f.Message));
        Assert.Equal(["HasRepresentative", "HasRepresentative"], Fields(Complete with { HasRepresentative = true }));
        Assert.Empty(DecisionMakingRules.Findings(Complete with
        {
            HasRepresentative = true, RepresentativeName = "Susan Hughes", RepresentativeAuthority = "Attorney for health and welfare, registered 2022",
        }));
    }

    [Fact]
    public void ACircleOfSupport_OrAnAdvocate_IsNeeded()
    {
        var neither = Complete with { CircleOfSupport = [], SubstantialDifficulty = false };
        Assert.Equal(["CircleOfSupport"], Fields(neither));
        Assert.Empty(DecisionMakingRules.Findings(neither with { Advocate = "Beacon Advocacy, 01632 960345" }));
        Assert.Equal(["CircleOfSupport"], Fields(Complete with { CircleOfSupport = [new() { Name = "Joe Marsh" }] }));
    }

    [Fact]
    public void SubstantialDifficulty_WithNobodyUnpaid_NeedsAnIndependentAdvocate_AsTheCareActSays()
    {
        var onlyStaff = Complete with
        {
            Supporters = [new() { Name = "Amira Khan", Relationship = "key worker", Paid = true }],
            CircleOfSupport = [new() { Name = "Daniel Okafor", Relationship = "manager", Paid = true }],
        };
        var finding = Assert.Single(DecisionMakingRules.Findings(onlyStaff));
        Assert.Equal("Advocate", finding.Field);
        Assert.Equal(DecisionMakingRules.AdvocacySource, finding.Source);
        Assert.Contains("the council must arrange an independent advocate", finding.Message);
        Assert.Empty(DecisionMakingRules.Findings(onlyStaff with { Advocate = "Lena Ortiz, Beacon Advocacy" }));
        // Without substantial difficulty the paid circle is enough: an advocate is the person's choice.
        Assert.Empty(DecisionMakingRules.Findings(onlyStaff with { SubstantialDifficulty = false }));
    }

    [Fact]
    public async Task TheGate_AsksTheRule() =>
        Assert.Equal(DecisionMakingRules.Findings(new DecisionMakingContent()),
            await new DecisionMakingGate().FindingsAsync(null!, new DecisionMakingContent(), default));

    [Fact]
    public void TheAgreementsSections_NameTheFieldsTheGateNames()
    {
        var sectionFields = Complete.Sections().Select(s => s.Field).ToHashSet();
        var gateFields = DecisionMakingRules.Findings(new DecisionMakingContent()).Select(f => f.Field);
        Assert.All(gateFields, f => Assert.Contains(f, sectionFields));
    }
}
