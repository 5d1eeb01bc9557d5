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

public abstract class PrintTests(AppFixture app)
{
    [SkippableFact]
    public async Task AgreedDecision_PrintsAsRp2AndEasyRead_ForThoseWhoMaySeeThePerson()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var decision = await app.WithDatabaseAsync(db => db.Decisions.Include(d => d.Practice)
            .SingleAsync(d => d.Practice!.Description.StartsWith("Two-person standing hold")));
        var path = $"/people/{decision.PersonId}/practices/{decision.PracticeId}/decisions/{decision.Number}";
        using var socialWorker = await app.NewClient().SignInAsync("socialworker@northshire.example");
        using var riverside = await app.NewClient().SignInAsync("manager@riverside.example");

        var expected = new Dictionary<string, string[]>
        {
            ["rp2"] = ["Restrictive practice guidelines \\(form RP2\\)", "It must not be used when", "Never on the floor, never face down"],
            ["easy-read"] = ["About you, Sam", "When staff must not do this", "You can say if you do not like this"],
        };
        foreach (var (format, texts) in expected)
        {
            using var response = await socialWorker.Http.GetAsync($"{path}/{format}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
            var pdf = System.Text.Encoding.Latin1.GetString(await response.Content.ReadAsByteArrayAsync());
            Assert.StartsWith("%PDF-1.4", pdf);
            Assert.EndsWith("%%EOF\n", pdf);
            Assert.All(texts, t => Assert.Contains(t, pdf));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await riverside.GetAsync($"{path}/rp2")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await socialWorker.GetAsync($"{path}/word")).Status);
    }
}

public sealed class PrintOnSqlite(SqliteApp app) : PrintTests(app), IClassFixture<SqliteApp>;

public sealed class PrintOnPostgres(PostgresApp app) : PrintTests(app), IClassFixture<PostgresApp>;

public sealed class GuidelinesOnSqlite(SqliteApp app) : GuidelinesTests(app), IClassFixture<SqliteApp>;

public sealed class GuidelinesOnPostgres(PostgresApp app) : GuidelinesTests(app), IClassFixture<PostgresApp>;
