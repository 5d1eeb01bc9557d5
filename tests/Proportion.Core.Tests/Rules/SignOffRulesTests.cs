using Proportion.Core.Rules;

namespace Proportion.Core.Tests.Rules;

public class SignOffRulesTests
{
    private static readonly Guid House = Guid.CreateVersion7();
    private static readonly Guid Elsewhere = Guid.CreateVersion7();

    private static readonly SignOff Manager = new(SignOffRole.ServiceManager, "Daniel Okafor", [House]);
    private static readonly SignOff ExternalSenior = new(SignOffRole.SeniorManager, "Helen Price", [Elsewhere]);
    private static readonly SignOff SocialWorker = new(SignOffRole.SocialWorker, "Tom Bradley", [], "SW104522", "Northshire Council");
    private static readonly SignOff CommissionerTold = new(SignOffRole.CommissionerInformed, "Fiona Walsh", []);

    private static IReadOnlyList<SignOffRole> RequiredRoles(CapacityToConsent capacity, PersonResponse response) =>
        [.. SignOffRules.Required(new DecisionFacts(capacity, response, House)).Select(r => r.Role)];

    [Fact]
    public void PersonWithCapacityWhoAgrees_NeedsTheServiceManagerOnly()
    {
        Assert.Equal([SignOffRole.ServiceManager], RequiredRoles(CapacityToConsent.HasCapacity, PersonResponse.Agrees));
    }

    [Fact]
    public void PersonWithCapacityWhoAgrees_WithoutTheManager_IsRefusedUnderR3()
    {
        var findings = SignOffRules.Check(new DecisionFacts(CapacityToConsent.HasCapacity, PersonResponse.Agrees, House), []);

        var refusal = Assert.Single(findings);
        Assert.Equal("R3", refusal.Rule);
        Assert.Equal(FindingSeverity.Refusal, refusal.Severity);
        Assert.Contains("even when the person agrees", refusal.Message);
    }

    [Fact]
    public void PersonWithCapacityWhoResists_NeedsASeniorManagerToo_UnderR4()
    {
        var facts = new DecisionFacts(CapacityToConsent.HasCapacity, PersonResponse.Resists, House);

        Assert.Equal([SignOffRole.ServiceManager, SignOffRole.SeniorManager], RequiredRoles(facts.Capacity, facts.Response));
        var refusal = Assert.Single(SignOffRules.Check(facts, [Manager]));
        Assert.Equal("R4", refusal.Rule);
        Assert.Contains("because the person resists it", refusal.Message);
        Assert.Empty(SignOffRules.Check(facts, [Manager, ExternalSenior]));
    }

    [Fact]
    public void PersonLackingCapacity_NeedsManagerSeniorManagerSocialWorkerAndTheCommissionerInformed()
    {
        var facts = new DecisionFacts(CapacityToConsent.LacksCapacity, PersonResponse.NoClearView, House);

        Assert.Equal(
            [SignOffRole.ServiceManager, SignOffRole.SeniorManager, SignOffRole.SocialWorker, SignOffRole.CommissionerInformed],
            RequiredRoles(facts.Capacity, facts.Response));
        var missing = SignOffRules.Check(facts, [Manager]);
        Assert.Equal(["R4", "R5", "R5"], missing.Select(f => f.Rule));
        Assert.Empty(SignOffRules.Check(facts, [Manager, ExternalSenior, SocialWorker, CommissionerTold]));
    }

    [Fact]
    public void SocialWorkerWithoutARegistrationNumber_IsRefused()
    {
        var facts = new DecisionFacts(CapacityToConsent.LacksCapacity, PersonResponse.Agrees, House);
        var unregistered = SocialWorker with { RegistrationNumber = null };

        var refusal = Assert.Single(SignOffRules.Check(facts, [Manager, ExternalSenior, unregistered, CommissionerTold]));

        Assert.Equal("R5", refusal.Rule);
        Assert.Contains("registration number", refusal.Message);
    }

    [Fact]
    public void SeniorManagerFromTheSameService_IsAllowedWithAWarning()
    {
        var facts = new DecisionFacts(CapacityToConsent.HasCapacity, PersonResponse.Resists, House);
        var sameService = ExternalSenior with { SignerServiceIds = [House, Elsewhere] };

        var warning = Assert.Single(SignOffRules.Check(facts, [Manager, sameService]));

        Assert.Equal(FindingSeverity.Warning, warning.Severity);
        Assert.Equal("R4", warning.Rule);
        Assert.Contains("external", warning.Message);
    }
}
