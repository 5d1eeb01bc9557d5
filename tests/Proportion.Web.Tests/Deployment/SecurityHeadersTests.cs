using System.Net;
using Proportion.Web.Infrastructure;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Deployment;

/// <summary>
/// Every response carries the protective headers (ADR 0008): a page, the API, the sign-in page and a
/// 404 alike; what a signed-in user reads and every API answer is never cached; and no page has the
/// inline script or style the Content-Security-Policy would block.
/// </summary>
public abstract class SecurityHeadersTests(AppFixture app)
{
    [SkippableFact]
    public async Task EveryKindOfResponse_CarriesThePolicyHeaders()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var signedOut = app.NewClient();
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");

        var responses = new Dictionary<string, HttpResponseMessage>
        {
            ["sign-in page"] = await signedOut.Http.GetAsync("/sign-in"),
            ["signed-out API"] = await signedOut.Http.GetAsync("/api/v1/people"),
            ["home page"] = await manager.Http.GetAsync("/"),
            ["API"] = await manager.Http.GetAsync("/api/v1/people"),
            ["unknown page"] = await manager.Http.GetAsync("/no-such-page"),
            ["person not found"] = await manager.Http.GetAsync($"/people/{Guid.CreateVersion7()}"),
            ["script file"] = await signedOut.Http.GetAsync("/js/init.js"),
        };
        try
        {
            Assert.Equal(HttpStatusCode.OK, responses["home page"].StatusCode);
            Assert.Equal(HttpStatusCode.OK, responses["API"].StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, responses["unknown page"].StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, responses["person not found"].StatusCode);
            foreach (var (what, response) in responses)
            {
                Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var csp), $"{what}: no Content-Security-Policy");
                Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Assert.Single(csp));
                Assert.Contains("frame-ancestors 'none'", csp.Single());
                Assert.DoesNotContain("unsafe-inline", csp.Single());
                Assert.Equal("DENY", Single(response, "X-Frame-Options", what));
                Assert.Equal("nosniff", Single(response, "X-Content-Type-Options", what));
                Assert.Equal("no-referrer", Single(response, "Referrer-Policy", what));
            }
            foreach (var what in new[] { "signed-out API", "home page", "API", "person not found" })
            {
                Assert.True(responses[what].Headers.CacheControl?.NoStore == true, $"{what}: Cache-Control is '{responses[what].Headers.CacheControl}', not no-store");
            }
        }
        finally
        {
            foreach (var response in responses.Values)
            {
                response.Dispose();
            }
        }
    }

    [SkippableFact]
    public async Task OverHttps_StrictTransportSecurityIsSent_AndCookiesAreSecureHttpOnlyAndSameSite()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        // Not localhost, which HSTS leaves out so a developer's browser is never pinned to HTTPS.
        using var http = app.CreateClient(new() { BaseAddress = new Uri("https://proportion.example"), AllowAutoRedirect = false, HandleCookies = true });
        using var client = new AppClient(http);
        using var signInPage = await http.GetAsync("/sign-in");

        Assert.True(signInPage.Headers.TryGetValues("Strict-Transport-Security", out var hsts), "no HSTS over HTTPS");
        Assert.StartsWith("max-age=31536000", hsts.Single());
        var antiforgery = Assert.Single(signInPage.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery"));
        AssertProtected(antiforgery, "samesite=strict");

        var token = AppClient.TokenOf(new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await signInPage.Content.ReadAsStringAsync()));
        using var signedIn = await http.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "board@oakfield.example", ["Input.Password"] = Core.Demo.DemoData.Password, ["__RequestVerificationToken"] = token!,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        AssertProtected(Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("proportion=")), "samesite=lax");
    }

    [SkippableFact]
    public async Task NoPageTheManagerCanOpen_HasInlineScriptOrStyle()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var signedOut = app.NewClient();
        var found = new List<string>();
        foreach (var path in new[] { "/sign-in", "/no-such-page" })
        {
            found.AddRange(InlineCode.In((await signedOut.GetAsync(path)).Document).Select(f => $"{path} (signed out): {f}"));
        }
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        var pages = 0;
        foreach (var path in await Authorisation.AccessMatrixTests.PagesTheManagerCanOpenAsync(app))
        {
            var page = await manager.GetAsync(path);
            if (page.Status == HttpStatusCode.OK && page.ContentType == "text/html")
            {
                pages++;
                found.AddRange(InlineCode.In(page.Document).Select(f => $"{path}: {f}"));
            }
        }
        Assert.True(pages > 20, $"only {pages} pages were scanned");
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    private static string Single(HttpResponseMessage response, string header, string what) =>
        response.Headers.TryGetValues(header, out var values) ? values.Single() : throw new Xunit.Sdk.XunitException($"{what}: no {header}");

    private static void AssertProtected(string setCookie, string sameSite)
    {
        var attributes = setCookie.ToLowerInvariant().Split(';').Select(a => a.Trim()).ToList();
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains(sameSite, attributes);
    }
}

public sealed class SecurityHeadersOnSqlite(SqliteApp app) : SecurityHeadersTests(app), IClassFixture<SqliteApp>;

public sealed class SecurityHeadersOnPostgres(PostgresApp app) : SecurityHeadersTests(app), IClassFixture<PostgresApp>;
