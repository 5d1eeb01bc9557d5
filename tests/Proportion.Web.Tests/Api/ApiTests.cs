using System.Net;
using System.Text.Json;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Api;

public abstract class ApiTests(AppFixture app)
{
    [SkippableFact]
    public async Task OpenApiDocument_DescribesEveryRoute()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var client = app.NewClient();

        var document = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, document.Status);
        using var json = JsonDocument.Parse(document.Body);
        var paths = json.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(
            ["/api/v1/people", "/api/v1/people/{id}", "/api/v1/people/{id}/incidents", "/api/v1/people/{id}/practices", "/api/v1/services", "/api/v1/services/{id}/due", "/api/v1/services/{id}/practices"],
            paths.Order());
    }

    [SkippableFact]
    public async Task Incidents_GiveTheMhsdsCodesAndUtcTimes()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var sam = await app.IdOfPersonAsync("Adeyemi");
        using var client = await app.NewClient().SignInAsync("socialworker@northshire.example");

        var incidents = await client.GetAsync($"/api/v1/people/{sam}/incidents");

        using var json = JsonDocument.Parse(incidents.Body);
        var interventions = json.RootElement.EnumerateArray().SelectMany(i => i.GetProperty("interventions").EnumerateArray()).ToList();
        Assert.Contains(interventions, i => i.GetProperty("mhsdsCode").GetString() == "01" && i.GetProperty("minutes").GetInt32() == 3);
        Assert.All(json.RootElement.EnumerateArray(), i => Assert.EndsWith("Z", i.GetProperty("occurredAt").GetString()));
        Assert.DoesNotContain("Antecedents", incidents.Body, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public async Task Due_ListsTheServicesReviewsOverdueAndItsAudit_WithTheirRules()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var house = await app.IdOfServiceAsync("Oakfield House");
        using var client = await app.NewClient().SignInAsync("inspector@oakfield.example");

        var due = await client.GetAsync($"/api/v1/services/{house}/due");

        Assert.Equal(HttpStatusCode.OK, due.Status);
        using var json = JsonDocument.Parse(due.Body);
        var items = json.RootElement.EnumerateArray().ToList();
        // Arthur's covert medicine was due for review five days ago (demo data); the audit is overdue (R11).
        Assert.Contains(items, i => i.GetProperty("kind").GetString() == "PracticeReview" && i.GetProperty("rule").GetString() == "R9"
            && i.GetProperty("overdue").GetBoolean() && i.GetProperty("what").GetString()!.Contains("Blood pressure medicine"));
        Assert.Contains(items, i => i.GetProperty("kind").GetString() == "Audit" && i.GetProperty("overdue").GetBoolean());
        Assert.Contains(items, i => i.GetProperty("kind").GetString() == "ReductionNotConsidered" && i.GetProperty("rule").GetString() == "R18");
    }

    [SkippableFact]
    public async Task Register_GivesThePracticesAndTheTotalInPlace()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var doris = await app.IdOfPersonAsync("Clarke");
        using var client = await app.NewClient().SignInAsync("socialworker@northshire.example");

        var register = await client.GetAsync($"/api/v1/people/{doris}/practices");

        using var json = JsonDocument.Parse(register.Body);
        Assert.Equal(1, json.RootElement.GetProperty("inPlace").GetInt32());
        var statuses = json.RootElement.GetProperty("practices").EnumerateArray().Select(p => p.GetProperty("status").GetString()).Order();
        Assert.Equal(["Agreed", "Ended"], statuses);
    }
}

public sealed class ApiOnSqlite(SqliteApp app) : ApiTests(app), IClassFixture<SqliteApp>;

public sealed class ApiOnPostgres(PostgresApp app) : ApiTests(app), IClassFixture<PostgresApp>;
