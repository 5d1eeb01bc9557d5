using Proportion.Core.Model;

namespace Proportion.Core.Tests.Model;

public class NhsNumberTests
{
    [Theory]
    [InlineData("9434765919", "9434765919")]
    [InlineData("943 476 5919", "9434765919")]
    [InlineData("943-476-5919", "9434765919")]
    [InlineData("4010232137", "4010232137")]
    // A check digit of 0: 11 - (sum mod 11) = 11.
    [InlineData("9990000050", "9990000050")]
    public void TryNormalise_AcceptsValidNumbersAsPeopleTypeThem(string typed, string digits)
    {
        Assert.True(NhsNumber.TryNormalise(typed, out var normalised));
        Assert.Equal(digits, normalised);
    }

    [Theory]
    [InlineData("9434765918")] // wrong check digit
    [InlineData("943476591")] // nine digits
    [InlineData("94347659190")] // eleven digits
    [InlineData("94347659A9")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("1000000010")] // the nine digits give a remainder of 1: no valid check digit exists
    public void TryNormalise_RefusesAnythingElse(string? typed)
    {
        Assert.False(NhsNumber.TryNormalise(typed, out _));
    }

    [Fact]
    public void Format_GroupsThreeThreeFour() => Assert.Equal("943 476 5919", NhsNumber.Format("9434765919"));
}
