using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Core.Tests.Rules;

public class LibertyScreeningTests
{
    private static readonly DateOnly Agreed = new(2026, 11, 20);

    private static PracticeForLiberty P(PracticeCategory category, bool lacksCapacity = true, DateOnly? agreedOn = null) =>
        new($"{category}", category, agreedOn ?? Agreed, lacksCapacity);

    [Theory]
    [InlineData(PracticeCategory.EnvironmentalRestraint)]
    [InlineData(PracticeCategory.EnforcedSupervision)]
    [InlineData(PracticeCategory.Seclusion)]
    [InlineData(PracticeCategory.LongTermSegregation)]
    public void OneConfiningPractice_ForAPersonLackingCapacity_PromptsAScreening(PracticeCategory category)
    {
        var prompt = LibertyScreeningPrompt.Evaluate([P(category)], lastScreenedOn: null, authorisedOrApplied: false);

        Assert.NotNull(prompt);
        Assert.Equal(Agreed, prompt.Since);
        Assert.Contains("No screening has been recorded", prompt.Message);
    }

    [Fact]
    public void SurveillanceAlone_DoesNotPrompt_ButWithARestrictionOfChoiceItDoes()
    {
        Assert.Null(LibertyScreeningPrompt.Evaluate([P(PracticeCategory.SurveillanceAndMonitoring)], null, false));
        Assert.NotNull(LibertyScreeningPrompt.Evaluate([P(PracticeCategory.SurveillanceAndMonitoring), P(PracticeCategory.RestrictionOfChoice)], null, false));
    }

    [Fact]
    public void APersonWithCapacity_IsNotPrompted() =>
        Assert.Null(LibertyScreeningPrompt.Evaluate([P(PracticeCategory.EnvironmentalRestraint, lacksCapacity: false)], null, false));

    [Fact]
    public void AScreeningOnOrAfterTheLatestAgreement_OrAnAuthorisation_AnswersThePrompt()
    {
        var practices = new[] { P(PracticeCategory.EnvironmentalRestraint, agreedOn: Agreed.AddDays(-30)), P(PracticeCategory.EnforcedSupervision) };

        Assert.Null(LibertyScreeningPrompt.Evaluate(practices, Agreed, false));
        Assert.Null(LibertyScreeningPrompt.Evaluate(practices, null, authorisedOrApplied: true));
        var stale = LibertyScreeningPrompt.Evaluate(practices, Agreed.AddDays(-1), false);
        Assert.NotNull(stale);
        Assert.Contains("was before the latest of them was agreed", stale.Message);
    }

    [Fact]
    public void APersonWithCapacityWhoConsents_IsNotDeprived_NoAuthorisationNeeded()
    {
        var refusal = Assert.Single(LibertyConsent.Check(ArrangementsCapacity.HasCapacity, true, LibertyConclusion.LikelyDeprivation));

        Assert.Equal(FindingSeverity.Refusal, refusal.Severity);
        Assert.Contains("is not deprived of their liberty: no authorisation is needed", refusal.Message);
        Assert.Empty(LibertyConsent.Check(ArrangementsCapacity.HasCapacity, true, LibertyConclusion.NotDeprivation));
        Assert.Contains("no authorisation route is needed", LibertyConsent.Meaning(ArrangementsCapacity.HasCapacity, true));
    }

    [Fact]
    public void APersonWithCapacityWhoDoesNotConsent_CannotBeAuthorisedUnderTheMCA()
    {
        var warning = Assert.Single(LibertyConsent.Check(ArrangementsCapacity.HasCapacity, false, LibertyConclusion.LikelyDeprivation));

        Assert.Equal(FindingSeverity.Warning, warning.Severity);
        Assert.Contains("neither DoLS nor the Court of Protection can be used", warning.Message);
        Assert.Equal(FindingSeverity.Refusal, Assert.Single(LibertyConsent.Check(ArrangementsCapacity.HasCapacity, null, LibertyConclusion.Unclear)).Severity);
        Assert.Empty(LibertyConsent.Check(ArrangementsCapacity.LacksCapacity, null, LibertyConclusion.LikelyDeprivation));
        Assert.Empty(LibertyConsent.Check(null, null, LibertyConclusion.LikelyDeprivation));
    }
}
