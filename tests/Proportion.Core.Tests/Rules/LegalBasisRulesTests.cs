using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Core.Tests.Rules;

public class LegalBasisRulesTests
{
    private const CapacityToConsent Has = CapacityToConsent.HasCapacity;
    private const CapacityToConsent Lacks = CapacityToConsent.LacksCapacity;

    [Fact]
    public void ConsentOfAPersonWithCapacityWhoAgrees_IsALawfulBasis() =>
        Assert.Empty(LegalBasisRules.Check(LegalBasis.Consent, null, Has, PersonResponse.Agrees));

    [Fact]
    public void BestInterestsForAPersonLackingCapacity_IsALawfulBasis_EvenWhenTheyResist() =>
        Assert.Empty(LegalBasisRules.Check(LegalBasis.BestInterests, null, Lacks, PersonResponse.Resists));

    [Fact]
    public void NoBasisChosen_IsRefused()
    {
        var refusal = Assert.Single(LegalBasisRules.Check(null, null, Has, PersonResponse.Agrees));

        Assert.Equal(LegalBasisRules.Rule, refusal.Rule);
        Assert.Equal("LegalBasis", refusal.Field);
        Assert.Equal(FindingSeverity.Refusal, refusal.Severity);
    }

    [Theory]
    [InlineData(LegalBasis.Consent)]
    [InlineData(LegalBasis.BestInterests)]
    [InlineData(LegalBasis.DolsOrCourtOfProtection)]
    [InlineData(null)]
    public void APersonWithCapacityWhoObjects_IsNotOverridden_AndIsToldTheLawfulRoutes(LegalBasis? basis)
    {
        var refusal = Assert.Single(LegalBasisRules.Check(basis, "Order 123", Has, PersonResponse.Resists));

        Assert.Equal(FindingSeverity.Refusal, refusal.Severity);
        Assert.Equal(LegalBasisRules.CapacityAndObjectsMessage, refusal.Message);
        Assert.Contains("stop", refusal.Message);
        Assert.Contains("alternative", refusal.Message);
        Assert.Contains("legal advice", refusal.Message);
        Assert.Contains("Mental Health Act", refusal.Message);
    }

    [Theory]
    [InlineData(LegalBasis.MentalHealthAct)]
    [InlineData(LegalBasis.OtherCourtOrderOrStatute)]
    public void APersonWithCapacityWhoObjects_MayBeRestrictedUnderAnotherLegalAuthority_NamedInDetail(LegalBasis basis)
    {
        Assert.Empty(LegalBasisRules.Check(basis, "Section 3, Mental Health Act 1983", Has, PersonResponse.Resists));
        Assert.Equal("LegalBasisDetail", Assert.Single(LegalBasisRules.Check(basis, " ", Has, PersonResponse.Resists)).Field);
    }

    [Fact]
    public void Consent_WhenThePersonLacksCapacity_IsRefused()
    {
        var refusal = Assert.Single(LegalBasisRules.Check(LegalBasis.Consent, null, Lacks, PersonResponse.Agrees));

        Assert.Contains("lacks capacity", refusal.Message);
    }

    [Theory]
    [InlineData(PersonResponse.NoClearView)]
    [InlineData(null)]
    public void Consent_WithoutTheirAgreement_IsRefused(PersonResponse? response) =>
        Assert.Contains("only when the person agrees", Assert.Single(LegalBasisRules.Check(LegalBasis.Consent, null, Has, response)).Message);

    [Theory]
    [InlineData(LegalBasis.BestInterests)]
    [InlineData(LegalBasis.DolsOrCourtOfProtection)]
    public void MentalCapacityActAuthority_ForAPersonWithCapacity_IsRefused(LegalBasis basis) =>
        Assert.Contains("only when the person lacks capacity", Assert.Single(LegalBasisRules.Check(basis, "Ref 1", Has, PersonResponse.Agrees)).Message);

    [Fact]
    public void ADolsAuthorisationOrCourtOrder_NamesWhichOne() =>
        Assert.Equal("LegalBasisDetail", Assert.Single(LegalBasisRules.Check(LegalBasis.DolsOrCourtOfProtection, null, Lacks, PersonResponse.Resists)).Field);

    [Fact]
    public void CapacityNotYetConcluded_OnlyTheMissingDetailIsNamed() =>
        Assert.Empty(LegalBasisRules.Check(LegalBasis.BestInterests, null, null, null));
}
