using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Core.Tests.Rules;

/// <summary>R20: what was raised, the consent gate, the outcome questions and the advocacy requirement.</summary>
public sealed class SafeguardingRulesTests
{
    private const string Name = "Peggy Hughes";

    /// <summary>A concern with everything answered, the person agreeing.</summary>
    private static SafeguardingConcern Complete() => new()
    {
        PersonName = Name, ServiceName = "Oakfield House", ProviderName = "Oakfield Care",
        Source = ConcernSource.Observed,
        Kinds = HarmKinds.Financial,
        WhatHappened = "Peggy said her nephew took £50 from her purse.",
        AllegedSourceKind = AllegedSourceKind.FamilyOrFriend,
        ImmediateAction = "Purse kept in the office safe with Peggy's agreement.",
        Consent = ConsentAnswer.Given,
        OutcomesWanted = "I want my money back and I still want to see him.",
        HowPersonTakesPart = "Meetings at home with her key worker.",
        AdvocacyOffered = true,
        SubstantialDifficulty = false,
    };

    /// <summary>The same concern going ahead without the person's agreement, with a lawful reason, and the person told.</summary>
    private static SafeguardingConcern WithoutConsent()
    {
        var c = Complete();
        c.Consent = ConsentAnswer.Refused;
        c.ProceedReasons = ProceedWithoutConsent.OthersAtRisk;
        c.ProceedExplanation = "He visits two other residents.";
        c.PersonTold = true;
        c.PersonToldNote = "Told by her key worker on Tuesday; she was upset but understood.";
        return c;
    }

    private static IReadOnlyDictionary<string, string> Fields(IEnumerable<Finding> findings) =>
        findings.Where(f => f.Severity == FindingSeverity.Refusal).ToDictionary(f => f.Field, f => f.Message);

    [Fact]
    public void AConcern_WithEverythingAnswered_CanBeSent()
    {
        Assert.Empty(SafeguardingRules.ForSending(Complete(), Name));
        Assert.Empty(SafeguardingRules.ForSending(WithoutConsent(), Name));
    }

    [Fact]
    public void AnEmptyDraft_NamesEverythingMissing_InTheOrderOfTheQuestions()
    {
        var empty = new SafeguardingConcern { PersonName = Name, ServiceName = "", ProviderName = "" };
        var findings = SafeguardingRules.ForSending(empty, Name);
        Assert.Equal(["Kinds", "WhatHappened", "AllegedSourceKind", "ImmediateAction", "Consent", "OutcomesWanted", "HowPersonTakesPart", "AdvocacyOffered", "SubstantialDifficulty"],
            findings.Select(f => f.Field));
        Assert.All(findings, f => Assert.Equal("R20", f.Rule));
        Assert.Equal([ConcernPart.WhatHappened, ConcernPart.WhatHappened, ConcernPart.Who, ConcernPart.Action, ConcernPart.Consent, ConcernPart.Voice,
            ConcernPart.Voice, ConcernPart.Advocacy, ConcernPart.Advocacy], findings.Select(f => SafeguardingRules.PartOf(f.Field)));
    }

    [Fact]
    public void ConsentGate_WhenThePersonAgrees_AsksNothingMore() => Assert.Empty(SafeguardingRules.ConsentGate(Complete(), Name));

    [Fact]
    public void ConsentGate_WhenNotAnswered_AsksWhetherThePersonAgreed()
    {
        var c = Complete();
        c.Consent = null;
        var fields = Fields(SafeguardingRules.ConsentGate(c, Name));
        Assert.Equal(["Consent"], fields.Keys);
        Assert.Contains("Peggy Hughes agreed", fields["Consent"]);
    }

    [Theory]
    [InlineData(ConsentAnswer.Refused)]
    [InlineData(ConsentAnswer.NotAbleToConsent)]
    public void ConsentGate_GoingAheadWithoutAgreement_NeedsALawfulReasonExplainedAndThePersonTold(ConsentAnswer answer)
    {
        var c = Complete();
        c.Consent = answer;
        var fields = Fields(SafeguardingRules.ConsentGate(c, Name));
        Assert.Equal(["PersonTold", "ProceedExplanation", "ProceedReasons"], fields.Keys.Order());
        Assert.Contains("reason the law accepts", fields["ProceedReasons"]);
        Assert.Contains("do not send it", fields["ProceedReasons"]);
    }

    [Fact]
    public void ConsentGate_ALackOfCapacity_NeedsTheBestInterestsDecision()
    {
        var c = WithoutConsent();
        c.Consent = ConsentAnswer.NotAbleToConsent;
        c.ProceedReasons = ProceedWithoutConsent.LacksCapacity;
        Assert.True(SafeguardingRules.NeedsBestInterests(c));
        var fields = Fields(SafeguardingRules.ConsentGate(c, Name));
        Assert.Equal(["BestInterestsDecision"], fields.Keys);
        Assert.Contains("best-interests decision", fields["BestInterestsDecision"]);

        c.BestInterestsDecision = "Capacity assessed by the manager on 1 December; she could not weigh the risk. Her daughter and the GP were consulted.";
        Assert.Empty(SafeguardingRules.ConsentGate(c, Name));
    }

    [Fact]
    public void ConsentGate_OtherReasons_NeedNoBestInterestsDecision()
    {
        var c = WithoutConsent();
        c.ProceedReasons = ProceedWithoutConsent.RiskOfDeathOrSeriousInjury | ProceedWithoutConsent.Coercion;
        Assert.False(SafeguardingRules.NeedsBestInterests(c));
        Assert.Empty(SafeguardingRules.ConsentGate(c, Name));
    }

    [Fact]
    public void ConsentGate_NotToldYet_NeedsTheReasonTellingWouldIncreaseTheRisk()
    {
        var c = WithoutConsent();
        c.PersonTold = false;
        c.PersonToldNote = null;
        var fields = Fields(SafeguardingRules.ConsentGate(c, Name));
        Assert.Equal(["PersonToldNote"], fields.Keys);
        Assert.Contains("greater risk", fields["PersonToldNote"]);

        c.PersonToldNote = "Her nephew is with her most evenings and reads her messages; telling her now could warn him.";
        Assert.Empty(SafeguardingRules.ConsentGate(c, Name));
        Assert.False(SafeguardingRules.PersonStillToBeTold(c));
        c.Status = SafeguardingStatus.Sent;
        Assert.True(SafeguardingRules.PersonStillToBeTold(c));
    }

    [Fact]
    public void ConsentGate_Told_NeedsHowAndWhen()
    {
        var c = WithoutConsent();
        c.PersonToldNote = " ";
        Assert.Equal("Enter how and when Peggy Hughes was told", Fields(SafeguardingRules.ConsentGate(c, Name))["PersonToldNote"]);
    }

    [Fact]
    public void AdvocacyRequirement_AdvocacyMustBeOffered()
    {
        var c = Complete();
        c.AdvocacyOffered = null;
        Assert.Contains("was offered an advocate", Fields(SafeguardingRules.AdvocacyRequirement(c, Name))["AdvocacyOffered"]);
        c.AdvocacyOffered = false;
        Assert.StartsWith("Offer Peggy Hughes an advocate", Fields(SafeguardingRules.AdvocacyRequirement(c, Name))["AdvocacyOffered"]);
    }

    [Fact]
    public void AdvocacyRequirement_SubstantialDifficultyWithNoAppropriatePerson_RequiresAnIndependentAdvocate()
    {
        var c = Complete();
        c.SubstantialDifficulty = true;
        Assert.True(SafeguardingRules.AdvocateRequired(c));
        var fields = Fields(SafeguardingRules.AdvocacyRequirement(c, Name));
        Assert.Equal(["AdvocateName"], fields.Keys);
        Assert.Contains("s.68", fields["AdvocateName"]);

        c.AdvocateName = "Northshire Advocacy Hub";
        Assert.Empty(SafeguardingRules.AdvocacyRequirement(c, Name));
    }

    [Fact]
    public void AdvocacyRequirement_AnAppropriatePerson_MeansNoIndependentAdvocateIsRequired()
    {
        var c = Complete();
        c.SubstantialDifficulty = true;
        c.AppropriatePerson = "Ann Hughes, her sister";
        Assert.False(SafeguardingRules.AdvocateRequired(c));
        Assert.Empty(SafeguardingRules.AdvocacyRequirement(c, Name));
    }

    [Fact]
    public void AdvocacyRequirement_SubstantialDifficultyMustBeConsidered()
    {
        var c = Complete();
        c.SubstantialDifficulty = null;
        Assert.Equal(["SubstantialDifficulty"], Fields(SafeguardingRules.AdvocacyRequirement(c, Name)).Keys);
    }

    [Fact]
    public void OutcomeQuestions_NeedTheOutcomesInTheirWordsAndHowTheyTakePart()
    {
        var c = Complete();
        Assert.Empty(SafeguardingRules.OutcomeQuestions(c, Name));
        c.OutcomesWanted = "";
        c.HowPersonTakesPart = null;
        var fields = Fields(SafeguardingRules.OutcomeQuestions(c, Name));
        Assert.Equal(["HowPersonTakesPart", "OutcomesWanted"], fields.Keys.Order());
        Assert.Contains("in their words", fields["OutcomesWanted"]);
        Assert.All(SafeguardingRules.OutcomeQuestions(c, Name), f => Assert.Equal("Making Safeguarding Personal", f.Source));
    }

    [Fact]
    public void ADraft_IsDueToBeSentWithinADay() =>
        Assert.Equal(new DateTime(2026, 12, 4, 23, 30, 0), SafeguardingRules.SendBy(new DateTime(2026, 12, 3, 23, 30, 0)));
}
