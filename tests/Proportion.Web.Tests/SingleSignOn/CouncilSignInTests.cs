using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.SingleSignOn;

/// <summary>
/// Council sign-in (R27, ADR 0036) against a real OpenID Connect provider (OpenIddict on Kestrel): Southshire's staff
/// sign in through it as the Proportion account their administrator mapped, with that account's roles; a change of
/// mapping takes effect at the next sign-in; an unknown user of the provider is refused and nothing is made; signing
/// out ends the app's session and the provider's; a council with it turned off offers no way in.
/// </summary>
public abstract class CouncilSignInTests(AppFixture app) : IAsyncLifetime
{
    private TestIdentityProvider _provider = null!;

    public async Task InitializeAsync() => _provider = await TestIdentityProvider.StartAsync();

    public async Task DisposeAsync() => await _provider.DisposeAsync();

    private Task<Guid> SouthshireAsync() =>
        app.WithDatabaseAsync(db => db.Organisations.Where(o => o.Name == TwoCouncils.Southshire).Select(o => o.Id).SingleAsync());

    /// <summary>Turns Southshire's sign-in on (or off) with the test provider, and maps an email to an account, directly.</summary>
    private async Task<Guid> SetUpAsync(bool enabled = true, string? mapEmail = "alice.ward@southshire.gov.uk", string account = "commissioner@southshire.example")
    {
        await TwoCouncils.EnsureAsync(app);
        var council = await SouthshireAsync();
        var protection = app.Services.GetRequiredService<IDataProtectionProvider>();
        await app.WithDatabaseAsync(async db =>
        {
            var settings = await db.CouncilSignOns.SingleOrDefaultAsync(s => s.OrganisationId == council);
            if (settings is null)
            {
                settings = new CouncilSignOn { OrganisationId = council, Authority = "", ClientId = "" };
                db.CouncilSignOns.Add(settings);
            }
            settings.Authority = _provider.Authority;
            settings.ClientId = TestIdentityProvider.ClientId;
            settings.ProtectedSecret = CouncilSignIn.Protect(protection, TestIdentityProvider.ClientSecret);
            settings.Enabled = enabled;
            settings.UpdatedAt = DateTime.UtcNow;
            foreach (var user in await db.Users.Where(u => u.OrganisationId == council).ToListAsync())
            {
                user.SignOnEmail = mapEmail is not null && user.Email == account ? mapEmail.ToUpperInvariant() : null;
            }
            await db.SaveChangesAsync();
        });
        // The provider's options are worked out from the settings: forget any worked out from earlier ones.
        app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitorCache<Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions>>()
            .TryRemove(CouncilSignIn.SchemeFor(council));
        return council;
    }

    /// <summary>A browser-like client on https, as the sign-in cookies are secure.</summary>
    private AppClient NewClient() =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>
    /// Goes through the council's sign-in as a browser would: to the provider, which signs in <paramref name="email"/>
    /// and posts the code back, then to the page that signs in to Proportion. Returns that page's answer.
    /// </summary>
    private async Task<AppClient.Page> SignInThroughCouncilAsync(AppClient client, Guid council, string email)
    {
        _provider.SignInAs = email;
        var challenge = await client.GetAsync($"/sign-in/council/{council}");
        Assert.Equal(HttpStatusCode.Redirect, challenge.Status);
        Assert.StartsWith(_provider.Authority, challenge.Location);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var posted = await browser.GetStringAsync(challenge.Location);
        var form = new HtmlParser().ParseDocument(posted).QuerySelector("form")!;
        var fields = form.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();
        var callback = await client.PostAsync(new Uri(form.GetAttribute("action")!).PathAndQuery, fields);
        Assert.True(callback.Status == HttpStatusCode.Redirect, $"The callback answered {(int)callback.Status}: {callback.Body[..Math.Min(500, callback.Body.Length)]}");
        return await client.GetAsync(callback.Location!);
    }

    [SkippableFact]
    public async Task StaffSignInThroughTheirCouncil_AsTheMappedAccount_WithItsRoles_AndAMappingChangeTakesEffect()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        // The sign-in cookies carry the app's time: run at the real time, as the provider does.
        using var now = app.Clock.MoveOn(DateTime.UtcNow - app.Clock.GetUtcNow().UtcDateTime);
        var council = await SetUpAsync();

        using var client = NewClient();
        var signIn = await client.GetAsync("/sign-in");
        Assert.NotNull(signIn.Document.QuerySelector($"a[href^='/sign-in/council/{council}']"));
        var done = await SignInThroughCouncilAsync(client, council, "Alice.Ward@southshire.gov.uk");
        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.Equal("/", done.Location);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/council/picture")).Status);
        var audited = await app.WithDatabaseAsync(db => db.AuditEvents.Where(a => a.OrganisationId == council && a.Action == AuditAction.SignedIn)
            .Select(a => a.Summary).ToListAsync());
        Assert.Contains(audited, s => s == "Alice Ward signed in through Southshire Council's own sign-in");

        // The administrator maps the same email to the social worker's account: the next sign-in opens that one.
        using var admin = await NewClient().SignInAsync("admin@southshire.example");
        var socialWorker = await app.IdOfUserAsync("socialworker@southshire.example");
        var commissioner = await app.IdOfUserAsync("commissioner@southshire.example");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/admin/single-sign-on/users/{commissioner}", new() { ["SignOnEmail"] = "" })).Status);
        var taken = await admin.PostAsync($"/admin/single-sign-on/users/{socialWorker}", new() { ["SignOnEmail"] = "not an email" });
        Assert.Contains(taken.ErrorSummary, e => e.StartsWith("Enter an email address in the correct format"));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/admin/single-sign-on/users/{socialWorker}", new() { ["SignOnEmail"] = "alice.ward@southshire.gov.uk" })).Status);

        using var again = NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await SignInThroughCouncilAsync(again, council, "alice.ward@southshire.gov.uk")).Status);
        var picture = await again.GetAsync("/council/picture");
        Assert.Contains("/access-denied", picture.Location ?? "");
        var owen = await app.WithDatabaseAsync(db => db.People.Where(p => p.FamilyName == "Marsh").Select(p => p.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync($"/people/{owen}")).Status);
    }

    [SkippableFact]
    public async Task AnUnknownUserOfTheProvider_IsRefused_AndNoAccountIsMade()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var now = app.Clock.MoveOn(DateTime.UtcNow - app.Clock.GetUtcNow().UtcDateTime);
        var council = await SetUpAsync();
        var accounts = await app.WithDatabaseAsync(db => db.Users.CountAsync());

        using var client = NewClient();
        var refused = await SignInThroughCouncilAsync(client, council, "stranger@southshire.gov.uk");
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("You cannot sign in to Proportion yet", refused.Body);
        Assert.Contains("/sign-in", (await client.GetAsync("/council/picture")).Location ?? "");
        Assert.Equal(accounts, await app.WithDatabaseAsync(db => db.Users.CountAsync()));
        Assert.True(await app.WithDatabaseAsync(db => db.AuditEvents.AnyAsync(a => a.Action == AuditAction.SignInFailed && a.Reason == "No account has this email address")));
    }

    [SkippableFact]
    public async Task SigningOut_EndsTheAppsSession_AndTheProviders()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var now = app.Clock.MoveOn(DateTime.UtcNow - app.Clock.GetUtcNow().UtcDateTime);
        var council = await SetUpAsync();
        using var client = NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await SignInThroughCouncilAsync(client, council, "alice.ward@southshire.gov.uk")).Status);

        var signOut = await client.PostAsync("/sign-out", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signOut.Status);
        Assert.StartsWith($"{_provider.Authority}connect/endsession", signOut.Location);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var back = await browser.GetAsync(signOut.Location);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Single(_provider.EndSessions);
        var landed = await client.GetAsync(back.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, landed.Status);
        Assert.Equal("/sign-in", landed.Location);
        Assert.Contains("/sign-in", (await client.GetAsync("/council/picture")).Location ?? "");
    }

    [SkippableFact]
    public async Task ACouncilWithItTurnedOff_OffersNoWayIn_AndItsAdministratorSetsItUp()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var council = await SetUpAsync(enabled: false);
        using var client = NewClient();
        Assert.Null((await client.GetAsync("/sign-in")).Document.QuerySelector($"a[href^='/sign-in/council/{council}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/sign-in/council/{council}")).Status);

        using var admin = await NewClient().SignInAsync("admin@southshire.example");
        var page = await admin.GetAsync("/admin/single-sign-on");
        Assert.Contains($"/signin-oidc/{council:N}", page.Body);
        // The secret is never shown back.
        Assert.True(string.IsNullOrEmpty(page.Document.QuerySelector("input[name='Input.ClientSecret']")!.GetAttribute("value")));
        Assert.DoesNotContain(TestIdentityProvider.ClientSecret, page.Body);
        var version = page.ValueOf("Input.Version")!;
        var refused = await admin.PostAsync("/admin/single-sign-on", new()
        {
            ["Input.Enabled"] = "true", ["Input.Authority"] = "http://login.example.gov.uk/", ["Input.ClientId"] = "", ["Input.Version"] = version,
        });
        Assert.Contains(refused.ErrorSummary, e => e.StartsWith("Enter the identity provider's address starting https://"));
        Assert.Contains(refused.ErrorSummary, e => e.StartsWith("Enter the client ID"));
        Assert.Equal("http://login.example.gov.uk/", refused.ValueOf("Input.Authority"));
        // Turned on, keeping the secret already set (left blank).
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/admin/single-sign-on", new()
        {
            ["Input.Enabled"] = "true", ["Input.Authority"] = _provider.Authority, ["Input.ClientId"] = TestIdentityProvider.ClientId, ["Input.Version"] = version,
        })).Status);
        Assert.NotNull((await client.GetAsync("/sign-in")).Document.QuerySelector($"a[href^='/sign-in/council/{council}']"));
        // A second save from the same page is refused, not overwritten.
        var stale = await admin.PostAsync("/admin/single-sign-on", new()
        {
            ["Input.Enabled"] = "false", ["Input.Authority"] = _provider.Authority, ["Input.ClientId"] = TestIdentityProvider.ClientId, ["Input.Version"] = version,
        });
        Assert.Contains(stale.ErrorSummary, e => e.StartsWith("Someone else changed this record after you opened it"));
        Assert.True(await app.WithDatabaseAsync(db => db.AuditEvents.AnyAsync(a => a.OrganisationId == council && a.EntityType == nameof(CouncilSignOn))));
    }
}

public sealed class CouncilSignInOnSqlite(SqliteApp app) : CouncilSignInTests(app), IClassFixture<SqliteApp>;

public sealed class CouncilSignInOnPostgres(PostgresApp app) : CouncilSignInTests(app), IClassFixture<PostgresApp>;
