using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Model;
using Proportion.Web.Tests.Support;
using UglyToad.PdfPig;

namespace Proportion.Web.Tests.Printing;

/// <summary>
/// Every form the procedure names prints as a PDF a manager would sign and file: each is read back with
/// PdfPig (not by looking for strings in the file) and must carry the organisation and whom it is about on
/// every page, "Page X of Y", the day printed, lines to sign and date, and its own content; every letter
/// must lie on the page, and a name prints exactly as typed.
/// </summary>
public abstract class PrintedFormsTests(AppFixture app)
{
    private const string Organisation = "Oakfield Care";

    [SkippableFact]
    public async Task Rp1_PrintsTheRegister_WithTheTotalInPlace()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var peggy = await app.IdOfPersonAsync("Hughes");
        var inPlace = await app.WithDatabaseAsync(async db => (await db.Practices.Where(p => p.PersonId == peggy).ToListAsync()).Count(p => p.IsInPlace));
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");

        using var pdf = await FetchAsync(manager, $"/people/{peggy}/practices/rp1");

        AssertEveryPage(pdf, "Register of restrictive practices (form RP1)", "Margaret Hughes");
        var text = AllText(pdf);
        AssertPrinted($"Total in place: {inPlace} practices", text);
        AssertPrinted("Front door has a key-code lock", text);
        // Her bed rails are only proposed: listed apart, never counted in the total or among the ended.
        AssertPrinted("Proposed, not yet agreed (not in the total)", text);
        AssertPrinted("Bed rails raised at night", text);
        var squashed = Squash(text);
        Assert.DoesNotContain(Squash("Bed rails raised at night"), squashed[..squashed.IndexOf(Squash("Proposed, not yet agreed"), StringComparison.Ordinal)]);
        AssertSignatureLines(text, "Service manager");
        // Printing a record is seeing it: audited as a view, like the page.
        Assert.True(await app.WithDatabaseAsync(db => db.AuditEvents.AnyAsync(a => a.PersonId == peggy && a.Action == AuditAction.Viewed
            && a.Summary == "Viewed register of restrictive practices printed as form RP1")));
    }

    [SkippableFact]
    public async Task Rp2AndEasyRead_PrintTheAgreedDecision_ForThoseWhoMaySeeThePerson()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var decision = await app.WithDatabaseAsync(db => db.Decisions.Include(d => d.Practice).Include(d => d.SignOffs)
            .SingleAsync(d => d.Practice!.Description.StartsWith("Two-person standing hold")));
        var path = $"/people/{decision.PersonId}/practices/{decision.PracticeId}/decisions/{decision.Number}";
        using var socialWorker = await app.NewClient().SignInAsync("socialworker@northshire.example");
        using var riverside = await app.NewClient().SignInAsync("manager@riverside.example");

        using (var rp2 = await FetchAsync(socialWorker, $"{path}/rp2"))
        {
            AssertEveryPage(rp2, "Restrictive practice discussion and decision (form RP2)", "Samuel Adeyemi");
            var text = AllText(rp2);
            AssertPrinted("Restrictive practice guidelines (form RP2)", text);
            AssertPrinted("It must not be used when", text);
            AssertPrinted(decision.WhenMustNotBeUsed!, text);
            AssertPrinted(decision.Risk!, text);
            Assert.All(decision.SignOffs.Where(s => s.Role != Core.Rules.SignOffRole.CommissionerInformed), s => AssertPrinted(s.Name, text));
            AssertSignatureLines(text, "Service manager");
        }
        using (var easyRead = await FetchAsync(socialWorker, $"{path}/easy-read"))
        {
            AssertEveryPage(easyRead, "Easy read: what staff will do (form RP2)", "Samuel Adeyemi");
            var text = AllText(easyRead);
            AssertPrinted("About you, Sam", text);
            AssertPrinted("When staff must not do this", text);
            AssertPrinted("You can say if you do not like this", text);
            AssertSignatureLines(text, "You");
            // Large type: the body, not only the headings, is at least 16 points.
            var letters = easyRead.GetPages().SelectMany(p => p.Letters).Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
            Assert.True(letters.Count(l => l.PointSize >= 16) > letters.Count * 0.6, "Most of the easy read is not in large type");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await riverside.GetAsync($"{path}/rp2")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await socialWorker.GetAsync($"{path}/word")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await socialWorker.GetAsync($"/people/{decision.PersonId}/practices/{decision.PracticeId}/decisions/99/rp2")).Status);
    }

    [SkippableFact]
    public async Task Rp2a_PrintsTheCompletedReview()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var review = await app.WithDatabaseAsync(db => db.Reviews.Include(r => r.Signatures)
            .FirstAsync(r => r.Status == ReviewStatus.Completed && r.Practice!.Description.StartsWith("Front door has a key-code lock; the code is not shared with Peggy")));
        using var inspector = await app.NewClient().SignInAsync("inspector@oakfield.example");

        using var pdf = await FetchAsync(inspector, $"/people/{review.PersonId}/practices/{review.PracticeId}/reviews/{review.Number}/rp2a");

        AssertEveryPage(pdf, "Review of a restrictive practice (form RP2A)", "Margaret Hughes");
        var text = AllText(pdf);
        AssertPrinted("Does the risk still exist?", text);
        AssertPrinted(review.PersonParticipation!, text);
        AssertPrinted("Continue as agreed", text);
        AssertSignatureLines(text, "Manager who completed the review");
        Assert.All(review.Signatures, s => AssertPrinted(s.Name, text));
    }

    [SkippableFact]
    public async Task Rp3_PrintsTheServiceMonitoring_WithEachPracticeChecked()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var monitoring = await app.WithDatabaseAsync(db => db.Monitoring.Include(m => m.Service)
            .Where(m => m.Service!.Name == "Oakfield House" && m.Status == MonitoringStatus.Completed).OrderBy(m => m.CompletedOn).FirstAsync());
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        using var socialWorker = await app.NewClient().SignInAsync("socialworker@northshire.example");
        var path = $"/services/{monitoring.ServiceId}/monitoring/{monitoring.Id}/rp3";

        using var pdf = await FetchAsync(manager, path);

        // A service's form: the service stands where a person's name would.
        AssertEveryPage(pdf, "Service monitoring and audit (form RP3)", "Oakfield House");
        var text = AllText(pdf);
        AssertPrinted("Decision evidenced", text);
        AssertPrinted(monitoring.Practices[0].Description, text);
        Assert.Contains(Start(Squash(monitoring.Findings!), 60), Squash(text));
        AssertPrinted(monitoring.Actions[0].Owner, text);
        AssertSignatureLines(text, monitoring.Kind == MonitoringKind.SeniorAudit ? "Senior manager who audited the service" : "Manager who monitored the service");
        AssertPrinted(monitoring.CompletedByName!, text);
        // Monitoring is the provider's own: a council's social worker is refused, as on the check's page.
        Assert.Contains("/access-denied", (await socialWorker.GetAsync(path)).Location);
    }

    [SkippableFact]
    public async Task Cb1_PrintsTheIncident_WithEachIntervention()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var incident = await app.WithDatabaseAsync(db => db.Incidents.Include(i => i.Person)
            .FirstAsync(i => i.Person!.FamilyName == "Turner" && i.Kind == IncidentKind.Emergency));
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");

        using var pdf = await FetchAsync(manager, $"/incidents/{incident.Id}/cb1");

        AssertEveryPage(pdf, "Incident record and behaviour chart (form CB1)", "Joyce Turner");
        var text = AllText(pdf);
        AssertPrinted("Interventions", text);
        foreach (var intervention in incident.Interventions)
        {
            AssertPrinted(Core.Model.EnumNames.Of(intervention.Type), text);
            AssertPrinted(UkTime.FormatTime(intervention.StartedAt), text);
        }
        Assert.All(incident.Staff, s => AssertPrinted(s.Name, text));
        Assert.Contains(Start(Squash(incident.HowUsed), 40), Squash(text));
        AssertPrinted("Emergency use", text);
        AssertSignatureLines(text, "Member of staff who recorded the incident");
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/incidents/{Guid.CreateVersion7()}/cb1")).Status);
    }

    [SkippableFact]
    public async Task NameInAnyScript_PrintsExactlyAsTyped_AndALongWordWrapsWithinThePage()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        const string given = "Zoë";
        const string family = "Łukasiewicz-Nguyễn";
        var longWord = string.Concat(Enumerable.Repeat("Restriction", 19)) + "Ends"; // 213 letters, no space
        var decision = await app.WithDatabaseAsync(db => db.Decisions.Include(d => d.Practice).ThenInclude(p => p!.Person)
            .SingleAsync(d => d.Practice!.Description.StartsWith("Two-person standing hold")));
        var person = decision.Practice!.Person!;
        var (oldGiven, oldFamily, oldPreferred, oldRisk) = (person.GivenName, person.FamilyName, person.PreferredName, decision.Risk);
        await SetAsync(decision.PersonId, decision.Id, given, family, null, $"Before {longWord} after.");
        try
        {
            using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
            var path = $"/people/{decision.PersonId}/practices/{decision.PracticeId}/decisions/{decision.Number}";
            foreach (var url in new[] { $"{path}/rp2", $"{path}/easy-read", $"/people/{decision.PersonId}/practices/rp1" })
            {
                using var pdf = await FetchAsync(manager, url);
                AssertEveryPage(pdf, null, $"{given} {family}");
                if (!url.EndsWith("rp1"))
                {
                    Assert.Contains(longWord, Squash(AllText(pdf)));
                }
            }
        }
        finally
        {
            await SetAsync(decision.PersonId, decision.Id, oldGiven, oldFamily, oldPreferred, oldRisk);
        }
    }

    private Task SetAsync(Guid personId, Guid decisionId, string given, string family, string? preferred, string? risk) =>
        app.WithDatabaseAsync(async db =>
        {
            await db.People.Where(p => p.Id == personId).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.GivenName, given).SetProperty(p => p.FamilyName, family).SetProperty(p => p.PreferredName, preferred));
            await db.Decisions.Where(d => d.Id == decisionId).ExecuteUpdateAsync(s => s.SetProperty(d => d.Risk, risk));
        });

    private static async Task<PdfDocument> FetchAsync(AppClient client, string path)
    {
        using var response = await client.Http.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        return PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>
    /// What every page of every form carries: the organisation, the form's name (when given) and whom it is
    /// about, "Page X of Y" and the day printed; and no letter beyond the page's edges.
    /// </summary>
    private void AssertEveryPage(PdfDocument pdf, string? form, string about)
    {
        var printed = $"Printed {UkTime.Format(UkTime.Today(app.Clock))}";
        Assert.Equal(Organisation, pdf.Information.Author);
        Assert.False(string.IsNullOrWhiteSpace(pdf.Information.Title));
        foreach (var page in pdf.GetPages())
        {
            var text = page.Text;
            AssertPrinted(Organisation, text);
            if (form is not null)
            {
                AssertPrinted(form, text);
            }
            AssertPrinted(about, text);
            Assert.Matches($@"Page {page.Number} of {pdf.NumberOfPages}(?!\d)", text);
            AssertPrinted(printed, text);
            var box = page.MediaBox.Bounds;
            var outside = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)
                && (l.BoundingBox.Left < box.Left || l.BoundingBox.Right > box.Right || l.BoundingBox.Bottom < box.Bottom || l.BoundingBox.Top > box.Top)).ToList();
            Assert.True(outside.Count == 0, $"Page {page.Number}: {outside.Count} letters outside the page, from \"{string.Concat(outside.Take(20).Select(l => l.Value))}\"");
        }
    }

    /// <summary>Lines to sign on: the role, then name, signature and date to fill in by hand.</summary>
    private static void AssertSignatureLines(string text, string role)
    {
        AssertPrinted(role, text);
        Assert.Matches(new Regex($"{Regex.Escape(Squash(role))}.*Name.*Signature.*Date", RegexOptions.Singleline), Squash(text));
    }

    /// <summary>The text is printed, whether or not it was wrapped onto several lines.</summary>
    private static void AssertPrinted(string expected, string text) => Assert.Contains(Squash(expected), Squash(text));

    private static string AllText(PdfDocument pdf) => string.Join("\n", pdf.GetPages().Select(p => p.Text));

    /// <summary>Text without any spacing, so a sentence or word broken across lines still reads as one.</summary>
    private static string Squash(string text) => Regex.Replace(text, @"\s+", "");

    private static string Start(string text, int length) => text[..Math.Min(length, text.Length)];
}

public sealed class PrintedFormsOnSqlite(SqliteApp app) : PrintedFormsTests(app), IClassFixture<SqliteApp>;

public sealed class PrintedFormsOnPostgres(PostgresApp app) : PrintedFormsTests(app), IClassFixture<PostgresApp>;
