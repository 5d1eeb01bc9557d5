using Proportion.Core.Analytics;
using Proportion.Core.Model;

namespace Proportion.Core.Tests.Analytics;

public class IncidentPatternsTests
{
    private static readonly PatternWindow Window = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
    private static readonly Guid House = Guid.NewGuid();

    private static PatternIncident At(DateTime utc, string place = "Lounge", InterventionReason reason = InterventionReason.PreventViolenceToOthers) =>
        new(Guid.NewGuid(), House, utc, place, reason);

    private static IncidentPatterns Of(params PatternIncident[] incidents) => IncidentPatterns.From(Window, incidents, [], [], []);

    [Fact]
    public void TimeOfDay_IsReadOnAClockInEngland_InSummerAndWinter()
    {
        // 23:30 UTC on Sunday 5 July is 00:30 on Monday in England (BST); 23:30 UTC on Sunday 6 December is still Sunday.
        var patterns = Of(At(new DateTime(2026, 7, 5, 23, 30, 0, DateTimeKind.Utc)), At(new DateTime(2026, 12, 6, 23, 30, 0, DateTimeKind.Utc)));

        Assert.Equal(1, patterns.TimeOfDay[0][0]);
        Assert.Equal(1, patterns.TimeOfDay[7][6]);
        Assert.Equal(2, patterns.TimeOfDay.SelectMany(r => r).Sum());
    }

    [Theory]
    [InlineData(2, 59, 0)]
    [InlineData(3, 0, 1)]
    [InlineData(20, 59, 6)]
    [InlineData(21, 0, 7)]
    public void ABand_HoldsThreeHours_FromItsFirst(int hour, int minute, int band) =>
        Assert.Equal(band, IncidentPatterns.CellOf(new DateTime(2026, 12, 1, hour, minute, 0, DateTimeKind.Utc)).Band);

    [Fact]
    public void BandLabels_RunFromMidnightToMidnight() =>
        Assert.Equal(["00–03", "03–06", "06–09", "09–12", "12–15", "15–18", "18–21", "21–24"],
            Enumerable.Range(0, IncidentPatterns.Bands).Select(IncidentPatterns.BandLabel));

    [Fact]
    public void Places_AreGroupedWhateverTheirCaseAndSpaces_UnderTheSpellingMostUsed()
    {
        var t = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
        var patterns = Of(At(t, "The Lounge"), At(t.AddDays(1), " the  lounge "), At(t.AddDays(2), "The Lounge"), At(t, "Garden"));

        Assert.Equal([new PlaceCount("The Lounge", 3), new PlaceCount("Garden", 1)], patterns.Places);
    }

    [Fact]
    public void EachType_CountsItsIncidentsAndUses_WithTheMedianAndLongestMinutes()
    {
        var a = At(new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc));
        var b = At(new DateTime(2026, 3, 2, 12, 0, 0, DateTimeKind.Utc));
        PatternIntervention Use(PatternIncident i, InterventionType type, int minutes) => new(i.Id, i.OccurredAt, type, i.OccurredAt, i.OccurredAt.AddMinutes(minutes));
        var patterns = IncidentPatterns.From(Window, [a, b],
            [Use(a, InterventionType.PhysicalStanding, 2), Use(a, InterventionType.PhysicalStanding, 10), Use(b, InterventionType.PhysicalStanding, 5),
             Use(b, InterventionType.Seclusion, 30)], [], []);

        Assert.Equal(new TypeFigures(InterventionType.PhysicalStanding, 2, 3, 5, 10), patterns.Types[0]);
        Assert.Equal(new TypeFigures(InterventionType.Seclusion, 1, 1, 30, 30), patterns.Types[1]);
        Assert.Equal(4, patterns.Interventions);
        Assert.Equal(4, patterns.InterventionsByMonth[new DateOnly(2026, 3, 1)]);
    }

    [Fact]
    public void Staff_AreCountedOncePerIncident_ByAccountOrElseByName()
    {
        var a = At(new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc));
        var b = At(new DateTime(2026, 3, 2, 12, 0, 0, DateTimeKind.Utc));
        var sam = Guid.NewGuid();
        var patterns = IncidentPatterns.From(Window, [a, b], [],
            [new(a.Id, sam, "Sam Night"), new(b.Id, sam, "Sam Night"), new(a.Id, null, "Jo Agency"), new(b.Id, null, "jo agency "), new(b.Id, null, "Jo Agency")], []);

        Assert.Equal(2, patterns.Staff.Single(s => s.UserId == sam).Incidents);
        Assert.Equal(2, patterns.Staff.Single(s => s.UserId is null).Incidents);
    }

    [Fact]
    public void Antecedents_AreTheLatestTwenty_NewestFirst()
    {
        var start = new DateTime(2026, 2, 1, 12, 0, 0, DateTimeKind.Utc);
        var antecedents = Enumerable.Range(0, 25).Select(i => new PatternAntecedent(Guid.NewGuid(), start.AddDays(i), $"Before {i}")).ToList();

        var shown = IncidentPatterns.From(Window, [], [], [], antecedents).Antecedents;

        Assert.Equal(IncidentPatterns.AntecedentsShown, shown.Count);
        Assert.Equal("Before 24", shown[0].Text);
        Assert.Equal("Before 5", shown[^1].Text);
    }

    [Fact]
    public void OnlyService_IsKnownWhenEveryIncidentWasInOne()
    {
        var inTheHouse = At(new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc));
        var elsewhere = inTheHouse with { Id = Guid.NewGuid(), ServiceId = Guid.NewGuid() };

        Assert.Equal(House, Of(inTheHouse).OnlyService);
        Assert.Null(Of(inTheHouse, elsewhere).OnlyService);
        Assert.Null(Of().OnlyService);
    }
}
