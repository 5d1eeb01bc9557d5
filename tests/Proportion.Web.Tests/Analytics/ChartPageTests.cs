using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Analytics;
using Proportion.Core.Model;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Analytics;

/// <summary>
/// Issue 12: the process control chart pages (R14) draw what the tallies hold, say what they show in words,
/// recalculate their limits from a marked change, and count only what the reader may see, on both providers.
/// The demo gives Riverside Lodge two years of history with a rise in the last eight weeks.
/// </summary>
public abstract class ChartPageTests(AppFixture app)
{
    private const string CareWorker = "careworker@oakfield.example";
    private const string Manager = "manager@oakfield.example";
    private const string LodgeManager = "manager@riverside.example";
    private const string Commissioner = "commissioner@northshire.example";

    private static Dictionary<string, string> IncidentForm(DateTime beganLocal) => new()
    {
        ["Input.SubmissionKey"] = Guid.NewGuid().ToString(),
        ["Input.OccurredOn.Day"] = beganLocal.Day.ToString(), ["Input.OccurredOn.Month"] = beganLocal.Month.ToString(), ["Input.OccurredOn.Year"] = beganLocal.Year.ToString(),
        ["Input.Step"] = "7",
        ["Input.Location"] = "The hall",
        ["Input.Kind"] = nameof(IncidentKind.Emergency),
        ["Input.Interventions[0].Type"] = nameof(InterventionType.PhysicalStanding),
        ["Input.Interventions[0].Start"] = beganLocal.ToString("HH:mm"),
        ["Input.Interventions[0].End"] = beganLocal.AddMinutes(3).ToString("HH:mm"),
        ["Input.Interventions[0].Injuries"] = "NoOne",
        ["Input.Reason"] = nameof(InterventionReason.PreventAccidentalInjury),
        ["Input.Antecedents"] = "Walking towards the stairs at night",
        ["Input.DeEscalation"] = "Spoke calmly and offered an arm",
        ["Input.HowUsed"] = "Held her elbow while she turned",
        ["Input.Outcome"] = "Went back to bed",
        ["Input.OtherStaff[0].Name"] = "Sam Night",
        ["Input.OtherStaff[0].Role"] = "Night care worker",
    };

    private static string Window(DateOnly from, DateOnly to) =>
        $"From.Day={from.Day}&From.Month={from.Month}&From.Year={from.Year}&To.Day={to.Day}&To.Month={to.Month}&To.Year={to.Year}";

    /// <summary>The "Show the figures" table: each period's name and its value, mean, lower limit, upper limit and signal.</summary>
    private static List<(string Period, string[] Cells, string Note)> Figures(AppClient.Page page) =>
        [.. page.Document.QuerySelectorAll("table.app-chart-figures tbody tr").Select(r =>
        {
            var th = r.QuerySelector("th")!;
            return (th.ChildNodes.First(n => n.NodeType == NodeType.Text && n.TextContent.Trim() != "").TextContent.Trim(),
                r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray(),
                th.QuerySelector("span")?.TextContent.Trim() ?? "");
        })];

    [SkippableFact]
    public async Task AServicesChart_CountsTheIncidentsRecordedThroughTheForm_AndDescribesItself()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var peggy = await app.IdOfPersonAsync("Hughes");
        var house = await app.IdOfServiceAsync("Oakfield House");
        var today = UkTime.Today(app.Clock);
        var began = today.AddDays(-1).ToDateTime(new TimeOnly(10, 0));
        using (var careWorker = await app.NewClient().SignInAsync(CareWorker))
        {
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(HttpStatusCode.Redirect, (await careWorker.PostAsync($"/people/{peggy}/incidents/new", IncidentForm(began.AddMinutes(i * 30)))).Status);
            }
        }
        var week = Periods.StartOf(DateOnly.FromDateTime(began), ChartPeriod.Week);
        var occurred = await app.WithDatabaseAsync(db => db.Incidents.Where(i => i.ServiceId == house).Select(i => i.OccurredAt).ToListAsync());
        var expected = occurred.Count(t => Periods.StartOf(DateOnly.FromDateTime(UkTime.ToLondon(t)), ChartPeriod.Week) == week);
        Assert.True(expected >= 3);

        using var manager = await app.NewClient().SignInAsync(Manager);
        var page = await manager.GetAsync($"/services/{house}/charts?measure=Incidents&period=Week&{Window(today.AddDays(-70), today)}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var row = Figures(page).Single(r => r.Period == $"Week from {week:d MMMM yyyy}");
        Assert.Equal(expected.ToString(), row.Cells[0]);
        var svg = page.Document.QuerySelector("svg.app-chart__svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("Incidents at Oakfield House, weekly", svg.QuerySelector("title")!.TextContent);
        Assert.StartsWith($"Incidents at Oakfield House, weekly, {UkTime.Format(Periods.StartOf(today.AddDays(-70), ChartPeriod.Week))} to ", svg.QuerySelector("desc")!.TextContent);
        Assert.Contains($"The latest week had {expected} incidents", svg.QuerySelector("desc")!.TextContent);
        // Every measure at a glance, each linking to its own chart.
        Assert.Equal(Measures.All.Count, page.Document.QuerySelectorAll("table.app-chart-glance tbody tr").Length);
        Assert.Contains(page.Document.QuerySelectorAll("table.app-chart-glance a"), a => a.GetAttribute("href") == $"/services/{house}/charts?measure=Prone&period=Week");
    }

    [SkippableFact]
    public async Task ARiseInRecentWeeks_IsShownAsASpecialCauseOfConcern_InWords()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var lodge = await app.IdOfServiceAsync("Riverside Lodge");
        using var manager = await app.NewClient().SignInAsync(LodgeManager);

        var page = await manager.GetAsync($"/services/{lodge}/charts?measure=Incidents&period=Week");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var variation = page.Document.QuerySelector(".app-chart__variation")!.TextContent;
        Assert.Contains("Special cause of concern: higher than expected", variation);
        Assert.Contains("above the mean", variation);
        Assert.Contains("Special cause of concern: higher than expected", page.Document.QuerySelector("svg desc")!.TextContent);
        Assert.StartsWith("Concern:", Figures(page)[^1].Cells[4]);
        // The default window is the last 26 whole weeks: the week not yet over is left out.
        var figures = Figures(page);
        Assert.Equal(26, figures.Count);
        var lastWeek = Periods.StartOf(UkTime.Today(app.Clock), ChartPeriod.Week).AddDays(-7);
        Assert.Equal($"Week from {lastWeek:d MMMM yyyy}", figures[^1].Period);
    }

    [SkippableFact]
    public async Task MarkingAChange_RecalculatesTheLimitsFromItsPeriod_AndKeepsTheEarlierOnes()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var lodge = await app.IdOfServiceAsync("Riverside Lodge");
        var today = UkTime.Today(app.Clock);
        // Fourteen months ago: while George's restraint was high, before the demo's reduction plan.
        var date = today.AddMonths(-14);
        using var manager = await app.NewClient().SignInAsync(LodgeManager);

        var empty = await manager.PostAsync($"/services/{lodge}/charts/changes", new Dictionary<string, string>());
        Assert.Contains("Enter date of the change", empty.ErrorSummary);
        Assert.Contains("Enter what changed", empty.ErrorSummary);
        var future = await manager.PostAsync($"/services/{lodge}/charts/changes", new()
        {
            ["Input.Date.Day"] = "1", ["Input.Date.Month"] = "1", ["Input.Date.Year"] = (today.Year + 1).ToString(), ["Input.Description"] = "Too soon",
        });
        Assert.Contains("The date of the change must be today or in the past", future.ErrorSummary);

        var marked = await manager.PostAsync($"/services/{lodge}/charts/changes", new()
        {
            ["Input.Date.Day"] = date.Day.ToString(), ["Input.Date.Month"] = date.Month.ToString(), ["Input.Date.Year"] = date.Year.ToString(),
            ["Input.Description"] = "Opened a new wing",
        });
        Assert.Equal(HttpStatusCode.Redirect, marked.Status);

        var page = await manager.GetAsync($"/services/{lodge}/charts?measure=Incidents&period=Month");
        var figures = Figures(page);
        var at = figures.FindIndex(r => r.Period == $"{Periods.StartOf(date, ChartPeriod.Month):MMMM yyyy}");
        Assert.True(at > 0);
        Assert.Equal("Limits worked out again from here: Opened a new wing", figures[at].Note);
        // The months before keep their own mean and limits; those from the change have new ones.
        Assert.NotEqual(figures[at - 1].Cells[1], figures[at].Cells[1]);
        Assert.NotEqual(figures[at - 1].Cells[3], figures[at].Cells[3]);
        Assert.Equal(figures[0].Cells[1], figures[at - 1].Cells[1]);
        Assert.Contains(page.Document.QuerySelectorAll("svg line.app-chart__change"), l => true);
        Assert.True(await app.WithDatabaseAsync(db => db.AuditEvents.IgnoreQueryFilters()
            .AnyAsync(a => a.EntityType == nameof(ChartChange) && a.Summary.Contains("Opened a new wing"))));

        // Withdrawn with a reason: kept, but no longer a recalculation.
        var change = await app.WithDatabaseAsync(db => db.ChartChanges.IgnoreQueryFilters().Where(c => c.Description == "Opened a new wing").Select(c => c.Id).SingleAsync());
        var noReason = await manager.PostAsync($"/services/{lodge}/charts/changes?handler=Withdraw", new() { ["Withdrawal.ChangeId"] = change.ToString() });
        Assert.Contains("Enter why you are withdrawing this change", noReason.ErrorSummary);
        var withdrawn = await manager.PostAsync($"/services/{lodge}/charts/changes?handler=Withdraw", new()
        {
            ["Withdrawal.ChangeId"] = change.ToString(), ["Withdrawal.Reason"] = "Marked on the wrong service",
        });
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.Status);
        var after = Figures(await manager.GetAsync($"/services/{lodge}/charts?measure=Incidents&period=Month"));
        Assert.Equal("", after[at].Note);
        Assert.Equal(after[0].Cells[1], after[at].Cells[1]);
    }

    [SkippableFact]
    public async Task ACouncilsChart_CountsOnlyThePeopleItFunds()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var today = UkTime.Today(app.Clock);
        var from = today.AddMonths(-17);
        var to = Periods.StartOf(today, ChartPeriod.Month).AddDays(-1);
        var northshire = await app.WithDatabaseAsync(db => db.Organisations.Where(o => o.Name.StartsWith("Northshire")).Select(o => o.Id).SingleAsync());
        var lodge = await app.IdOfServiceAsync("Riverside Lodge");
        var (funded, atLodge) = await app.WithDatabaseAsync(async db =>
        {
            var all = await db.Incidents.IgnoreQueryFilters().Select(i => new { i.OccurredAt, i.ServiceId, i.Person!.FundingCouncilId }).ToListAsync();
            bool InWindow(DateTime t) => DateOnly.FromDateTime(UkTime.ToLondon(t)) is var d && d >= Periods.StartOf(from, ChartPeriod.Month) && d <= to;
            return (all.Count(i => i.FundingCouncilId == northshire && InWindow(i.OccurredAt)), all.Count(i => i.ServiceId == lodge && InWindow(i.OccurredAt)));
        });
        static double Sum(AppClient.Page page) => Figures(page).Sum(r => double.Parse(r.Cells[0]));

        using var commissioner = await app.NewClient().SignInAsync(Commissioner);
        var council = await commissioner.GetAsync($"/council/charts?measure=Incidents&period=Month&{Window(from, to)}");
        using var provider = await app.NewClient().SignInAsync(LodgeManager);
        var service = await provider.GetAsync($"/services/{lodge}/charts?measure=Incidents&period=Month&{Window(from, to)}");

        Assert.Equal(funded, Sum(council));
        Assert.Equal(atLodge, Sum(service));
        // George, whom no council funds, is counted by his provider and not by Northshire.
        Assert.True(Sum(council) < Sum(service));
    }

    [SkippableFact]
    public async Task CouncilUsersAndSeniorManagers_FindTheirChartsFromTheHomePage()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        static IEnumerable<string> Links(AppClient.Page page) => page.Document.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")!);

        using var commissioner = await app.NewClient().SignInAsync(Commissioner);
        using var senior = await app.NewClient().SignInAsync("senior@oakfield.example");
        using var careWorker = await app.NewClient().SignInAsync("careworker@oakfield.example");

        Assert.Contains("/council/charts", Links(await commissioner.GetAsync("/")));
        Assert.Contains("/organisation/charts", Links(await senior.GetAsync("/")));
        var careWorkersHome = Links(await careWorker.GetAsync("/")).ToList();
        Assert.DoesNotContain("/council/charts", careWorkersHome);
        Assert.DoesNotContain("/organisation/charts", careWorkersHome);
    }

    [SkippableFact]
    public async Task AnotherOrganisationsUser_IsToldTheChartIsNotFound()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var house = await app.IdOfServiceAsync("Oakfield House");
        var peggy = await app.IdOfPersonAsync("Hughes");
        using var other = await app.NewClient().SignInAsync(LodgeManager);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/services/{house}/charts")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/people/{peggy}/charts")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/services/{house}/charts/changes", new() { ["Input.Description"] = "Not theirs" })).Status);
    }

    [SkippableFact]
    public async Task DatesThatCannotBeUsed_AreGovUkErrors()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var house = await app.IdOfServiceAsync("Oakfield House");
        var today = UkTime.Today(app.Clock);
        using var manager = await app.NewClient().SignInAsync(Manager);

        var unreal = await manager.GetAsync($"/services/{house}/charts?From.Day=31&From.Month=2&From.Year=2026&To.Day=1&To.Month=3&To.Year=2026");
        Assert.Equal(HttpStatusCode.OK, unreal.Status);
        Assert.Contains("From date must be a real date", unreal.ErrorSummary);
        Assert.Equal("From date must be a real date", unreal.FieldError("From"));
        Assert.Null(unreal.Document.QuerySelector("svg.app-chart__svg"));

        var future = await manager.GetAsync($"/services/{house}/charts?{Window(today, today.AddDays(10))}");
        Assert.Contains("The to date must be today or in the past", future.ErrorSummary);
        var backwards = await manager.GetAsync($"/services/{house}/charts?{Window(today.AddDays(-5), today.AddDays(-30))}");
        Assert.Contains("The to date must be the same as or after the from date", backwards.ErrorSummary);
        var tooLong = await manager.GetAsync($"/services/{house}/charts?period=Week&{Window(today.AddYears(-4), today)}");
        Assert.Contains($"A weekly chart can show up to 156 weeks: choose a later from date", tooLong.ErrorSummary);
        var missing = await manager.GetAsync($"/services/{house}/charts?From.Day=1&From.Month=2");
        Assert.Contains("From date must include a year", missing.ErrorSummary);
    }
}

public sealed class ChartPageTestsOnSqlite(SqliteApp app) : ChartPageTests(app), IClassFixture<SqliteApp>;

public sealed class ChartPageTestsOnPostgres(PostgresApp app) : ChartPageTests(app), IClassFixture<PostgresApp>;
