using Proportion.Core.Plans;
using Proportion.Core.Plans.RiskAssessments;
using Proportion.Core.Rules;

namespace Proportion.Core.Tests.Rules;

public class RiskAssessmentRulesTests
{
    private static readonly Guid Kettle = Guid.CreateVersion7();
    private static readonly Guid Door = Guid.CreateVersion7();
    private static readonly Guid Fall = Guid.CreateVersion7();
    private static readonly Guid TravelPlan = Guid.CreateVersion7();

    private static RiskAssessmentSubject George(params PracticeForRisk[] practices) =>
        new("George Whitaker", practices, new HashSet<Guid> { Fall }, new HashSet<Guid> { TravelPlan });

    private static AssessedRisk Complete(string what = "Scalds while making hot drinks") => new()
    {
        WhatCouldHappen = what,
        Activity = "Making hot drinks",
        Likelihood = 3,
        Impact = 3,
        Benefits = "Makes his own tea, as he always has",
        Harms = "A scald to his hands",
        PersonsView = "I have made tea for 60 years",
        WhatReducesIt = "A kettle tipper; staff nearby",
        ResidualLikelihood = 2,
        ResidualImpact = 2,
        IncidentIds = [Fall],
        PlanIds = [TravelPlan],
    };

    private static RiskAssessmentContent With(params AssessedRisk[] risks) =>
        new() { HowThePersonTookPart = "George talked it through with his key worker and daughter", Risks = [.. risks] };

    [Fact]
    public void ACompleteAssessment_LinkedToThePersonsOwnRecords_HasNoFindings() =>
        Assert.Empty(RiskAssessmentRules.Check(With(Complete()), George()));

    [Fact]
    public void NoRisks_AndNoWordOfHowThePersonTookPart_AreEachRefused()
    {
        var findings = RiskAssessmentRules.Check(new RiskAssessmentContent(), George());

        Assert.All(findings, f => Assert.Equal(FindingSeverity.Refusal, f.Severity));
        Assert.All(findings, f => Assert.Equal("R24", f.Rule));
        Assert.Contains(findings, f => f.Field == "Risks" && f.Message.Contains("at least one risk"));
        Assert.Contains(findings, f => f.Field == "HowThePersonTookPart" && f.Message.Contains("how George Whitaker took part"));
    }

    [Theory]
    [InlineData(nameof(AssessedRisk.Activity), "the activity or situation")]
    [InlineData(nameof(AssessedRisk.Benefits), "gains from the activity")]
    [InlineData(nameof(AssessedRisk.Harms), "what harm")]
    [InlineData(nameof(AssessedRisk.PersonsView), "George Whitaker's own view")]
    [InlineData(nameof(AssessedRisk.WhatReducesIt), "what reduces the risk")]
    [InlineData(nameof(AssessedRisk.Likelihood), "how likely it is")]
    [InlineData(nameof(AssessedRisk.Impact), "how serious it would be")]
    [InlineData(nameof(AssessedRisk.ResidualLikelihood), "how likely it is with what reduces it in place")]
    [InlineData(nameof(AssessedRisk.ResidualImpact), "how serious it would be with what reduces it in place")]
    public void EachMissingPartOfARisk_IsARefusalNamingTheRiskAndThePart(string part, string says)
    {
        var risk = part switch
        {
            nameof(AssessedRisk.Activity) => Complete() with { Activity = " " },
            nameof(AssessedRisk.Benefits) => Complete() with { Benefits = null },
            nameof(AssessedRisk.Harms) => Complete() with { Harms = "" },
            nameof(AssessedRisk.PersonsView) => Complete() with { PersonsView = null },
            nameof(AssessedRisk.WhatReducesIt) => Complete() with { WhatReducesIt = null },
            nameof(AssessedRisk.Likelihood) => Complete() with { Likelihood = 0 },
            nameof(AssessedRisk.Impact) => Complete() with { Impact = 6 },
            nameof(AssessedRisk.ResidualLikelihood) => Complete() with { ResidualLikelihood = null },
            _ => Complete() with { ResidualImpact = null },
        };

        var finding = Assert.Single(RiskAssessmentRules.Check(With(Complete("Falls on the stairs"), risk), George()));

        Assert.Equal(FindingSeverity.Refusal, finding.Severity);
        Assert.Equal(RiskAssessmentRules.FieldOf(risk.Id, part), finding.Field);
        Assert.StartsWith("Risk \"Scalds while making hot drinks\":", finding.Message);
        Assert.Contains(says, finding.Message);
        Assert.True(RiskAssessmentRules.IsAbout(finding, risk.Id));
    }

    [Fact]
    public void ARiskWithNoName_IsNamedByItsPlaceInTheList()
    {
        var finding = Assert.Single(RiskAssessmentRules.Check(With(Complete(), Complete("")), George()));

        Assert.Equal("Risk 2: say what could happen", finding.Message);
    }

    [Fact]
    public void WhatReducesARisk_CannotMakeItMoreLikelyOrMoreSerious()
    {
        var findings = RiskAssessmentRules.Check(With(Complete() with { ResidualLikelihood = 4, ResidualImpact = 5 }), George());

        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, f => f.Message.Contains("cannot make it more likely"));
        Assert.Contains(findings, f => f.Message.Contains("cannot make it more serious"));
    }

    [Fact]
    public void LinksToAnotherPersonsPracticeIncidentOrPlan_AreRefused()
    {
        var risk = Complete() with { PracticeIds = [Guid.CreateVersion7()], IncidentIds = [Guid.CreateVersion7()], PlanIds = [Guid.CreateVersion7()] };

        var findings = RiskAssessmentRules.Check(With(risk), George());

        Assert.Equal(
            [RiskAssessmentRules.FieldOf(risk.Id, "PracticeIds"), RiskAssessmentRules.FieldOf(risk.Id, "IncidentIds"), RiskAssessmentRules.FieldOf(risk.Id, "PlanIds")],
            findings.Select(f => f.Field));
        Assert.Contains("not George Whitaker's", findings[0].Message);
    }

    [Fact]
    public void APracticeInPlaceThatNoRiskExplains_IsAWarning_NotARefusal()
    {
        var person = George(new PracticeForRisk(Door, "Front door locked at night", InPlace: true),
            new PracticeForRisk(Kettle, "Kettle kept in the office", InPlace: true),
            new PracticeForRisk(Guid.CreateVersion7(), "Bed rails", InPlace: false));

        var findings = RiskAssessmentRules.Check(With(Complete() with { PracticeIds = [Kettle] }), person);

        var warning = Assert.Single(findings);
        Assert.Equal(FindingSeverity.Warning, warning.Severity);
        Assert.Contains("\"Front door locked at night\" is a restriction with no risk behind it", warning.Message);
    }

    [Fact]
    public void TheContent_RoundTripsThroughJson_KeepingEachRisksIdAndLinks()
    {
        var content = With(Complete() with { PracticeIds = [Kettle] });

        var read = PlanContents.FromJson<RiskAssessmentContent>(PlanContents.ToJson(content));

        Assert.Equal(content.Risks[0].Id, read.Risks[0].Id);
        Assert.Equal([Kettle], read.Risks[0].PracticeIds);
        Assert.Equal(2, read.Risks[0].ResidualLikelihood);
    }

    [Theory]
    [InlineData("Scalds", "Scalds")]
    [InlineData("Falls on the stairs at night when going to the bathroom alone", "Falls on the stairs at night when going…")]
    public void AShortName_IsCutAtAWord(string text, string expected) => Assert.Equal(expected, AssessedRisk.ShortNameOf(text));
}

public class RiskMatrixTests
{
    [Theory]
    [InlineData(1, 1, RiskBand.Low)]
    [InlineData(1, 3, RiskBand.Low)]
    [InlineData(2, 2, RiskBand.Moderate)]
    [InlineData(1, 5, RiskBand.Moderate)]
    [InlineData(3, 2, RiskBand.Moderate)]
    [InlineData(2, 4, RiskBand.High)]
    [InlineData(3, 4, RiskBand.High)]
    [InlineData(3, 5, RiskBand.Extreme)]
    [InlineData(5, 5, RiskBand.Extreme)]
    public void Bands_FollowTheCommonRiskMatrix(int likelihood, int impact, RiskBand band)
    {
        Assert.Equal(band, RiskMatrix.BandOf(likelihood, impact));
        Assert.Equal(band, RiskMatrix.BandOf(impact, likelihood));
    }

    [Fact]
    public void EveryPointOfTheScale_HasWords()
    {
        Assert.Equal("Almost certain (5)", RiskMatrix.LikelihoodName(5));
        Assert.Equal("Negligible (1)", RiskMatrix.ImpactName(1));
        Assert.Equal("Not assessed", RiskMatrix.LikelihoodName(0));
        Assert.Equal("Likely (4) and major (4): extreme risk", RiskMatrix.Describe(4, 4));
        Assert.Equal("Not assessed", RiskMatrix.Describe(4, null));
    }
}
