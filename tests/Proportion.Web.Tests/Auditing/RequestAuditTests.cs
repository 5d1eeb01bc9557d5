using System.Net;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure.Subjects;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Auditing;

/// <summary>
/// The audit the route subjects write: one Viewed entry for every page (and API route) that shows a
/// person's record, and one Refused entry for every refused request, with what was asked and why,
/// recorded in the requesting user's organisation; both readable where managers and administrators look.
/// </summary>
public abstract class RequestAuditTests(AppFixture app)
{
    private const string Manager = "manager@oakfield.example";

    /// <summary>Every page that shows Peggy's record to her service manager, with an open discussion and review so each question page shows.</summary>
    private static readonly string[] PagesShowingPeggy =
    [
        "/people/{peggy}",
        "/people/{peggy}/edit",
        "/people/{peggy}/history",
        "/people/{peggy}/representatives/new",
        "/people/{peggy}/practices",
        "/people/{peggy}/practices/new",
        "/people/{peggy}/practices/{practice}",
        "/people/{peggy}/practices/{practice}/end",
        "/people/{peggy}/practices/{practice}/decision",
        "/people/{peggy}/practices/{practice}/decision/risk",
        "/people/{peggy}/practices/{practice}/decision/alternatives",
        "/people/{peggy}/practices/{practice}/decision/views",
        "/people/{peggy}/practices/{practice}/decision/capacity",
        "/people/{peggy}/practices/{practice}/decision/guidelines",
        "/people/{peggy}/practices/{practice}/decision/check",
        "/people/{peggy}/practices/{practice}/decisions/1",
        "/people/{peggy}/practices/{practice}/decisions/1/rp2",
        "/people/{peggy}/practices/{practice}/decisions/1/easy-read",
        "/people/{peggy}/practices/{practice}/review",
        "/people/{peggy}/practices/{practice}/review/need",
        "/people/{peggy}/practices/{practice}/review/views",
        "/people/{peggy}/practices/{practice}/review/safeguards",
        "/people/{peggy}/practices/{practice}/review/outcome",
        "/people/{peggy}/practices/{practice}/review/check",
        "/people/{peggy}/practices/{practice}/reviews/1",
        "/people/{peggy}/practices/{practice}/reviews/1/rp2a",
        "/people/{peggy}/practices/rp1",
        "/people/{peggy}/liberty",
        "/people/{peggy}/liberty/screening/new",
        "/people/{peggy}/liberty/applications/new",
        "/people/{peggy}/incidents",
        "/people/{peggy}/incidents/new",
        "/api/v1/people/{peggy}",
        "/api/v1/people/{peggy}/practices",
        "/api/v1/people/{peggy}/incidents",
    ];

    /// <summary>Every page about one of Joyce's incidents, which shows her record.</summary>
    private static readonly string[] PagesShowingJoyce =
    [
        "/incidents/{incident}",
        "/incidents/{incident}/review",
        "/incidents/{incident}/follow-up",
        "/incidents/{incident}/notifications/Cqc",
        "/incidents/{incident}/amend",
        "/incidents/{incident}/cb1",
    ];

    [SkippableFact]
    public async Task EveryPageShowingAPerson_WritesExactlyOneViewedEntryForThem()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var peggy = await app.IdOfPersonAsync("Hughes");
        var joyce = await app.IdOfPersonAsync("Turner");
        var manager = await app.IdOfUserAsync(Manager);
        var practice = await PeggysFrontDoorAsync();
        var incident = await app.WithDatabaseAsync(db => db.Incidents
            .Where(i => i.PersonId == joyce && i.Kind == IncidentKind.Emergency).Select(i => i.Id).FirstAsync());
        using var client = await app.NewClient().SignInAsync(Manager);
        await OpenDiscussionAndReviewAsync(client, peggy, practice);

        var failures = new List<string>();
        foreach (var (routes, person) in new[] { (PagesShowingPeggy, peggy), (PagesShowingJoyce, joyce) })
        {
            foreach (var route in routes)
            {
                var path = route.Replace("{peggy}", peggy.ToString()).Replace("{practice}", practice.ToString())
                    .Replace("{incident}", incident.ToString());
                var before = await ViewsAsync(person, manager);
                var page = await client.GetAsync(path);
                var added = await ViewsAsync(person, manager) - before;
                if (page.Status != HttpStatusCode.OK || added != 1)
                {
                    failures.Add($"GET {route}: {(int)page.Status} {page.Location}, {added} Viewed entries");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [SkippableFact]
    public async Task AView_SaysWhatWasViewed()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var peggy = await app.IdOfPersonAsync("Hughes");
        var practice = await PeggysFrontDoorAsync();
        using var client = await app.NewClient().SignInAsync("senior@oakfield.example");

        await client.GetAsync($"/people/{peggy}/practices/{practice}");

        var latest = await app.WithDatabaseAsync(db => db.AuditEvents.Where(a => a.PersonId == peggy && a.Action == AuditAction.Viewed)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).FirstAsync());
        Assert.StartsWith("Viewed practice: Front door has a key-code lock", latest.Summary);
    }

    [SkippableFact]
    public async Task AForeignId_IsRefusedAsNotFound_AndRecordedOnceInTheAskersOwnOrganisation()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var peggy = await app.IdOfPersonAsync("Hughes");
        var riverside = await app.WithDatabaseAsync(db => db.Users.Where(u => u.Email == "manager@riverside.example").Select(u => new { u.Id, u.OrganisationId }).SingleAsync());
        using var client = await app.NewClient().SignInAsync("manager@riverside.example");
        var before = await RefusalsAsync(riverside.Id);

        var page = await client.GetAsync($"/people/{peggy}/liberty");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        var refusals = await RefusalsAsync(riverside.Id);
        var refusal = Assert.Single(refusals.Except(before, new SameId()));
        Assert.Equal(riverside.OrganisationId, refusal.OrganisationId);
        Assert.Equal($"Refused GET /people/{peggy}/liberty", refusal.Summary);
        Assert.Equal(RefusalReasons.NotFoundOrOutOfScope, refusal.Reason);
        Assert.Equal(peggy.ToString(), ChangeSet.Parse(refusal.Changes)["id"][1]);

        // Oakfield's managers are not shown another provider's attempt: it is not theirs to read.
        using var oakfield = await app.NewClient().SignInAsync(Manager);
        Assert.DoesNotContain($"Refused GET /people/{peggy}/liberty", Text(await oakfield.GetAsync($"/people/{peggy}/history")));
    }

    [SkippableFact]
    public async Task AForbiddenPage_IsRecordedOnceWithTheReason_AndShownOnThePersonsHistory()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var peggy = await app.IdOfPersonAsync("Hughes");
        var careWorker = await app.IdOfUserAsync("careworker@oakfield.example");
        using var client = await app.NewClient().SignInAsync("careworker@oakfield.example");
        var before = await RefusalsAsync(careWorker);

        var page = await client.GetAsync($"/people/{peggy}/history");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Contains("/access-denied", page.Location);
        var refusal = Assert.Single((await RefusalsAsync(careWorker)).Except(before, new SameId()));
        Assert.Equal($"Refused GET /people/{peggy}/history", refusal.Summary);
        Assert.Equal(RefusalReasons.NotAllowedForRoles, refusal.Reason);
        Assert.Equal(peggy, refusal.PersonId);

        using var manager = await app.NewClient().SignInAsync(Manager);
        var history = await manager.GetAsync($"/people/{peggy}/history");
        Assert.Contains($"Refused GET /people/{peggy}/history", Text(history));
        Assert.Contains(RefusalReasons.NotAllowedForRoles, Text(history));
    }

    [SkippableFact]
    public async Task RefusalsFromTheApiAndFromAPagesOwnChecks_AreEachRecordedOnce()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var peggy = await app.IdOfPersonAsync("Hughes");
        var house = await app.IdOfServiceAsync("Oakfield House");
        var practice = await PeggysFrontDoorAsync();
        var careWorker = await app.IdOfUserAsync("careworker@oakfield.example");
        using var client = await app.NewClient().SignInAsync("careworker@oakfield.example");

        foreach (var (path, status, reason) in new[]
        {
            ($"/api/v1/services/{house}/practices", HttpStatusCode.Forbidden, RefusalReasons.NotAllowedForRoles),
            ($"/api/v1/people/{Guid.CreateVersion7()}", HttpStatusCode.NotFound, RefusalReasons.NotFoundOrOutOfScope),
            ($"/people/{peggy}/practices/{practice}/reviews/99", HttpStatusCode.NotFound, RefusalReasons.NotFoundOrOutOfScope),
            ($"/incidents/{Guid.CreateVersion7()}", HttpStatusCode.NotFound, RefusalReasons.NotFoundOrOutOfScope),
        })
        {
            var before = await RefusalsAsync(careWorker);
            Assert.Equal(status, (await client.GetAsync(path)).Status);
            var refusal = Assert.Single((await RefusalsAsync(careWorker)).Except(before, new SameId()));
            Assert.Equal($"Refused GET {path}", refusal.Summary);
            Assert.Equal(reason, refusal.Reason);
        }
    }

    [SkippableFact]
    public async Task TheAdministrator_ListsTheOrganisationsRefusals_ByUser_AndNeverAnotherOrganisations()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var george = await app.IdOfPersonAsync("Whitaker");
        var peggy = await app.IdOfPersonAsync("Hughes");
        var careWorker = await app.IdOfUserAsync("careworker@oakfield.example");
        using (var oakfield = await app.NewClient().SignInAsync("careworker@oakfield.example"))
        {
            await oakfield.GetAsync($"/people/{george}");
        }
        using (var riverside = await app.NewClient().SignInAsync("manager@riverside.example"))
        {
            await riverside.GetAsync($"/people/{peggy}/edit");
        }
        using var admin = await app.NewClient().SignInAsync("admin@oakfield.example");

        Assert.Contains("/admin/refused", (await admin.GetAsync("/admin/users")).Body);
        var list = await admin.GetAsync("/admin/refused");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Contains($"GET /people/{george}", list.Body);
        Assert.Contains(RefusalReasons.NotFoundOrOutOfScope, Text(list));
        Assert.DoesNotContain($"/people/{peggy}/edit", list.Body);

        var mine = await admin.GetAsync($"/admin/refused?Who={careWorker}");
        Assert.Contains($"GET /people/{george}", mine.Body);
        var someoneElse = await admin.GetAsync($"/admin/refused?Who={await app.IdOfUserAsync("board@oakfield.example")}");
        Assert.DoesNotContain($"GET /people/{george}", someoneElse.Body);

        var badDate = await admin.GetAsync("/admin/refused?From.Day=31&From.Month=2&From.Year=2026");
        Assert.Equal(HttpStatusCode.OK, badDate.Status);
        Assert.NotEmpty(badDate.ErrorSummary);
    }

    private static string Text(AppClient.Page page) => page.Document.Body?.TextContent ?? "";

    private Task<Guid> PeggysFrontDoorAsync() => app.WithDatabaseAsync(db => db.Practices
        .Where(p => p.Description.StartsWith("Front door has a key-code lock; the code is not shared with Peggy")).Select(p => p.Id).SingleAsync());

    /// <summary>Opens a discussion and a review of the practice, so every question page shows rather than sending to its start.</summary>
    private static async Task OpenDiscussionAndReviewAsync(AppClient client, Guid person, Guid practice)
    {
        var start = await client.GetAsync($"/people/{person}/practices/{practice}/decision");
        await client.PostAsync($"/people/{person}/practices/{practice}/decision", new() { ["ChangeReason"] = "Audit test" }, AppClient.TokenOf(start.Document));
        var review = await client.GetAsync($"/people/{person}/practices/{practice}/review");
        await client.PostAsync($"/people/{person}/practices/{practice}/review", new(), AppClient.TokenOf(review.Document));
    }

    private Task<int> ViewsAsync(Guid person, Guid user) => app.WithDatabaseAsync(db =>
        db.AuditEvents.CountAsync(a => a.PersonId == person && a.UserId == user && a.Action == AuditAction.Viewed));

    private Task<List<AuditEvent>> RefusalsAsync(Guid user) => app.WithDatabaseAsync(db =>
        db.AuditEvents.AsNoTracking().Where(a => a.UserId == user && a.Action == AuditAction.Refused).ToListAsync());

    private sealed class SameId : IEqualityComparer<AuditEvent>
    {
        public bool Equals(AuditEvent? x, AuditEvent? y) => x?.Id == y?.Id;
        public int GetHashCode(AuditEvent obj) => obj.Id.GetHashCode();
    }
}

public sealed class RequestAuditOnSqlite(SqliteApp app) : RequestAuditTests(app), IClassFixture<SqliteApp>;

public sealed class RequestAuditOnPostgres(PostgresApp app) : RequestAuditTests(app), IClassFixture<PostgresApp>;
