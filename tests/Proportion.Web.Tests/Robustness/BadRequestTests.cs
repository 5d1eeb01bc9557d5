using System.Net;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Model;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Robustness;

/// <summary>
/// Each request here once gave a server error. Whatever arrives, the answer is a page the user can act
/// on (the form back with a message, not found, method not allowed), never a 500.
/// </summary>
public abstract class BadRequestTests(AppFixture app)
{
    private const string CareWorker = "careworker@oakfield.example";
    private const string Manager = "manager@oakfield.example";

    [SkippableFact]
    public async Task AFieldNamedWithAnOpenBracket_IsIgnored()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var manager = await app.NewClient().SignInAsync(Manager);
        foreach (var name in new[] { "Input[", "Input.GivenName[", "[", "Input[0" })
        {
            var page = await manager.PostAsync("/people/new", new Dictionary<string, string> { [name] = "x", ["Input.GivenName"] = "Ann" });
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains("Enter the person's last name", page.ErrorSummary);
        }
    }

    [SkippableTheory]
    [InlineData("١٤:٠٥")]
    [InlineData("１４：０５")]
    [InlineData("۱۴:۰۵")]
    public async Task ATimeInOtherDigits_IsRefusedAtItsField(string time)
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var arthur = await app.IdOfPersonAsync("Bennett");
        using var careWorker = await app.NewClient().SignInAsync(CareWorker);
        var page = await careWorker.PostAsync($"/people/{arthur}/incidents/new", Incident(Guid.NewGuid().ToString(), f => f["Input.Interventions[0].Start"] = time));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Enter the time it started as hours and minutes, for example 14:05 or 2:05pm", page.FieldError("Input_Interventions_0__Start"));
    }

    [SkippableTheory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public async Task AnIncidentWithoutItsSubmissionKey_IsRecorded_AndSoIsTheNextOne(string? key)
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var arthur = await app.IdOfPersonAsync("Bennett");
        using var careWorker = await app.NewClient().SignInAsync(CareWorker);
        var first = await careWorker.PostAsync($"/people/{arthur}/incidents/new", Incident(key));
        var second = await careWorker.PostAsync($"/people/{arthur}/incidents/new", Incident(key));
        var third = await careWorker.PostAsync($"/people/{arthur}/incidents/new", Incident(Guid.NewGuid().ToString()));

        Assert.All([first, second, third], p => Assert.Equal(HttpStatusCode.Redirect, p.Status));
        Assert.Equal(3, new[] { first, second, third }.Select(p => p.Location).Distinct().Count());
        Assert.False(await app.WithDatabaseAsync(db => db.Incidents.AnyAsync(i => i.SubmissionKey == Guid.Empty)));
    }

    [SkippableTheory]
    [InlineData("/tasks\t")]
    [InlineData("/\t/example.org")]
    [InlineData("/tasks\r\nSet-Cookie: x=1")]
    [InlineData("/\n/example.org")]
    public async Task SigningIn_WithAControlCharacterInTheReturnUrl_GoesHome(string returnUrl)
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var client = app.NewClient();
        var form = await client.GetAsync("/sign-in");
        var page = await client.PostAsync("/sign-in?ReturnUrl=" + Uri.EscapeDataString(returnUrl),
            new() { ["Input.Email"] = Manager, ["Input.Password"] = Core.Demo.DemoData.Password }, AppClient.TokenOf(form.Document));
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("/", page.Location);
    }

    [SkippableTheory]
    [InlineData("/people/{peggy}?handler=Nonsense")]
    [InlineData("/people/{peggy}/edit?handler=Nonsense")]
    [InlineData("/tasks?handler=Nonsense")]
    [InlineData("/services/{house}/monitoring?handler=Nonsense")]
    public async Task AnUnknownHandler_IsNotFound_OrRunsThePagesOwnHandler(string route)
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var path = route.Replace("{peggy}", (await app.IdOfPersonAsync("Hughes")).ToString())
            .Replace("{house}", (await app.IdOfServiceAsync("Oakfield House")).ToString());
        using var manager = await app.NewClient().SignInAsync(Manager);
        // A page's unnamed handler (OnGet, OnPost) answers any handler name; a page with only named
        // ones has nothing to run. What must not happen is a page rendered without a handler, so without its data.
        var shown = await manager.GetAsync(path);
        Assert.True(shown.Status is HttpStatusCode.OK or HttpStatusCode.NotFound, $"GET {route}: {(int)shown.Status}");
        var posted = await manager.PostAsync(path, new Dictionary<string, string>());
        var expected = route.StartsWith("/services/") ? HttpStatusCode.NotFound
            : route.Contains("/edit") ? HttpStatusCode.OK : HttpStatusCode.MethodNotAllowed;
        Assert.True(posted.Status == expected, $"POST {route}: {(int)posted.Status}");
    }

    [SkippableTheory]
    [InlineData("/people/{peggy}")]
    [InlineData("/people")]
    [InlineData("/tasks")]
    [InlineData("/people/{peggy}/history")]
    [InlineData("/organisation")]
    public async Task APostToAPageThatOnlyShows_IsNotAllowed(string route)
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var path = route.Replace("{peggy}", (await app.IdOfPersonAsync("Hughes")).ToString());
        using var senior = await app.NewClient().SignInAsync("senior@oakfield.example");
        var posted = await senior.PostAsync(path, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, posted.Status);
    }

    [SkippableTheory]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task PutPatchAndDelete_AreNotAllowed_AndSayWhatIs(string method)
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var peggy = await app.IdOfPersonAsync("Hughes");
        using var manager = await app.NewClient().SignInAsync(Manager);
        foreach (var (path, allowed) in new[]
                 {
                     ($"/people/{peggy}", "GET"), ($"/people/{peggy}/edit", "POST"), ("/sign-in", "POST"),
                     ($"/api/v1/people/{peggy}", "GET"), ("/api/v1/people", "GET"),
                 })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("") };
            using var response = await manager.Http.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.MethodNotAllowed, $"{method} {path}: {(int)response.StatusCode}");
            Assert.Contains(allowed, response.Content.Headers.Allow);
        }
    }

    private List<KeyValuePair<string, string>> Incident(string? key, Action<Dictionary<string, string>>? change = null)
    {
        var began = UkTime.ToLondon(app.Clock.GetUtcNow().UtcDateTime.AddHours(-1));
        if (began.AddMinutes(10).Date != began.Date)
        {
            began = began.AddMinutes(-15);
        }
        var fields = new Dictionary<string, string>
        {
            ["Input.OccurredOn.Day"] = began.Day.ToString(), ["Input.OccurredOn.Month"] = began.Month.ToString(), ["Input.OccurredOn.Year"] = began.Year.ToString(),
            ["Input.Step"] = "7",
            ["Input.Location"] = "The lounge",
            ["Input.Kind"] = nameof(IncidentKind.Emergency),
            ["Input.Interventions[0].Type"] = nameof(InterventionType.PhysicalSeated),
            ["Input.Interventions[0].Start"] = began.AddMinutes(1).ToString("HH:mm"),
            ["Input.Interventions[0].End"] = began.AddMinutes(4).ToString("HH:mm"),
            ["Input.Interventions[0].Injuries"] = "NoOne",
            ["Input.Reason"] = nameof(InterventionReason.PreventViolenceToOthers),
            ["Input.Antecedents"] = "Another resident shouted at him",
            ["Input.DeEscalation"] = "Offered a quiet room",
            ["Input.HowUsed"] = "Two staff guided him to sit",
            ["Input.Outcome"] = "Calm within ten minutes",
            ["Input.OtherStaff[0].Name"] = "Jo Agency",
            ["Input.OtherStaff[0].Role"] = "Agency support worker",
        };
        if (key is not null)
        {
            fields["Input.SubmissionKey"] = key;
        }
        change?.Invoke(fields);
        return [.. fields];
    }
}

public sealed class BadRequestsOnSqlite(SqliteApp app) : BadRequestTests(app), IClassFixture<SqliteApp>;

public sealed class BadRequestsOnPostgres(PostgresApp app) : BadRequestTests(app), IClassFixture<PostgresApp>;
