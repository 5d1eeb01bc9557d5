using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Demo;
using Proportion.Core.Model;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Account;

/// <summary>Sign-ins held on the server (ADR 0009): signing out, idle and lifetime limits, and nothing typed lost when one lapses.</summary>
public abstract class SessionTests(AppFixture app)
{
    private const string CareWorker = "careworker@oakfield.example";
    private const string Manager = "manager@oakfield.example";
    private static readonly Uri Site = new("http://localhost");

    [SkippableFact]
    public async Task CopiedCookie_OpensNothing_OnceItsUserHasSignedOut()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var cookies = new System.Net.CookieContainer();
        using var owner = await new AppClient(app.CreateDefaultClient(Site, new CookieContainerHandler(cookies))).SignInAsync(Manager);
        using var copy = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", "proportion=" + cookies.GetCookies(Site)["proportion"]!.Value);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/people")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/api/v1/people")).StatusCode);

        var signedOut = await owner.PostAsync("/sign-out", []);

        Assert.Equal(HttpStatusCode.Redirect, signedOut.Status);
        using var page = await copy.GetAsync("/people");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/sign-in?", page.Headers.Location?.OriginalString);
        using var api = await copy.GetAsync("/api/v1/people");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        var managerId = await app.IdOfUserAsync(Manager);
        Assert.True(await app.WithDatabaseAsync(db => db.AuditEvents.AnyAsync(e => e.UserId == managerId && e.Action == AuditAction.SignedOut)));
    }

    [SkippableFact]
    public async Task ASession_EndsAfterThirtyIdleMinutes_ButUseKeepsItGoing()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var client = await app.NewClient().SignInAsync(Manager);

        using (app.Clock.MoveOn(TimeSpan.FromMinutes(29)))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/people")).Status);
            using (app.Clock.MoveOn(TimeSpan.FromMinutes(29)))
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/people")).Status);
                using (app.Clock.MoveOn(TimeSpan.FromMinutes(31)))
                {
                    var idle = await client.GetAsync("/people");
                    Assert.Equal(HttpStatusCode.Redirect, idle.Status);
                    Assert.Contains("/sign-in?", idle.Location);
                }
            }
        }
        // Ended on the server: putting the clock back does not bring it back.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/people")).Status);
    }

    [SkippableFact]
    public async Task ASession_EndsAfterTwelveHours_HoweverBusy()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var client = await app.NewClient().SignInAsync(Manager);
        var moves = new List<IDisposable>();
        try
        {
            for (var i = 0; i < 35; i++)
            {
                moves.Add(app.Clock.MoveOn(TimeSpan.FromMinutes(20)));
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/people")).Status);
            }
            moves.Add(app.Clock.MoveOn(TimeSpan.FromMinutes(21)));
            var expired = await client.GetAsync("/people");
            Assert.Equal(HttpStatusCode.Redirect, expired.Status);
            Assert.Contains("/sign-in?", expired.Location);
        }
        finally
        {
            moves.ForEach(m => m.Dispose());
        }
    }

    [SkippableFact]
    public async Task ANewPasswordSetByTheAdministrator_EndsTheUsersSessions_AtOnce()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var email = await app.NewCareWorkerAsync("reset");
        using var user = await app.NewClient().SignInAsync(email, AppFixture.NewUserPassword);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/people")).Status);
        using var admin = await app.NewClient().SignInAsync("admin@oakfield.example");

        var url = $"/admin/users/{await app.IdOfUserAsync(email)}/password";
        var stamp = (await admin.GetAsync(url)).ValueOf("ConcurrencyStamp")!;
        var set = await admin.PostAsync(url, new() { ["ConcurrencyStamp"] = stamp, ["Input.Password"] = "A brand new password" });

        Assert.Equal(HttpStatusCode.Redirect, set.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await user.GetAsync("/people")).Status);
    }

    [SkippableFact]
    public async Task AnIncidentPostedAfterTheSignInLapsed_IsPutBack_AndRecordedOnceSent()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var person = await app.IdOfPersonAsync("Morris");
        using var careWorker = await app.NewClient().SignInAsync(CareWorker);
        var form = await careWorker.GetAsync($"/people/{person}/incidents/new");
        Assert.Contains("For your security, you will be signed out at", form.Document.QuerySelector(".app-sign-in-lapse")?.TextContent);
        Assert.NotNull(form.Document.QuerySelector(".app-sign-in-lapse [role=alert]"));
        var antecedents = "Lapsed while writing " + Guid.NewGuid();

        using var later = app.Clock.MoveOn(TimeSpan.FromMinutes(31));
        var lapsed = await careWorker.PostAsync($"/people/{person}/incidents/new", IncidentForm(antecedents), AppClient.TokenOf(form.Document));

        Assert.Equal(HttpStatusCode.Redirect, lapsed.Status);
        Assert.StartsWith("/sign-in?ReturnUrl=%2Fresume%2F", lapsed.Location);
        var signIn = await careWorker.GetAsync(lapsed.Location!);
        Assert.Contains("Your sign-in lapsed. Sign in again and we will put back what you typed.", signIn.Document.QuerySelector(".govuk-inset-text")?.TextContent);
        var resumeUrl = Uri.UnescapeDataString(lapsed.Location!["/sign-in?ReturnUrl=".Length..]);
        var signedIn = await careWorker.PostAsync(lapsed.Location!,
            new() { ["Input.Email"] = CareWorker, ["Input.Password"] = DemoData.Password, ["ReturnUrl"] = resumeUrl }, AppClient.TokenOf(signIn.Document));
        Assert.Equal(resumeUrl, signedIn.Location);

        var resume = await careWorker.GetAsync(resumeUrl);
        Assert.Equal(HttpStatusCode.OK, resume.Status);
        Assert.Contains(antecedents, resume.Body);
        Assert.Contains("The lounge", resume.Body);
        Assert.DoesNotContain("never-kept-secret", resume.Body);
        Assert.Equal(0, await app.WithDatabaseAsync(db => db.Incidents.CountAsync(i => i.Antecedents == antecedents)));
        var sent = await SendAsync(careWorker, resume);

        Assert.True(HttpStatusCode.Redirect == sent.Status, string.Join("; ", sent.ErrorSummary));
        Assert.StartsWith("/incidents/", sent.Location);
        var incident = await app.WithDatabaseAsync(db => db.Incidents.SingleAsync(i => i.Antecedents == antecedents));
        Assert.Equal("The lounge", incident.Location);
        Assert.Equal(IncidentKind.Emergency, incident.Kind);
        Assert.Equal(HttpStatusCode.NotFound, (await careWorker.GetAsync(resumeUrl)).Status);
    }

    [SkippableFact]
    public async Task AFormHeldForOneUser_IsNotShownToAnother()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var person = await app.IdOfPersonAsync("Morris");
        using var careWorker = await app.NewClient().SignInAsync(CareWorker);
        var form = await careWorker.GetAsync($"/people/{person}/incidents/new");
        var antecedents = "Not for anyone else " + Guid.NewGuid();
        using var later = app.Clock.MoveOn(TimeSpan.FromMinutes(31));
        var lapsed = await careWorker.PostAsync($"/people/{person}/incidents/new", IncidentForm(antecedents), AppClient.TokenOf(form.Document));
        var resumeUrl = Uri.UnescapeDataString(lapsed.Location!["/sign-in?ReturnUrl=".Length..]);

        using var manager = await app.NewClient().SignInAsync(Manager);
        var other = await manager.GetAsync(resumeUrl);

        Assert.Equal(HttpStatusCode.NotFound, other.Status);
        Assert.DoesNotContain(antecedents, other.Body);
        using var owner = await app.NewClient().SignInAsync(CareWorker);
        Assert.Contains(antecedents, (await owner.GetAsync(resumeUrl)).Body);
    }

    [SkippableFact]
    public async Task AFormPostedAfterSigningOut_IsNotHeld()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var person = await app.IdOfPersonAsync("Morris");
        var cookies = new System.Net.CookieContainer();
        using var careWorker = await new AppClient(app.CreateDefaultClient(Site, new CookieContainerHandler(cookies))).SignInAsync(CareWorker);
        var form = await careWorker.GetAsync($"/people/{person}/incidents/new");
        using var copy = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", cookies.GetCookieHeader(Site));
        await careWorker.PostAsync("/sign-out", []);

        var body = new List<KeyValuePair<string, string>>(IncidentForm("Planted")) { new("__RequestVerificationToken", AppClient.TokenOf(form.Document)!) };
        using var planted = await copy.PostAsync($"/people/{person}/incidents/new", new FormUrlEncodedContent(body));

        Assert.Equal(HttpStatusCode.Redirect, planted.StatusCode);
        Assert.DoesNotContain("resume", planted.Headers.Location?.OriginalString);
    }

    /// <summary>Presses "Send it now": the resume page's form, its hidden fields and its fresh token.</summary>
    private static async Task<AppClient.Page> SendAsync(AppClient client, AppClient.Page resume)
    {
        var send = resume.Document.QuerySelector("main form[method=post]")!;
        var fields = send.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .ToList();
        using var response = await client.Http.PostAsync(send.GetAttribute("action"), new FormUrlEncodedContent(fields));
        return await AppClient.Page.ReadAsync(response);
    }

    private Dictionary<string, string> IncidentForm(string antecedents)
    {
        var began = UkTime.ToLondon(app.Clock.GetUtcNow().UtcDateTime - TimeSpan.FromHours(1));
        if (began.AddMinutes(10).Date != began.Date)
        {
            began = began.AddMinutes(-15);
        }
        return new()
        {
            ["Input.SubmissionKey"] = Guid.NewGuid().ToString(),
            ["Input.OccurredOn.Day"] = began.Day.ToString(), ["Input.OccurredOn.Month"] = began.Month.ToString(), ["Input.OccurredOn.Year"] = began.Year.ToString(),
            ["Input.Step"] = "7",
            ["Input.Location"] = "The lounge",
            ["Input.Kind"] = nameof(IncidentKind.Emergency),
            ["Input.Interventions[0].Type"] = nameof(InterventionType.PhysicalSeated),
            ["Input.Interventions[0].Start"] = began.AddMinutes(1).ToString("HH:mm"),
            ["Input.Interventions[0].End"] = began.AddMinutes(4).ToString("HH:mm"),
            ["Input.Interventions[0].Injuries"] = "NoOne",
            ["Input.Reason"] = nameof(InterventionReason.PreventViolenceToOthers),
            ["Input.Antecedents"] = antecedents,
            ["Input.DeEscalation"] = "Offered a quiet room",
            ["Input.HowUsed"] = "Two staff sat with her, holding her hands",
            ["Input.Outcome"] = "Calm within ten minutes",
            ["Input.OtherStaff[0].Name"] = "Jo Agency",
            ["Input.OtherStaff[0].Role"] = "Agency support worker",
            // Not a field of the page: a password is never kept, whatever the form.
            ["Input.ConfirmPassword"] = "never-kept-secret",
        };
    }
}

public sealed class SessionsOnSqlite(SqliteApp app) : SessionTests(app), IClassFixture<SqliteApp>;

public sealed class SessionsOnPostgres(PostgresApp app) : SessionTests(app), IClassFixture<PostgresApp>;
