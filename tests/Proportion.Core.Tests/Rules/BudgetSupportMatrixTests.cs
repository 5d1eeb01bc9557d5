using Proportion.Core.Rules;

namespace Proportion.Core.Tests.Rules;

/// <summary>R20: the risk matrix for managing a budget and support, the support needed against the support in place.</summary>
public class BudgetSupportMatrixTests
{
    [Theory]
    [InlineData(SupportLevel.Low, SupportLevel.Low, BudgetRiskBand.Low)]
    [InlineData(SupportLevel.Low, SupportLevel.Medium, BudgetRiskBand.Low)]
    [InlineData(SupportLevel.Low, SupportLevel.High, BudgetRiskBand.Low)]
    [InlineData(SupportLevel.Medium, SupportLevel.Low, BudgetRiskBand.Medium)]
    [InlineData(SupportLevel.Medium, SupportLevel.Medium, BudgetRiskBand.Low)]
    [InlineData(SupportLevel.Medium, SupportLevel.High, BudgetRiskBand.Low)]
    [InlineData(SupportLevel.High, SupportLevel.Low, BudgetRiskBand.High)]
    [InlineData(SupportLevel.High, SupportLevel.Medium, BudgetRiskBand.Medium)]
    [InlineData(SupportLevel.High, SupportLevel.High, BudgetRiskBand.Medium)]
    public void EveryCell_HasItsBand(SupportLevel needed, SupportLevel inPlace, BudgetRiskBand band) =>
        Assert.Equal(band, BudgetSupportMatrix.BandOf(needed, inPlace));

    [Fact]
    public void UntilBothAreChosen_ThereIsNoBand()
    {
        Assert.Null(BudgetSupportMatrix.BandOf(SupportLevel.High, null));
        Assert.Null(BudgetSupportMatrix.BandOf(null, SupportLevel.Low));
        Assert.Null(BudgetSupportMatrix.BandOf((SupportLevel?)9, SupportLevel.Low));
        Assert.Equal("Not assessed", BudgetSupportMatrix.Describe(null, SupportLevel.Low));
    }

    [Fact]
    public void ABand_IsDescribedInWords_WithWhatItMeans()
    {
        Assert.Equal("Support needed: high. Support in place: low. High risk.", BudgetSupportMatrix.Describe(SupportLevel.High, SupportLevel.Low));
        Assert.Contains("Record the plan for this risk", BudgetSupportMatrix.Meaning(BudgetRiskBand.High));
        Assert.Contains("Keep to the usual reviews", BudgetSupportMatrix.Meaning(BudgetRiskBand.Low));
        Assert.All(Enum.GetValues<BudgetRiskBand>(), b => Assert.False(string.IsNullOrWhiteSpace(BudgetSupportMatrix.Meaning(b))));
    }

    [Fact]
    public void MoreSupportThanNeeded_IsNamed_OnlyWhenItIsMore()
    {
        Assert.True(BudgetSupportMatrix.MoreThanNeeded(SupportLevel.Low, SupportLevel.High));
        Assert.False(BudgetSupportMatrix.MoreThanNeeded(SupportLevel.Medium, SupportLevel.Medium));
        Assert.False(BudgetSupportMatrix.MoreThanNeeded(SupportLevel.High, SupportLevel.Low));
        Assert.False(BudgetSupportMatrix.MoreThanNeeded(null, SupportLevel.High));
    }
}
