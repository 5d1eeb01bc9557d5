using Proportion.Core.Analytics;
using Proportion.Core.Model;

namespace Proportion.Core.Tests.Analytics;

public class EqualityBreakdownTests
{
    private static PersonInWindow Person(Sex? sex, int incidents, int interventions = 0, EthnicCategory? ethnicity = null, AgeBand age = AgeBand.From25To34) =>
        new(new EqualityAnswers(ethnicity, sex, null, null, null), age, incidents, interventions);

    private static GroupFigures Group(IReadOnlyList<CharacteristicBreakdown> breakdowns, Characteristic c, string group) =>
        breakdowns.Single(b => b.Characteristic == c).Groups.Single(g => g.Group == group);

    [Fact]
    public void EachGroup_CountsItsPeople_ThoseRestrained_AndTheirIncidents()
    {
        var breakdowns = EqualityBreakdown.Of([
            Person(Sex.Female, 3, 5), Person(Sex.Female, 0), Person(Sex.Female, 1, 1), Person(Sex.Female, 0),
            Person(Sex.Male, 0), Person(Sex.PreferNotToSay, 2, 2), Person(null, 0)]);

        var women = Group(breakdowns, Characteristic.Sex, "Female");
        Assert.Equal(new GroupFigures("Female", 4, 2, 4, 6), women);
        Assert.Equal(1.0, women.IncidentsPerPerson);
        Assert.Equal(1.5, women.InterventionsPerPerson);
        Assert.Equal(0.5, women.ShareRestrained);
        Assert.Equal(new GroupFigures("Prefer not to say", 1, 1, 2, 2), Group(breakdowns, Characteristic.Sex, "Prefer not to say"));
        Assert.Equal(new GroupFigures("Not recorded", 1, 0, 0, 0), Group(breakdowns, Characteristic.Sex, "Not recorded"));
        var everyone = breakdowns.Single(b => b.Characteristic == Characteristic.Sex).Everyone;
        Assert.Equal(new GroupFigures("Everyone", 7, 3, 6, 8), everyone);
        Assert.Equal(3.0 / 7, everyone.ShareRestrained);
    }

    [Fact]
    public void AGroupWithNobody_IsListed_WithNoRate_RatherThanZero()
    {
        var breakdowns = EqualityBreakdown.Of([Person(Sex.Female, 2)]);

        var men = Group(breakdowns, Characteristic.Sex, "Male");
        Assert.Equal(0, men.People);
        Assert.Null(men.IncidentsPerPerson);
        Assert.Null(men.ShareRestrained);
        var notKnown = Group(breakdowns, Characteristic.EthnicGroup, "Not known");
        Assert.Null(notKnown.IncidentsPerPerson);
    }

    [Fact]
    public void NoPeopleAtAll_GivesEveryGroupAndEveryoneNoRate()
    {
        var breakdowns = EqualityBreakdown.Of([]);

        Assert.Equal(Enum.GetValues<Characteristic>(), breakdowns.Select(b => b.Characteristic));
        Assert.All(breakdowns, b =>
        {
            Assert.Null(b.Everyone.IncidentsPerPerson);
            Assert.Null(b.Everyone.ShareRestrained);
            Assert.All(b.Groups, g => Assert.Equal(0, g.People));
        });
    }

    [Fact]
    public void PeopleWhoWereRestrainedButHadNoIncidentInTheWindow_AreNotCountedAsRestrained()
    {
        var figures = EqualityBreakdown.Of([Person(Sex.Male, 0), Person(Sex.Male, 0)]).Single(b => b.Characteristic == Characteristic.Sex).Everyone;

        Assert.Equal(0.0, figures.ShareRestrained);
        Assert.Equal(0.0, figures.IncidentsPerPerson);
    }

    [Fact]
    public void EthnicityIsCountedByBroadGroup_WithDecliningAndNotKnownApart()
    {
        var breakdowns = EqualityBreakdown.Of([
            Person(null, 1, ethnicity: EthnicCategory.WhiteIrish), Person(null, 0, ethnicity: EthnicCategory.WhiteBritish),
            Person(null, 2, ethnicity: EthnicCategory.BlackAfrican), Person(null, 0, ethnicity: EthnicCategory.NotStated),
            Person(null, 0, ethnicity: EthnicCategory.NotKnown), Person(null, 0)]);

        var ethnicity = breakdowns.Single(b => b.Characteristic == Characteristic.EthnicGroup);
        Assert.Equal(["White", "Mixed", "Asian or Asian British", "Black or Black British", "Other ethnic groups", "Prefer not to say", "Not known", "Not recorded"],
            ethnicity.Groups.Select(g => g.Group));
        Assert.Equal([2, 0, 0, 1, 0, 1, 1, 1], ethnicity.Groups.Select(g => g.People));
        Assert.Equal(0.5, Group(breakdowns, Characteristic.EthnicGroup, "White").ShareRestrained);
    }

    [Fact]
    public void AgeBands_AreAlwaysKnown_SoHaveNoNotRecordedRow()
    {
        var ages = EqualityBreakdown.Of([Person(null, 1, age: AgeBand.From85)]).Single(b => b.Characteristic == Characteristic.AgeBand);

        Assert.DoesNotContain(ages.Groups, g => g.Group == EqualityBreakdown.NotRecorded);
        Assert.Equal(1, ages.Groups.Single(g => g.Group == "85 and over").People);
    }

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(3, 0, null)]
    [InlineData(0, 4, 0.0)]
    [InlineData(3, 4, 0.75)]
    public void Ratio_IsNullWithNothingToDivideBy(int count, int of, double? expected) =>
        Assert.Equal(expected, EqualityBreakdown.Ratio(count, of));
}
