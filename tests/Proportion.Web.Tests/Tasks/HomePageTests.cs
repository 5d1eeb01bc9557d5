using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Tasks;

/// <summary>Each role's home page shows what is urgent for it now, from the demo data, each figure a link to what it counts.</summary>
public abstract class HomePageTests(AppFixture app)
{
    [SkippableFact]
    public async Task CareWorker_SeesReflectionsAndGuidelinesToRead()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var careWorker = await app.NewClient().SignInAsync("careworker@oakfield.example");

        var home = await careWorker.GetAsync("/");

        var headings = home.Document.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains(headings, h => h.StartsWith("Reflections to write"));
        Assert.Contains(headings, h => h.StartsWith("Guidelines to read"));
        Assert.DoesNotContain(headings, h => h.StartsWith("Emergencies to review"));
        Assert.DoesNotContain(headings, h => h.StartsWith("Waiting for you to agree"));
        Assert.NotNull(home.Document.QuerySelector("main a[href*='/reflection']"));
    }

    [SkippableFact]
    public async Task SeniorManager_SeesTheSignOffsWaitingForThem_AndEachFigureLinksToWhatItCounts()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var senior = await app.NewClient().SignInAsync("senior@oakfield.example");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        // A person who lacks capacity to consent: the restriction waits for the senior manager's agreement (R4).
        await Discussions.DraftLackingCapacityAsync(app, manager, "Bed rails for Doris (home page)");

        var home = await senior.GetAsync("/");
        var tasks = await senior.GetAsync("/tasks");

        var signOffs = tasks.Document.QuerySelectorAll(".govuk-task-list__link").Count(a => a.TextContent.StartsWith("Agree or decline as senior manager"));
        Assert.True(signOffs > 0, "No sign-off is waiting for the senior manager.");
        Assert.Contains(home.Document.QuerySelectorAll("main h2"), h => h.TextContent.Trim() == $"Waiting for you to agree or decline ({signOffs})");

        // Each of the task figures is a link to its group on My tasks, and says as many as that group holds.
        foreach (var link in home.Document.QuerySelectorAll("main .govuk-summary-list a[href^='/tasks#']"))
        {
            var id = link.GetAttribute("href")!["/tasks#".Length..];
            var count = int.Parse(link.ChildNodes[0].TextContent.Trim());
            var group = tasks.Document.QuerySelector($"ul[aria-labelledby='{id}']");
            Assert.NotNull(group);
            Assert.Equal(count, group!.QuerySelectorAll(".govuk-task-list__item").Length);
        }
        Assert.NotEmpty(home.Document.QuerySelectorAll("main .govuk-summary-list a[href^='/tasks#']"));
    }
}

public sealed class HomePageOnSqlite(SqliteApp app) : HomePageTests(app), IClassFixture<SqliteApp>;

public sealed class HomePageOnPostgres(PostgresApp app) : HomePageTests(app), IClassFixture<PostgresApp>;
