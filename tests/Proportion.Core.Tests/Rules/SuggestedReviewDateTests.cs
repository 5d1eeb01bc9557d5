using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Core.Tests.Rules;

public class SuggestedReviewDateTests
{
    private static readonly DateOnly Agreed = new(2026, 11, 22);

    [Theory]
    [InlineData(PracticeCategory.PhysicalRestraint, 2027, 2, 22)]
    [InlineData(PracticeCategory.CovertMedication, 2027, 2, 22)]
    [InlineData(PracticeCategory.EnvironmentalRestraint, 2027, 5, 22)]
    [InlineData(PracticeCategory.SurveillanceAndMonitoring, 2027, 5, 22)]
    public void MoreRestrictiveCategories_AreSuggestedSooner(PracticeCategory category, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), SuggestedReviewDate.For(category, Agreed));

    [Fact]
    public void EverySuggestion_PassesRuleR1() =>
        Assert.All(Enum.GetValues<PracticeCategory>(), c => Assert.Null(ReviewDateWithinAYear.Check(Agreed, SuggestedReviewDate.For(c, Agreed))));
}
