using System.Net;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Model;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Decisions;

public abstract class GuidelinesTests(AppFixture app)
{
    [SkippableFact]
    public async Task CareWorker_ReadsAndConfirmsGuidelines_AndTheManagerSeesWhoHasNot()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var decision = await app.WithDatabaseAsync(db => db.Decisions.Include(d => d.Practice)
            .SingleAsync(d => d.Practice!.Description.StartsWith("Two-person standing hold")));
        using var careWorker = await app.NewClient().SignInAsync("careworker@oakfield.example");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        var practiceUrl = $"/people/{decision.PersonId}/practices/{decision.PracticeId}";

        var before = await careWorker.GetAsync("/guidelines");
        Assert.Contains("Never on the floor, never face down", before.Body);
        Assert.Contains("New or changed", before.Body);
        Assert.Contains("Amira Khan", (await manager.GetAsync(practiceUrl)).Document.QuerySelector("dl:last-of-type")!.TextContent);

        var confirmed = await careWorker.PostAsync("/guidelines", new() { ["decisionId"] = decision.Id.ToString() });
        var again = await careWorker.PostAsync("/guidelines", new() { ["decisionId"] = decision.Id.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        var careWorkerId = await app.IdOfUserAsync("careworker@oakfield.example");
        Assert.Equal(1, await app.WithDatabaseAsync(db => db.GuidelineAcknowledgements.CountAsync(g => g.DecisionId == decision.Id && g.UserId == careWorkerId)));
        var details = await manager.GetAsync(practiceUrl);
        var readRow = details.Document.QuerySelectorAll(".govuk-summary-list__row").Single(r => r.TextContent.Contains("Read by staff"));
        Assert.Contains("Amira Khan", readRow.TextContent);
    }

    [SkippableFact]
    public async Task Inspector_ReadsGuidelines_ButCannotConfirm()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var decision = await app.WithDatabaseAsync(db => db.Decisions.Include(d => d.Practice)
            .SingleAsync(d => d.Practice!.Description.StartsWith("Front door has a key-code lock; the code is not shared with Peggy")));
        using var inspector = await app.NewClient().SignInAsync("inspector@oakfield.example");

        var page = await inspector.GetAsync("/guidelines");
        var refused = await inspector.PostAsync("/guidelines", new() { ["decisionId"] = decision.Id.ToString() });

        Assert.Contains("offer to walk with her", page.Body);
        Assert.DoesNotContain("I have read these guidelines", page.Body);
        Assert.Contains("/access-denied", refused.Location);
        Assert.DoesNotContain("Two-person standing hold", page.Body);
    }
}

public sealed class GuidelinesOnSqlite(SqliteApp app) : GuidelinesTests(app), IClassFixture<SqliteApp>;

public sealed class GuidelinesOnPostgres(PostgresApp app) : GuidelinesTests(app), IClassFixture<PostgresApp>;
