using System.Net;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Model;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Plans;

/// <summary>
/// The profile (R23) and the pages every plan shares, end to end: start, write, a refused agreement naming
/// each missing part at its section, agree, revise with a reason, review (keep and close), the version
/// pages with their restricted part, and the easy-read PDF.
/// </summary>
public abstract class PlanPagesTests(AppFixture app)
{
    private DateOnly Today => UkTime.Today(app.Clock);

    private static Dictionary<string, string> Date(string prefix, DateOnly date) => new()
    {
        [$"{prefix}.Day"] = date.Day.ToString(), [$"{prefix}.Month"] = date.Month.ToString(), [$"{prefix}.Year"] = date.Year.ToString(),
    };

    private static readonly Dictionary<string, string> AllParts = new()
    {
        ["Input.WhatMattersToMe"] = "My sister and my garden", ["Input.StrengthsAndSkills"] = "Gardening", ["Input.WhatTriggersDistress"] = "Loud rooms",
        ["Input.EarlyWarningSigns"] = "Rocks in the chair", ["Input.WhatHelpsMeFeelSafe"] = "Quiet music", ["Input.HowICommunicate"] = "Speech and pictures",
        ["Input.TraumaHistory"] = "A fire at home as a child", ["Input.HowThisWasWritten"] = "With them and their sister over two visits",
    };

    /// <summary>Starts a profile for a new person through the pages, saving only the given parts; returns the person, plan and plan page.</summary>
    private async Task<(Guid Person, Guid Plan, string PlanPage)> StartProfileAsync(AppClient manager, Dictionary<string, string> parts)
    {
        var person = await PlanRecordsTests.NewPersonAsync(app, "Pages");
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/people/{person}/profile/new")).Status);
        var started = await manager.PostAsync($"/people/{person}/profile/new", []);
        Assert.Equal(HttpStatusCode.Redirect, started.Status);
        var edit = started.Location!;
        var planId = await app.WithDatabaseAsync(db => db.Plans.Where(p => p.PersonId == person).Select(p => p.Id).SingleAsync());
        Assert.Equal($"/people/{person}/profile/{planId}/edit", edit);
        var form = await manager.GetAsync(edit);
        var saved = await manager.PostAsync(edit, new(parts) { ["PlanVersion"] = form.ValueOf("PlanVersion")! });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal($"/people/{person}/profile/{planId}", saved.Location);
        return (person, planId, saved.Location!);
    }

    private static async Task<AppClient.Page> PostFormAsync(AppClient client, string url, Dictionary<string, string> answers)
    {
        var form = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        answers["PlanVersion"] = form.ValueOf("PlanVersion")!;
        return await client.PostAsync(url, answers);
    }

    [SkippableFact]
    public async Task AnUnfinishedProfile_IsRefused_NamingEachMissingPartAtItsSection_AndKeepsTheDate()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        var (person, plan, page) = await StartProfileAsync(manager, new() { ["Input.WhatMattersToMe"] = "My sister" });

        var status = await manager.GetAsync(page);
        Assert.Contains("Draft, not agreed", status.Body);
        Assert.Contains("Write the person's strengths and skills", status.Document.QuerySelector("#plan-gaps")!.TextContent);

        var agreeUrl = $"/people/{person}/plans/{plan}/agree";
        var date = Today.AddMonths(2);
        var refused = await PostFormAsync(manager, agreeUrl, Date("Input.ReviewDate", date));
        Assert.True(refused.Status == HttpStatusCode.OK, refused.Body);
        Assert.True(refused.ErrorSummary.Count > 0, refused.Body[..Math.Min(refused.Body.Length, 6000)]);
        Assert.Contains(refused.ErrorSummary, e => e.StartsWith("Write the person's strengths and skills (rule R23"));
        Assert.Contains(refused.ErrorSummary, e => e.StartsWith("Write how the person took part in writing their profile, and who else helped"));
        Assert.DoesNotContain(refused.ErrorSummary, e => e.StartsWith("Write what matters to the person"));
        Assert.Contains("Write the person's strengths and skills", refused.Document.QuerySelector("#section-StrengthsAndSkills .govuk-error-message")!.TextContent);
        Assert.Null(refused.Document.QuerySelector("#section-WhatMattersToMe .govuk-error-message"));
        Assert.Equal(date.Day.ToString(), refused.ValueOf("Input.ReviewDate.Day"));
        Assert.Equal(PlanStatus.Draft, await app.WithDatabaseAsync(db => db.Plans.Where(p => p.Id == plan).Select(p => p.Status).SingleAsync()));
    }

    [SkippableFact]
    public async Task AProfile_IsAgreed_Revised_Reviewed_AndClosed()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        var (person, plan, page) = await StartProfileAsync(manager, AllParts);
        var plansUrl = $"/people/{person}/plans";

        // A review date more than a year away is refused, and the date is kept as typed.
        var tooFar = await PostFormAsync(manager, $"/people/{person}/plans/{plan}/agree", Date("Input.ReviewDate", Today.AddMonths(13)));
        Assert.Contains(tooFar.ErrorSummary, e => e.StartsWith("The review date must be within a year"));
        var agreed = await PostFormAsync(manager, $"/people/{person}/plans/{plan}/agree", Date("Input.ReviewDate", Today.AddMonths(3)));
        Assert.Equal(HttpStatusCode.Redirect, agreed.Status);
        Assert.Equal(page, agreed.Location);
        var view = await manager.GetAsync(page);
        Assert.Contains("In place", view.Body);
        Assert.Contains("My sister and my garden", view.Body);
        Assert.Contains("Knowing Test", (await manager.GetAsync(plansUrl)).Body);

        // Revising needs a reason; the agreed version stays in force meanwhile.
        var noReason = await PostFormAsync(manager, $"/people/{person}/plans/{plan}/revise", new() { ["Reason"] = "" });
        Assert.Contains("Say why the plan is changing", noReason.ErrorSummary);
        var revised = await PostFormAsync(manager, $"/people/{person}/plans/{plan}/revise", new() { ["Reason"] = "Started a new job at the garden centre" });
        Assert.Equal($"/people/{person}/profile/{plan}/edit", revised.Location);
        var changed = await PostFormAsync(manager, revised.Location!, new(AllParts) { ["Input.StrengthsAndSkills"] = "Gardening, and now selling plants" });
        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        view = await manager.GetAsync(page);
        Assert.Contains("Started a new job at the garden centre", view.Body);
        Assert.Contains("In place, changes drafted", view.Body);
        var first = await manager.GetAsync($"/people/{person}/plans/{plan}/versions/1");
        Assert.Contains("This is the version in force", first.Body);
        Assert.DoesNotContain("now selling plants", first.Body);
        Assert.Contains("This is a draft", (await manager.GetAsync($"/people/{person}/plans/{plan}/versions/2")).Body);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(manager, $"/people/{person}/plans/{plan}/agree", Date("Input.ReviewDate", Today.AddMonths(3)))).Status);
        Assert.Contains("has been replaced", (await manager.GetAsync($"/people/{person}/plans/{plan}/versions/1")).Body);

        // A review keeps it, with a new date; a review without an outcome is refused.
        var noOutcome = await PostFormAsync(manager, $"/people/{person}/plans/{plan}/review", new() { ["Input.Notes"] = "Fine" });
        Assert.Contains("Select the outcome of the review", noOutcome.ErrorSummary);
        var kept = await PostFormAsync(manager, $"/people/{person}/plans/{plan}/review",
            new(Date("Input.NextReviewDate", Today.AddMonths(6))) { ["Input.Outcome"] = "Keep", ["Input.Notes"] = "Still describes them well" });
        Assert.Equal(page, kept.Location);
        Assert.Equal(Today.AddMonths(6), await app.WithDatabaseAsync(db => db.Plans.Where(p => p.Id == plan).Select(p => p.ReviewDate).SingleAsync()));
        Assert.Contains("Still describes them well", (await manager.GetAsync(page)).Body);

        // A review that closes it: kept and readable, listed apart.
        var closed = await PostFormAsync(manager, $"/people/{person}/plans/{plan}/review", new() { ["Input.Outcome"] = "Close", ["Input.Notes"] = "Moved to her sister's" });
        Assert.Equal(plansUrl, closed.Location);
        var list = await manager.GetAsync(plansUrl);
        Assert.Contains("Closed plans", list.Body);
        Assert.Contains("Moved to her sister", list.Body);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/people/{person}/plans/{plan}/versions/2")).Status);
        // A new profile may be started now; the button shows again.
        Assert.NotNull(list.Document.QuerySelector($"a.govuk-button[href='/people/{person}/profile/new']"));
    }

    [SkippableFact]
    public async Task AProfileClosedFromItsPage_NeedsAReason()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        var (person, plan, _) = await StartProfileAsync(manager, AllParts);
        var noReason = await PostFormAsync(manager, $"/people/{person}/plans/{plan}/close", new() { ["Reason"] = " " });
        Assert.Contains("Say why the plan is being closed", noReason.ErrorSummary);
        var closed = await PostFormAsync(manager, $"/people/{person}/plans/{plan}/close", new() { ["Reason"] = "Started in error" });
        Assert.Equal($"/people/{person}/plans", closed.Location);
        Assert.Equal(PlanStatus.Closed, await app.WithDatabaseAsync(db => db.Plans.Where(p => p.Id == plan).Select(p => p.Status).SingleAsync()));
    }

    [SkippableFact]
    public async Task TraumaHistory_IsShownOnlyToThoseWhoNeedIt_AndNeverInTheEasyRead()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var peggy = await app.IdOfPersonAsync("Hughes");
        var plan = await app.WithDatabaseAsync(db => db.Plans.Where(p => p.PersonId == peggy && p.Kind == PlanKind.Profile).Select(p => p.Id).SingleAsync());
        const string history = "being left alone behind a closed door";
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        using var careWorker = await app.NewClient().SignInAsync("careworker@oakfield.example");
        Assert.Contains(history, (await manager.GetAsync($"/people/{peggy}/profile/{plan}")).Body);
        var seenByCareWorker = await careWorker.GetAsync($"/people/{peggy}/plans/{plan}/versions/1");
        Assert.Equal(HttpStatusCode.OK, seenByCareWorker.Status);
        Assert.DoesNotContain(history, seenByCareWorker.Body);
        Assert.Contains("shown only to the person's managers and their social worker", seenByCareWorker.Body);
        Assert.Contains("My garden", seenByCareWorker.Body);

        var pdf = await careWorker.GetAsync($"/people/{peggy}/plans/{plan}/versions/1/easy-read");
        Assert.Equal(HttpStatusCode.OK, pdf.Status);
        Assert.Equal("application/pdf", pdf.ContentType);
        Assert.StartsWith("%PDF", pdf.Body);
        Assert.Equal(HttpStatusCode.NotFound, (await careWorker.GetAsync($"/people/{peggy}/plans/{plan}/versions/2/easy-read")).Status);
        // A care worker reads plans but does not change them: no actions shown.
        Assert.Empty((await careWorker.GetAsync($"/people/{peggy}/profile/{plan}")).Document.QuerySelectorAll("a.govuk-button"));
    }

    [SkippableFact]
    public async Task ADraft_HasNoEasyReadCopy()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var sam = await app.IdOfPersonAsync("Adeyemi");
        var plan = await app.WithDatabaseAsync(db => db.Plans.Where(p => p.PersonId == sam && p.Kind == PlanKind.Profile).Select(p => p.Id).SingleAsync());
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/people/{sam}/plans/{plan}/versions/1/easy-read")).Status);
    }
}

public sealed class PlanPagesOnSqlite(SqliteApp app) : PlanPagesTests(app), IClassFixture<SqliteApp>;

public sealed class PlanPagesOnPostgres(PostgresApp app) : PlanPagesTests(app), IClassFixture<PostgresApp>;
