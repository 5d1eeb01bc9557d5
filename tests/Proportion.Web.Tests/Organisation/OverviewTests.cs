using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Organisation;

/// <summary>The board's picture of the organisation, checked against what the demo data holds.</summary>
public abstract class OverviewTests(AppFixture app)
{
    [SkippableFact]
    public async Task Board_SeesEachServicesPracticesAndWhatIsLate()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var board = await app.NewClient().SignInAsync("board@oakfield.example");

        var page = await board.GetAsync("/organisation");

        var rows = page.Document.QuerySelectorAll("tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray());
        // Columns: people, proposed, agreed, under review, reviews overdue, waiting for sign-off, incidents, prone, 48-hour overdue, early reviews.
        // Oakfield House: Arthur's covert medication is under review and 5 days overdue; Joyce's emergency awaits its review.
        Assert.Equal(["6", "2", "5", "1", "1", "0", "1", "0", "1", "0"], rows["Oakfield House"]);
        // Beech Road: Sam's internet limit is 20 days overdue; his hold was used face down and calls for an early review.
        Assert.Equal(["4", "1", "4", "1", "1", "0", "2", "1", "0", "1"], rows["Beech Road"]);
        Assert.Equal(["10", "3", "9", "2", "2", "0", "3", "1", "1", "1"], rows["All services"]);
        Assert.DoesNotContain("Riverside", page.Body);
    }
}

public sealed class OverviewOnSqlite(SqliteApp app) : OverviewTests(app), IClassFixture<SqliteApp>;

public sealed class OverviewOnPostgres(PostgresApp app) : OverviewTests(app), IClassFixture<PostgresApp>;
