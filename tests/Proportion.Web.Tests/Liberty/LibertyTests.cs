using System.Net;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Model;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Liberty;

public abstract class LibertyTests(AppFixture app)
{
    private static Dictionary<string, string> Date(string prefix, DateOnly date) => new()
    {
        [$"{prefix}.Day"] = date.Day.ToString(), [$"{prefix}.Month"] = date.Month.ToString(), [$"{prefix}.Year"] = date.Year.ToString(),
    };

    private static Dictionary<string, string> With(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.Concat(b).ToDictionary(kv => kv.Key, kv => kv.Value);

    [SkippableFact]
    public async Task CareHome_ScreenedThenDoLS_TrackedToItsDates()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var joyce = await app.IdOfPersonAsync("Turner");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var missing = await manager.PostAsync($"/people/{joyce}/liberty/screening/new", Date("Input.AssessedOn", today));
        Assert.Contains("Describe whether the person is free to leave, and what happens if they try", missing.ErrorSummary);
        Assert.Contains("Select the conclusion", missing.ErrorSummary);
        var screened = await manager.PostAsync($"/people/{joyce}/liberty/screening/new", With(Date("Input.AssessedOn", today), new()
        {
            ["Input.SupervisionAndControl"] = "Staff know where she is at all times", ["Input.FreedomToLeave"] = "Staff would bring her back",
            ["Input.WishesAndObjection"] = "Says she wants to go home", ["Input.Conclusion"] = nameof(LibertyConclusion.LikelyDeprivation),
            ["Input.LegalBasis"] = "Multi-factorial assessment following [2026] UKSC 16",
        }));
        Assert.Equal(HttpStatusCode.Redirect, screened.Status);

        var wrongRoute = await manager.PostAsync($"/people/{joyce}/liberty/applications/new", With(Date("Input.RequestedOn", today), new()
        {
            ["Input.Kind"] = nameof(LibertyAuthorisationKind.CourtOfProtection),
        }));
        Assert.Contains(wrongRoute.ErrorSummary, e => e.Contains("through DoLS") && e.Contains("R6"));

        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync($"/people/{joyce}/liberty/applications/new", With(Date("Input.RequestedOn", today.AddDays(-30)), new()
        {
            ["Input.Kind"] = nameof(LibertyAuthorisationKind.StandardAuthorisation),
        }))).Status);
        var list = await manager.GetAsync($"/people/{joyce}/liberty");
        Assert.Contains("Assessments due from the supervisory body (21 days)", list.Body);
        Assert.Contains("Overdue", list.Body);

        var application = await app.WithDatabaseAsync(db => db.LibertyAuthorisations.SingleAsync(a => a.PersonId == joyce));
        var tooLong = await manager.PostAsync($"/people/{joyce}/liberty/applications/{application.Id}", With(With(
            Date("Input.StartsOn", today), Date("Input.ExpiresOn", today.AddMonths(13))), new()
        {
            ["Input.Outcome"] = nameof(LibertyOutcome.Granted), ["Input.Version"] = "1",
        }));
        Assert.Contains(tooLong.ErrorSummary, e => e.Contains("lasts no later than") && e.Contains("R6"));

        var granted = await manager.PostAsync($"/people/{joyce}/liberty/applications/{application.Id}", With(With(
            Date("Input.StartsOn", today), Date("Input.ExpiresOn", today.AddMonths(12))), new()
        {
            ["Input.Outcome"] = nameof(LibertyOutcome.Granted), ["Input.Version"] = "1",
        }));
        Assert.Equal(HttpStatusCode.Redirect, granted.Status);
        var after = await manager.GetAsync($"/people/{joyce}/liberty");
        Assert.Contains("Tell CQC the outcome (Regulation 18)", after.Body);
        Assert.Contains("Authorisation ends: apply to renew before then", after.Body);
    }

    [SkippableFact]
    public async Task SupportedLiving_IsOfferedTheCourtOfProtectionOnly()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var sam = await app.IdOfPersonAsync("Adeyemi");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");

        var form = await manager.GetAsync($"/people/{sam}/liberty/applications/new");
        var tampered = await manager.PostAsync($"/people/{sam}/liberty/applications/new", With(Date("Input.RequestedOn", DateOnly.FromDateTime(DateTime.UtcNow)), new()
        {
            ["Input.Kind"] = nameof(LibertyAuthorisationKind.UrgentAuthorisation),
        }));

        Assert.Contains("Court of Protection application", form.Body);
        Assert.DoesNotContain("DoLS urgent authorisation", form.Body);
        Assert.Contains(tampered.ErrorSummary, e => e.Contains("by the Court of Protection, not DoLS"));
    }
}

public sealed class LibertyOnSqlite(SqliteApp app) : LibertyTests(app), IClassFixture<SqliteApp>;

public sealed class LibertyOnPostgres(PostgresApp app) : LibertyTests(app), IClassFixture<PostgresApp>;
