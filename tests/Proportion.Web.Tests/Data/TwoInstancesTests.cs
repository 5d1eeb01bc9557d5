using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Proportion.Core.Data;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Data;

/// <summary>
/// The web tier is stateless (docs/architecture.md): two instances on one database accept each other's sign-in
/// cookies and antiforgery tokens, because the data-protection keys live in the database.
/// </summary>
public abstract class TwoInstancesTests(DatabaseProvider provider)
{
    [SkippableFact]
    public async Task ACookieFromOneInstance_WorksOnAnother()
    {
        Skip.If(provider == DatabaseProvider.Postgres && !TestDatabase.PostgresAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var database = new TestDatabase(provider);
        await using var first = new Instance(provider, database.ConnectionString);
        await using var second = new Instance(provider, database.ConnectionString);
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false };
        using var toFirst = first.CreateClient(options);
        using var toSecond = second.CreateClient(options);

        using var signInPage = await toFirst.GetAsync("/sign-in");
        var cookies = signInPage.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        var token = AppClient.TokenOf(new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await signInPage.Content.ReadAsStringAsync()));
        // The sign-in form from the first instance is posted to the second, as a load balancer might.
        using var post = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = "manager@oakfield.example", ["Input.Password"] = Core.Demo.DemoData.Password, ["__RequestVerificationToken"] = token!,
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", cookies));
        using var signedIn = await toSecond.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var authCookie = signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("proportion="));

        using var get = new HttpRequestMessage(HttpMethod.Get, "/people");
        get.Headers.Add("Cookie", authCookie);
        using var people = await toFirst.SendAsync(get);

        Assert.Equal(HttpStatusCode.OK, people.StatusCode);
        Assert.Contains("Hughes", await people.Content.ReadAsStringAsync());
    }

    private sealed class Instance(DatabaseProvider provider, string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Database:Provider", provider.ToString());
            builder.UseSetting("ConnectionStrings:Proportion", connectionString);
            builder.UseSetting("Demo:Seed", "true");
        }
    }
}

public sealed class TwoInstancesOnSqlite() : TwoInstancesTests(DatabaseProvider.Sqlite);

public sealed class TwoInstancesOnPostgres() : TwoInstancesTests(DatabaseProvider.Postgres);
