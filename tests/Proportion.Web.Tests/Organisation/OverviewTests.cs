using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using System.Text.RegularExpressions;
using Proportion.Core.Model;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Organisation;

/// <summary>The board's picture of the organisation, checked against what the demo data holds.</summary>
public abstract class OverviewTests(AppFixture app)
{
    /// <summary>One of the page's tables (practices, incidents, monitoring, liberty): each service's cells by its name, as their text reads.</summary>
    private static Dictionary<string, string[]> Rows(AppClient.Page page, string table) =>
        page.Document.QuerySelector($"table#{table}")!.QuerySelectorAll("tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td").Select(td => Regex.Replace(td.TextContent, @"\s+", " ").Trim()).ToArray());

    [SkippableFact]
    public async Task Board_SeesEachServicesPracticesAndWhatIsLate()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var board = await app.NewClient().SignInAsync("board@oakfield.example");

        var page = await board.GetAsync("/organisation");

        var today = UkTime.Today(app.Clock);
        var practices = Rows(page, "practices");
        var incidents = Rows(page, "incidents");
        var monitoring = Rows(page, "monitoring");
        // Practices: people, proposed, agreed, under review, reviews overdue, waiting for sign-off, and reduction not
        // considered (R18: in place over 6 months with no review that considered reducing it).
        // Incidents of the last 90 days: incidents, prone, 48-hour reviews overdue, early reviews due. Monitoring: next monitoring, next audit.
        // R18: Arthur's covert medication at Oakfield House (Peggy's door was reviewed a month ago, reduction considered);
        // at Beech Road Sam's internet limit and Ravi's lap strap.
        // Oakfield House: Arthur's covert medication is under review and 5 days overdue; Joyce's emergency awaits its review.
        // Monitored 70 days ago, so due again within the month; audited 210 days ago, so the audit is overdue (R11).
        Assert.Equal(["6", "2", "5", "1", "1", "0", "1"], practices["Oakfield House"]);
        Assert.Equal(["1", "0", "1", "0"], incidents["Oakfield House"]);
        Assert.Equal([UkTime.Format(today.AddDays(-70).AddMonths(3)), UkTime.Format(today.AddDays(-210).AddMonths(6)) + " Overdue"], monitoring["Oakfield House"]);
        // Beech Road: Sam's internet limit is 20 days overdue; his hold was used face down and calls for an early review.
        // Never monitored: due 3 and 6 months after the service was set up (today, in the demo).
        Assert.Equal(["4", "1", "4", "1", "1", "0", "2"], practices["Beech Road"]);
        Assert.Equal(["2", "1", "0", "1"], incidents["Beech Road"]);
        Assert.Equal([UkTime.Format(today.AddMonths(3)), UkTime.Format(today.AddMonths(6))], monitoring["Beech Road"]);
        Assert.Equal(["10", "3", "9", "2", "2", "0", "3"], practices["All services"]);
        Assert.Equal(["3", "1", "1", "1"], incidents["All services"]);
        Assert.False(monitoring.ContainsKey("All services"));
        Assert.DoesNotContain("Riverside", page.Body);
    }

    [SkippableFact]
    public async Task Figures_LinkToTheRecordsTheyCount()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var beech = await app.IdOfServiceAsync("Beech Road");
        using var board = await app.NewClient().SignInAsync("board@oakfield.example");

        var page = await board.GetAsync("/organisation");

        IElement Cell(string table, string service, string label) => page.Document.QuerySelector($"table#{table}")!.QuerySelectorAll("tbody tr")
            .Single(r => r.QuerySelector("th")!.TextContent.Trim() == service).QuerySelector($"td[data-label='{label}']")!;
        // Beech Road's incidents and prone restraint of the last 90 days open its incident list filtered to the same
        // days (and to prone restraint), and the list finds as many as the figure says.
        foreach (var label in new[] { "Incidents", "Prone" })
        {
            var figure = Cell("incidents", "Beech Road", label);
            var href = figure.QuerySelector("a")!.GetAttribute("href")!;
            Assert.StartsWith($"/services/{beech}/incidents?", href);
            var list = await board.GetAsync(href);
            var count = int.Parse(figure.TextContent.Trim());
            Assert.Equal($"{count} incident{(count == 1 ? "" : "s")}", list.Document.QuerySelector("main h2")!.TextContent.Trim());
        }
        Assert.Contains("Filter.Type=PhysicalProne", Cell("incidents", "Beech Road", "Prone").QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal($"/services/{beech}/practices", Cell("practices", "Beech Road", "Reviews overdue").QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal($"/services/{beech}/monitoring", Cell("monitoring", "Beech Road", "Next audit").QuerySelector("a")!.GetAttribute("href"));
        // Nothing to open behind a zero, nor behind a total across services.
        Assert.Null(Cell("practices", "Beech Road", "Waiting for sign-off").QuerySelector("a"));
        Assert.Equal("0", Cell("practices", "Beech Road", "Waiting for sign-off").TextContent.Trim());
        Assert.Empty(page.Document.QuerySelectorAll("table tbody tr").Where(r => r.QuerySelector("th")!.TextContent.Trim() == "All services").SelectMany(r => r.QuerySelectorAll("a")));
    }

    [SkippableFact]
    public async Task WaitingForSignOff_CountsOnlyDiscussionsWithEverythingAnsweredButAnAgreement()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        // A discussion just started for Peggy's proposed bed rails: nothing answered yet, so it waits for answers, not for a sign-off.
        await app.WithDatabaseAsync(async db =>
        {
            var bedRails = await db.Practices.IgnoreQueryFilters().SingleAsync(p => p.Description == "Bed rails raised at night" && p.Status == PracticeStatus.Proposed
                && db.People.IgnoreQueryFilters().Any(x => x.Id == p.PersonId && x.FamilyName == "Hughes"));
            db.Decisions.Add(Proportion.Core.Decisions.DecisionRecords.NextDiscussion(bedRails, [], null, bedRails.CreatedById, app.Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        });
        using var board = await app.NewClient().SignInAsync("board@oakfield.example");

        var page = await board.GetAsync("/organisation");

        Assert.Equal("0", Rows(page, "practices")["Oakfield House"][5]);
    }
}

public sealed class OverviewOnSqlite(SqliteApp app) : OverviewTests(app), IClassFixture<SqliteApp>;

public sealed class OverviewOnPostgres(PostgresApp app) : OverviewTests(app), IClassFixture<PostgresApp>;
