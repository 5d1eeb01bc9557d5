using System.Net;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Analytics;
using Proportion.Core.Model;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Analytics;

/// <summary>
/// Issue 12: the tallies the charts read are kept as incidents are recorded, in the same transaction, and add
/// up to exactly what the incidents say, on both providers.
/// </summary>
public abstract class RestraintTallyTests(AppFixture app)
{
    private const string CareWorker = "careworker@oakfield.example";

    private Dictionary<string, string> Form(DateTime beganLocal, InterventionType type, int minutes) => new()
    {
        ["Input.SubmissionKey"] = Guid.NewGuid().ToString(),
        ["Input.OccurredOn.Day"] = beganLocal.Day.ToString(), ["Input.OccurredOn.Month"] = beganLocal.Month.ToString(), ["Input.OccurredOn.Year"] = beganLocal.Year.ToString(),
        ["Input.Step"] = "7",
        ["Input.Location"] = "The hall",
        ["Input.Kind"] = nameof(IncidentKind.Emergency),
        ["Input.Interventions[0].Type"] = type.ToString(),
        ["Input.Interventions[0].Start"] = beganLocal.ToString("HH:mm"),
        ["Input.Interventions[0].End"] = beganLocal.AddMinutes(minutes).ToString("HH:mm"),
        ["Input.Interventions[0].Injuries"] = "NoOne",
        ["Input.Reason"] = nameof(InterventionReason.PreventAccidentalInjury),
        ["Input.Antecedents"] = "Walking towards the stairs at night",
        ["Input.DeEscalation"] = "Spoke calmly and offered an arm",
        ["Input.HowUsed"] = "Held her elbow while she turned",
        ["Input.Outcome"] = "Went back to bed",
        ["Input.OtherStaff[0].Name"] = "Sam Night",
        ["Input.OtherStaff[0].Role"] = "Night care worker",
    };

    /// <summary>Ten in the morning, two days ago in England: the same week and month as today unless today is early in either.</summary>
    private DateTime TwoDaysAgoAtTen() => UkTime.Today(app.Clock).AddDays(-2).ToDateTime(new TimeOnly(10, 0));

    [SkippableFact]
    public async Task RecordingIncidents_AddsThemToThePersonsWeeklyAndMonthlyTallies_EvenWhenRecordedAtOnce()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var peggy = await app.IdOfPersonAsync("Hughes");
        var began = TwoDaysAgoAtTen();
        var day = DateOnly.FromDateTime(began);
        async Task<RestraintTally?> Tally(ChartPeriod period) => await app.WithDatabaseAsync(db => db.RestraintTallies.AsNoTracking()
            .SingleOrDefaultAsync(t => t.PersonId == peggy && t.Period == period && t.Starts == Periods.StartOf(day, period)));
        var weekBefore = await Tally(ChartPeriod.Week);
        var monthBefore = await Tally(ChartPeriod.Month);

        // Four care workers' phones at once: the upsert must add each, never lose one to another.
        var posts = Enumerable.Range(0, 4).Select(async i =>
        {
            using var careWorker = await app.NewClient().SignInAsync(CareWorker);
            var page = await careWorker.PostAsync($"/people/{peggy}/incidents/new",
                Form(began.AddMinutes(i * 20), i == 0 ? InterventionType.PhysicalProne : InterventionType.Seclusion, 5));
            Assert.Equal(HttpStatusCode.Redirect, page.Status);
        });
        await Task.WhenAll(posts);

        var week = await Tally(ChartPeriod.Week);
        var month = await Tally(ChartPeriod.Month);
        Assert.NotNull(week);
        Assert.NotNull(month);
        Assert.Equal((weekBefore?.Incidents ?? 0) + 4, week.Incidents);
        Assert.Equal((monthBefore?.Incidents ?? 0) + 4, month.Incidents);
        Assert.Equal((weekBefore?.Prone ?? 0) + 1, week.Prone);
        Assert.Equal((weekBefore?.Seclusion ?? 0) + 3, week.Seclusion);
        // Prone is physical restraint; seclusion is not: five minutes of restraint were added.
        Assert.Equal((weekBefore?.RestraintMinutes ?? 0) + 5, week.RestraintMinutes);
        Assert.Equal((monthBefore?.Emergencies ?? 0) + 4, month.Emergencies);
    }

    [SkippableFact]
    public async Task EveryTally_AddsUpToTheIncidentsItCounts()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var peggy = await app.IdOfPersonAsync("Hughes");
        using (var careWorker = await app.NewClient().SignInAsync(CareWorker))
        {
            await careWorker.PostAsync($"/people/{peggy}/incidents/new", Form(TwoDaysAgoAtTen(), InterventionType.PhysicalStanding, 12));
        }

        // The demo's incidents were added up when it was loaded; the one above as it was recorded.
        var (incidents, tallies) = await app.WithDatabaseAsync(async db => (
            await db.Incidents.AsNoTracking().Include(i => i.Interventions).AsSplitQuery().ToListAsync(),
            await db.RestraintTallies.AsNoTracking().ToListAsync()));
        Assert.NotEmpty(incidents);
        foreach (var period in Enum.GetValues<ChartPeriod>())
        {
            var expected = incidents.Select(i => RestraintTally.For(i, period))
                .GroupBy(t => (t.PersonId, t.ServiceId, t.Starts))
                .ToDictionary(g => g.Key, g => (Incidents: g.Sum(t => t.Incidents), Minutes: g.Sum(t => t.RestraintMinutes), Injured: g.Sum(t => t.WithInjury)));
            var actual = tallies.Where(t => t.Period == period)
                .ToDictionary(t => (t.PersonId, t.ServiceId, t.Starts), t => (t.Incidents, Minutes: t.RestraintMinutes, Injured: t.WithInjury));
            Assert.Equal(expected.OrderBy(e => e.Key).ToList(), actual.OrderBy(e => e.Key).ToList());

            // Each service's tally is its people's summed.
            var services = await app.WithDatabaseAsync(db => db.ServiceTallies.AsNoTracking().Where(t => t.Period == period).ToListAsync());
            var summed = incidents.Select(i => RestraintTally.For(i, period)).GroupBy(t => (t.ServiceId, t.Starts))
                .ToDictionary(g => g.Key, g => (Incidents: g.Sum(t => t.Incidents), Prone: g.Sum(t => t.Prone), Minutes: g.Sum(t => t.RestraintMinutes)));
            Assert.Equal(summed.OrderBy(e => e.Key).ToList(),
                services.ToDictionary(t => (t.ServiceId, t.Starts), t => (t.Incidents, t.Prone, Minutes: t.RestraintMinutes)).OrderBy(e => e.Key).ToList());
        }
    }

    [SkippableFact]
    public async Task ServiceSeries_SumsTheTallies_ShowsEmptyPeriodsAsZero_AndCountsEachPersonOnce()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var peggy = await app.IdOfPersonAsync("Hughes");
        var house = await app.WithDatabaseAsync(db => db.People.Where(p => p.Id == peggy).Select(p => p.ServiceId).SingleAsync());
        var began = TwoDaysAgoAtTen();
        using (var careWorker = await app.NewClient().SignInAsync(CareWorker))
        {
            await careWorker.PostAsync($"/people/{peggy}/incidents/new", Form(began, InterventionType.PhysicalStanding, 3));
            await careWorker.PostAsync($"/people/{peggy}/incidents/new", Form(began.AddHours(1), InterventionType.PhysicalStanding, 3));
        }
        var today = UkTime.Today(app.Clock);
        var from = today.AddMonths(-5);

        var (incidents, people, inPlace) = await app.WithDatabaseAsync(async db =>
        {
            var series = new RestrictionSeries(db);
            var subject = new ChartSubject(ChartSubjectKind.Service, house);
            return (await series.ReadAsync(subject, Measure.Incidents, ChartPeriod.Month, from, today),
                await series.ReadAsync(subject, Measure.PeopleRestrained, ChartPeriod.Month, from, today),
                await series.ReadAsync(subject, Measure.PracticesInPlace, ChartPeriod.Month, from, today));
        });
        var expected = await app.WithDatabaseAsync(db => db.Incidents.Where(i => i.ServiceId == house).Select(i => i.OccurredAt).ToListAsync());
        var thisMonth = Periods.StartOf(DateOnly.FromDateTime(began), ChartPeriod.Month);

        Assert.Equal(6, incidents.Count);
        Assert.Equal(Periods.StartOf(from, ChartPeriod.Month), incidents[0].Starts);
        Assert.Equal(expected.Count(t => Periods.StartOf(DateOnly.FromDateTime(UkTime.ToLondon(t)), ChartPeriod.Month) == thisMonth),
            incidents.Single(p => p.Starts == thisMonth).Value);
        Assert.Contains(incidents, p => p.Value == 0);
        // Peggy's two incidents make one person restrained.
        Assert.True(people.Single(p => p.Starts == thisMonth).Value < incidents.Single(p => p.Starts == thisMonth).Value);
        var agreedNow = await app.WithDatabaseAsync(db => db.Practices.CountAsync(p => p.ServiceId == house
            && (p.Status == PracticeStatus.Agreed || p.Status == PracticeStatus.UnderReview) && p.StartDate <= today));
        Assert.Equal(agreedNow, inPlace[^1].Value);
    }
}

public sealed class RestraintTallyTestsOnSqlite(SqliteApp app) : RestraintTallyTests(app), IClassFixture<SqliteApp>;

public sealed class RestraintTallyTestsOnPostgres(PostgresApp app) : RestraintTallyTests(app), IClassFixture<PostgresApp>;
