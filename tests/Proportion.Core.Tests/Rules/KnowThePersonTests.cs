using Proportion.Core.Plans.Profiles;
using Proportion.Core.Rules;

namespace Proportion.Core.Tests.Rules;

/// <summary>R23: a profile is agreed only when every part but trauma history is written, and how the person took part.</summary>
public class KnowThePersonTests
{
    private static readonly ProfileContent Complete = new()
    {
        WhatMattersToMe = "My dog", StrengthsAndSkills = "Cooking", WhatTriggersDistress = "Crowds", EarlyWarningSigns = "Goes quiet",
        WhatHelpsMeFeelSafe = "A quiet room", HowICommunicate = "Speech", HowThisWasWritten = "With me and my sister",
    };

    [Fact]
    public void ACompleteProfile_WithoutTraumaHistory_HasNoFindings() =>
        Assert.Empty(KnowThePerson.Findings(Complete));

    [Fact]
    public void AnEmptyProfile_IsRefusedOncePerRequiredPart_AtItsField()
    {
        var findings = KnowThePerson.Findings(new ProfileContent());
        Assert.Equal(
            ["WhatMattersToMe", "StrengthsAndSkills", "WhatTriggersDistress", "EarlyWarningSigns", "WhatHelpsMeFeelSafe", "HowICommunicate", "HowThisWasWritten"],
            findings.Select(f => f.Field));
        Assert.All(findings, f =>
        {
            Assert.Equal("R23", f.Rule);
            Assert.Equal(FindingSeverity.Refusal, f.Severity);
        });
        Assert.DoesNotContain(findings, f => f.Field == nameof(ProfileContent.TraumaHistory));
    }

    [Theory]
    [InlineData(nameof(ProfileContent.HowThisWasWritten), "Write how the person took part in writing their profile, and who else helped")]
    [InlineData(nameof(ProfileContent.EarlyWarningSigns), "Write the early signs that the person is becoming distressed")]
    public void AMissingPart_IsNamed(string field, string message)
    {
        var profile = field == nameof(ProfileContent.HowThisWasWritten) ? Complete with { HowThisWasWritten = "  " } : Complete with { EarlyWarningSigns = null };
        var finding = Assert.Single(KnowThePerson.Findings(profile));
        Assert.Equal(field, finding.Field);
        Assert.Equal(message, finding.Message);
    }

    [Fact]
    public async Task TheGate_AsksTheRule() =>
        Assert.Equal(KnowThePerson.Findings(new ProfileContent()),
            await new ProfileGate().FindingsAsync(null!, new ProfileContent(), default));
}
