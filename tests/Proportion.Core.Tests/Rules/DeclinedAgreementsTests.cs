using Proportion.Core.Rules;

namespace Proportion.Core.Tests.Rules;

public class DeclinedAgreementsTests
{
    private static readonly Guid House = Guid.CreateVersion7();
    private static readonly Guid Elsewhere = Guid.CreateVersion7();

    [Fact]
    public void ADeclineStanding_RefusesAgreement_UnderTheRuleOfTheRoleThatDeclined()
    {
        var findings = DeclinedAgreements.Check([new DeclineFacts(SignOffRole.SeniorManager, "Helen Price", "A crash mat was not tried", Answered: false)]);

        var refusal = Assert.Single(findings);
        Assert.Equal(FindingSeverity.Refusal, refusal.Severity);
        Assert.Equal("R4", refusal.Rule);
        Assert.Equal("§5.10", refusal.Source);
        Assert.Contains("Helen Price declined to agree as senior manager: A crash mat was not tried", refusal.Message);
    }

    [Fact]
    public void AnAnsweredDecline_RefusesNothing_ButEachStandingOneDoes()
    {
        Assert.Empty(DeclinedAgreements.Check([new DeclineFacts(SignOffRole.SocialWorker, "Tom Bradley", "No IMCA", Answered: true)]));
        var both = DeclinedAgreements.Check(
        [
            new DeclineFacts(SignOffRole.SocialWorker, "Tom Bradley", "No IMCA", Answered: false),
            new DeclineFacts(SignOffRole.ServiceManager, "Daniel Okafor", "Not yet", Answered: false),
        ]);
        Assert.Equal(["R5", "R3"], both.Select(f => f.Rule));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ADecline_WithoutReasons_IsRefused(string? reasons)
    {
        var refusal = DeclinedAgreements.CheckReasons(SignOffRole.SocialWorker, reasons);

        Assert.NotNull(refusal);
        Assert.Equal("Reasons", refusal.Field);
        Assert.Equal("R5", refusal.Rule);
        Assert.Null(DeclinedAgreements.CheckReasons(SignOffRole.SocialWorker, "The person was not asked"));
    }

    [Fact]
    public void GivingAnAgreement_WhileADeclineStands_IsRefused_AndAllowedOnceItIsAnswered()
    {
        var standing = new DeclineFacts(SignOffRole.SeniorManager, "Helen Price", "Reasons", Answered: false);

        Assert.NotNull(DeclinedAgreements.BeforeAgreeing(SignOffRole.SocialWorker, [standing]));
        Assert.Null(DeclinedAgreements.BeforeAgreeing(SignOffRole.SocialWorker, [standing with { Answered = true }]));
        Assert.Null(DeclinedAgreements.BeforeAgreeing(SignOffRole.SocialWorker, []));
    }

    [Fact]
    public void OnlyAgreementsAPersonGives_CanBeDeclined()
    {
        Assert.True(DeclinedAgreements.CanBeDeclined(SignOffRole.ServiceManager));
        Assert.True(DeclinedAgreements.CanBeDeclined(SignOffRole.SeniorManager));
        Assert.True(DeclinedAgreements.CanBeDeclined(SignOffRole.SocialWorker));
        Assert.False(DeclinedAgreements.CanBeDeclined(SignOffRole.CommissionerInformed));
    }

    [Fact]
    public void ASeniorManagerInTheService_IsWarnedBeforeAgreeing_AnExternalOneIsNot()
    {
        var facts = new DecisionFacts(CapacityToConsent.LacksCapacity, PersonResponse.NoClearView, House);

        var warning = SignOffRules.BeforeSeniorManagerAgrees(facts, [House, Elsewhere]);

        Assert.NotNull(warning);
        Assert.Equal(FindingSeverity.Warning, warning.Severity);
        Assert.Equal("R4", warning.Rule);
        Assert.Contains("You work in this service", warning.Message);
        Assert.Null(SignOffRules.BeforeSeniorManagerAgrees(facts, [Elsewhere]));
        // No warning where no senior manager's agreement is needed at all.
        Assert.Null(SignOffRules.BeforeSeniorManagerAgrees(new DecisionFacts(CapacityToConsent.HasCapacity, PersonResponse.Agrees, House), [House]));
    }
}
