using Proportion.Core.Rules;

namespace Proportion.Core.Tests.Rules;

public class BlanketRuleTests
{
    [Theory]
    [InlineData(3, 6)] // exactly half
    [InlineData(5, 6)]
    [InlineData(2, 2)]
    public void MostPeopleRestricted_IsAWarningToChallenge(int restricted, int inService)
    {
        var warning = BlanketRule.Check("Front door locked", restricted, inService);

        Assert.NotNull(warning);
        Assert.Equal(FindingSeverity.Warning, warning.Severity);
        Assert.Equal("R12", warning.Rule);
        Assert.Contains($"{restricted} of the {inService} people", warning.Message);
    }

    [Theory]
    [InlineData(2, 6)]
    [InlineData(1, 1)] // one person is not a blanket rule
    [InlineData(0, 0)]
    public void FewerThanTheThreshold_IsNotFlagged(int restricted, int inService) =>
        Assert.Null(BlanketRule.Check("Front door locked", restricted, inService));

    [Fact]
    public void Threshold_IsConfigurable()
    {
        Assert.Null(BlanketRule.Check("Kitchen locked", 3, 6, threshold: 0.75));
        Assert.NotNull(BlanketRule.Check("Kitchen locked", 2, 6, threshold: 0.3));
        Assert.Throws<ArgumentOutOfRangeException>(() => BlanketRule.Check("Kitchen locked", 2, 6, threshold: 0));
    }
}
