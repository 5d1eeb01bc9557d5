using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Authorisation;

/// <summary>
/// Lists built from several queries at once (the home page, my tasks, the due API) show only what is in
/// the user's scope. Oakfield's Sam Adeyemi has an incident that calls for an early review (R8): the other
/// provider's manager, and every Oakfield user outside his service, must never see it.
/// </summary>
public abstract class CrossTenantListTests(AppFixture app)
{
    [SkippableTheory]
    [InlineData("/")]
    [InlineData("/tasks")]
    public async Task OtherProvidersManager_DoesNotSeeOakfieldsEarlyReviews(string path)
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var riverside = await app.NewClient().SignInAsync("manager@riverside.example");

        var page = await riverside.GetAsync(path);

        Assert.DoesNotContain("Adeyemi", page.Body);
        Assert.DoesNotContain("Sam ", page.Body);
    }

    [SkippableFact]
    public async Task OakfieldsManager_StillSeesTheirOwnEarlyReview()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var senior = await app.NewClient().SignInAsync("senior@oakfield.example");

        var page = await senior.GetAsync("/");

        Assert.Contains("Adeyemi", page.Body);
    }
}

public sealed class CrossTenantListsOnSqlite(SqliteApp app) : CrossTenantListTests(app), IClassFixture<SqliteApp>;

public sealed class CrossTenantListsOnPostgres(PostgresApp app) : CrossTenantListTests(app), IClassFixture<PostgresApp>;
