using Proportion.Core.Model;

namespace Proportion.Core.Tests.Model;

public class AgeBandTests
{
    [Theory]
    [InlineData("2010-11-19", "2026-11-18", AgeBand.Under16)] // 16 tomorrow
    [InlineData("2010-11-18", "2026-11-18", AgeBand.From16To17)] // 16 today
    [InlineData("2008-11-19", "2026-11-18", AgeBand.From16To17)] // 18 tomorrow
    [InlineData("2008-11-18", "2026-11-18", AgeBand.From18To24)]
    [InlineData("2001-11-19", "2026-11-18", AgeBand.From18To24)] // 24 until tomorrow
    [InlineData("2001-11-18", "2026-11-18", AgeBand.From25To34)]
    [InlineData("1991-11-18", "2026-11-18", AgeBand.From35To44)]
    [InlineData("1981-11-18", "2026-11-18", AgeBand.From45To54)]
    [InlineData("1971-11-18", "2026-11-18", AgeBand.From55To64)]
    [InlineData("1961-11-18", "2026-11-18", AgeBand.From65To74)]
    [InlineData("1951-11-18", "2026-11-18", AgeBand.From75To84)]
    [InlineData("1941-11-19", "2026-11-18", AgeBand.From75To84)] // 85 tomorrow
    [InlineData("1941-11-18", "2026-11-18", AgeBand.From85)]
    [InlineData("1920-01-01", "2026-11-18", AgeBand.From85)]
    public void EachBand_StartsOnTheBirthdayThatReachesIt(string born, string on, AgeBand band) =>
        Assert.Equal(band, AgeBands.Of(DateOnly.Parse(born), DateOnly.Parse(on)));

    [Theory]
    [InlineData("2025-02-28", 16)] // born on 29 February: not 17 until 1 March in a year without one
    [InlineData("2025-03-01", 17)]
    [InlineData("2028-02-28", 19)]
    [InlineData("2028-02-29", 20)]
    public void ALeapDayBirthday_CountsFromTheFirstOfMarch(string on, int age) =>
        Assert.Equal(age, AgeBands.AgeOn(new DateOnly(2008, 2, 29), DateOnly.Parse(on)));
}

public class EthnicCategoryTests
{
    [Fact]
    public void EveryCategory_HasItsNhsCode_AndComesBackFromIt()
    {
        Assert.Equal("ABCDEFGHJKLMNPRSZ", string.Concat(Enum.GetValues<EthnicCategory>().Where(c => c != EthnicCategory.NotKnown).Select(c => c.Code())));
        Assert.Equal("99", EthnicCategory.NotKnown.Code());
        Assert.All(Enum.GetValues<EthnicCategory>(), c => Assert.Equal(c, EthnicCategories.FromCode(c.Code())));
        Assert.Throws<ArgumentOutOfRangeException>(() => EthnicCategories.FromCode("I"));
    }

    [Fact]
    public void CategoriesAreGrouped_AndDecliningBelongsToNoGroup()
    {
        Assert.Equal(EthnicGroup.Mixed, EthnicCategory.MixedWhiteAndAsian.Group());
        Assert.Equal(EthnicGroup.Other, EthnicCategory.Chinese.Group());
        Assert.Null(EthnicCategory.NotStated.Group());
        Assert.Equal("Black or Black British: Caribbean", EthnicCategory.BlackCaribbean.FullName());
        Assert.Equal("Prefer not to say", EthnicCategory.NotStated.FullName());
    }
}
