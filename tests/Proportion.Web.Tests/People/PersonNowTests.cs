using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.People;

/// <summary>The person's page says what is happening for them now, each with its next action, from the demo data.</summary>
public abstract class PersonNowTests(AppFixture app)
{
    [SkippableFact]
    public async Task ThePersonsPage_SaysWhatIsHappeningNow_WithEachNextAction()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var joyce = await app.IdOfPersonAsync("Turner");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");

        var page = await manager.GetAsync($"/people/{joyce}");

        var rows = page.Document.QuerySelectorAll("h2 + dl.govuk-summary-list .govuk-summary-list__row")
            .ToDictionary(r => r.QuerySelector("dt")!.TextContent.Trim(), r => r.QuerySelector("dd")!);
        Assert.Equal(["Restrictive practices", "Incidents", "Plans", "Deprivation of liberty"], rows.Keys.Take(4));
        Assert.Matches(@"\d+ practices? in place", rows["Restrictive practices"].TextContent);
        Assert.NotNull(rows["Restrictive practices"].QuerySelector($"a[href^='/people/{joyce}/practices/']"));
        // Joyce's emergency last week still owes its 48-hour review with her: the next action says so and links to it.
        var incidents = rows["Incidents"];
        Assert.Matches(@"\d+ incidents? in the last 28 days", incidents.TextContent);
        Assert.NotNull(incidents.QuerySelector("a[href^='/incidents/']"));
        // The page is titled with the name she goes by.
        Assert.StartsWith("Joyce Turner", page.Document.Title);
    }
}

public sealed class PersonNowOnSqlite(SqliteApp app) : PersonNowTests(app), IClassFixture<SqliteApp>;

public sealed class PersonNowOnPostgres(PostgresApp app) : PersonNowTests(app), IClassFixture<PostgresApp>;
