using System.Net;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Analytics;
using Proportion.Core.Model;
using Proportion.Core.Reporting;
using Proportion.Web.Tests.Support;
using UglyToad.PdfPig;

namespace Proportion.Web.Tests.Reporting;

/// <summary>
/// R17: the yearly public report drafted, checked, published on the board's sign-off and corrected as a new
/// version, on both providers; the public reads only what was published, with every count suppressed or rounded.
/// </summary>
public abstract class YearlyReportTests(AppFixture app)
{
    private const string Senior = "senior@oakfield.example";
    private const int Year = 2024;

    /// <summary>Incidents with Peggy in June 2024, each with one intervention of the type given, added up as the form would.</summary>
    private Task SeedIncidentsAsync(int count, InterventionType type) => app.WithDatabaseAsync(async db =>
    {
        var peggy = await db.People.SingleAsync(p => p.FamilyName == "Hughes");
        var recorder = await db.Users.Where(u => u.Email == "manager@oakfield.example").Select(u => u.Id).SingleAsync();
        for (var i = 0; i < count; i++)
        {
            var at = new DateTime(2024, 6, 3 + i, 9, 0, 0, DateTimeKind.Utc);
            var incident = new Incident
            {
                OrganisationId = peggy.OrganisationId, ServiceId = peggy.ServiceId, PersonId = peggy.Id, OccurredAt = at, Location = "The hall",
                Kind = IncidentKind.Emergency, Reason = InterventionReason.PreventAccidentalInjury, Antecedents = "Walking at night",
                DeEscalation = "Spoke calmly", HowUsed = "Held her arm", Outcome = "Went back to bed", SubmissionKey = Guid.NewGuid(),
                RecordedById = recorder, RecordedAt = at,
                Interventions = [new IncidentIntervention { Type = type, StartedAt = at, EndedAt = at.AddMinutes(2) }],
                Staff = [new IncidentStaffMember { Name = "Sam Night", Role = "Care worker" }],
            };
            db.Incidents.Add(incident);
            await db.SaveChangesAsync();
            await RestraintTallies.AddAsync(db, incident);
        }
    });

    private static Dictionary<string, string> Words() => new()
    {
        ["Input.TrainingStrategy"] = "All staff are trained by a certified provider.",
        ["Input.WhyUsed"] = "Mostly to prevent falls at night.",
        ["Input.ReductionStrategies"] = "Sensor mats instead of holding.",
    };

    private static string Version(AppClient.Page page) => page.Document.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;

    private static string CellAfter(AppClient.Page page, string rowHeader) =>
        page.Document.QuerySelectorAll("tr").First(r => r.QuerySelector("th")?.TextContent.Trim() == rowHeader).QuerySelectorAll("td")[0].TextContent.Trim();

    [SkippableFact]
    public async Task ADraft_IsCheckedPublishedAndCorrected_AndThePublicSeesOnlyWhatWasPublished_Suppressed()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        // 7 standing holds and 2 rapid tranquillisations: 9 incidents and interventions, shown as 10; 7 as 5; 2 as fewer than 5.
        await SeedIncidentsAsync(7, InterventionType.PhysicalStanding);
        await SeedIncidentsAsync(2, InterventionType.ChemicalRapidTranquillisation);
        var oakfield = await app.WithDatabaseAsync(db => db.Organisations.Where(o => o.Name == "Oakfield Care").Select(o => o.Id).SingleAsync());
        var publicPage = $"/reports/{oakfield}/{Year}";
        using var anonymous = app.NewClient();
        using var senior = await app.NewClient().SignInAsync(Senior);

        var started = await senior.PostAsync($"/organisation/reports?handler=Start&year={Year}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, started.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(publicPage)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(publicPage + "/pdf")).Status);

        var edit = await senior.GetAsync($"/organisation/reports/{Year}/edit");
        var saved = await senior.PostAsync($"/organisation/reports/{Year}/edit", new(Words()) { ["Input.Version"] = Version(edit) });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        // The check page shows exactly what will be public: the figures already suppressed.
        var check = await senior.GetAsync($"/organisation/reports/{Year}");
        Assert.Equal("10", CellAfter(check, "Restrictive interventions"));
        Assert.Equal("5", CellAfter(check, "Physical restraint: standing"));
        Assert.Equal(SmallNumbers.FewerThanFive, CellAfter(check, "Rapid tranquillisation"));

        // The board's sign-off is required.
        var refused = await senior.PostAsync($"/organisation/reports/{Year}?handler=Publish", new Dictionary<string, string> { ["Input.Version"] = Version(check) });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Enter the name of the person who signed the report off for the board", refused.Body);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(publicPage)).Status);

        var published = await senior.PostAsync($"/organisation/reports/{Year}?handler=Publish", new Dictionary<string, string>
        {
            ["Input.Version"] = Version(check), ["Input.SignedForBoardBy"] = "Robert Ellis", ["Input.SignedForBoardRole"] = "Chair",
            ["Input.BoardMeetingOn.Day"] = "20", ["Input.BoardMeetingOn.Month"] = "5", ["Input.BoardMeetingOn.Year"] = "2025",
        });
        Assert.Equal(HttpStatusCode.Redirect, published.Status);

        var shown = await anonymous.GetAsync(publicPage);
        Assert.Equal(HttpStatusCode.OK, shown.Status);
        Assert.Equal("10", CellAfter(shown, "Restrictive interventions"));
        Assert.Equal("10", CellAfter(shown, "Incidents"));
        Assert.Equal(SmallNumbers.FewerThanFive, CellAfter(shown, "Rapid tranquillisation"));
        Assert.Contains("Robert Ellis, Chair", shown.Body);
        Assert.DoesNotContain("Hughes", shown.Body);
        Assert.DoesNotContain("Peggy", shown.Body);
        Assert.DoesNotContain("Sam Night", shown.Body);

        using (var pdf = await FetchPdfAsync(anonymous, publicPage + "/pdf"))
        {
            var text = string.Join("\n", pdf.GetPages().Select(p => p.Text));
            Assert.Contains("Restrictiveinterventions100Rose", text.Replace(" ", ""));
            Assert.Contains(SmallNumbers.FewerThanFive, text);
            Assert.Contains("Mostly to prevent falls at night.", text);
            Assert.DoesNotContain("Hughes", text);
            Assert.DoesNotContain("Peggy", text);
            Assert.DoesNotContain("Sam Night", text);
        }

        // A published report is frozen: records added later change nothing on it.
        await SeedIncidentsAsync(6, InterventionType.PhysicalStanding);
        Assert.Equal("10", CellAfter(await anonymous.GetAsync(publicPage), "Restrictive interventions"));

        // A correction is a new version with a reason; the public keeps reading version 1 until it is published.
        var correct = await senior.GetAsync($"/organisation/reports/{Year}/correct");
        var noReason = await senior.PostAsync($"/organisation/reports/{Year}/correct", new Dictionary<string, string> { ["Input.Version"] = Version(correct) });
        Assert.Contains("Enter why the report needs correcting", noReason.Body);
        Assert.Equal(HttpStatusCode.Redirect, (await senior.PostAsync($"/organisation/reports/{Year}/correct", new Dictionary<string, string>
        {
            ["Input.Version"] = Version(correct), ["Input.Reason"] = "Six incidents were recorded late.",
        })).Status);
        Assert.Equal("10", CellAfter(await anonymous.GetAsync(publicPage), "Restrictive interventions"));
        var recheck = await senior.GetAsync($"/organisation/reports/{Year}");
        Assert.Equal("15", CellAfter(recheck, "Restrictive interventions"));
        Assert.Equal(HttpStatusCode.Redirect, (await senior.PostAsync($"/organisation/reports/{Year}?handler=Publish", new Dictionary<string, string>
        {
            ["Input.Version"] = Version(recheck), ["Input.SignedForBoardBy"] = "Robert Ellis", ["Input.SignedForBoardRole"] = "Chair",
            ["Input.BoardMeetingOn.Day"] = "1", ["Input.BoardMeetingOn.Month"] = "9", ["Input.BoardMeetingOn.Year"] = "2025",
        })).Status);

        var corrected = await anonymous.GetAsync(publicPage);
        Assert.Equal("15", CellAfter(corrected, "Restrictive interventions"));
        Assert.Contains("Version 1, published", corrected.Body);
        Assert.Contains("Six incidents were recorded late.", corrected.Body);
        await app.WithDatabaseAsync(async db =>
        {
            var report = await db.YearlyReports.Include(r => r.Versions).SingleAsync(r => r.OrganisationId == oakfield && r.YearStarting == Year);
            Assert.Equal([YearlyReportStatus.Published, YearlyReportStatus.Published], report.Versions.OrderBy(v => v.Number).Select(v => v.Status));
            Assert.Equal(9, ReportFigures.FromJson(report.Versions.Single(v => v.Number == 1).FiguresJson)!.ThisYear.Interventions);
            Assert.True(await db.AuditEvents.CountAsync(a => a.EntityId == report.Id) >= 5);
        });
    }

    [SkippableFact]
    public async Task AnotherOrganisationsManager_CannotWriteTheReport_AndUnknownReportsAreNotFound()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var other = await app.NewClient().SignInAsync("manager@riverside.example");
        var posted = await other.PostAsync($"/organisation/reports/2025/edit", new(Words()) { ["Input.Version"] = "1" });
        Assert.True(posted.Status == HttpStatusCode.Forbidden || posted.Location?.Contains("/access-denied") == true, $"{(int)posted.Status} {posted.Location}");
        using var anonymous = app.NewClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/reports/{Guid.NewGuid()}/2025")).Status);
        var riverside = await app.WithDatabaseAsync(db => db.Organisations.Where(o => o.Name == "Riverside Care Ltd").Select(o => o.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/reports/{riverside}/2025")).Status);
        // The demo's published report for the last year is public, without signing in.
        var oakfield = await app.WithDatabaseAsync(db => db.Organisations.Where(o => o.Name == "Oakfield Care").Select(o => o.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/reports/{oakfield}/2025")).Status);
    }

    private static async Task<PdfDocument> FetchPdfAsync(AppClient client, string path)
    {
        using var response = await client.Http.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        return PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
    }
}

public sealed class YearlyReportOnSqlite(SqliteApp app) : YearlyReportTests(app), IClassFixture<SqliteApp>;

public sealed class YearlyReportOnPostgres(PostgresApp app) : YearlyReportTests(app), IClassFixture<PostgresApp>;
