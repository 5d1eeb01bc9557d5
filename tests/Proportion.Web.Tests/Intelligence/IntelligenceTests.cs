using System.Net;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Model;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Intelligence;

/// <summary>
/// The council's intelligence log (R27) through its pages: a social worker records what a family told them, refused
/// first at each field missing with nothing typed lost; the entry is corrected beside itself, never changed; a
/// commissioner records a share with its lawful basis; every write and look is in the council's audit trail; and
/// neither a provider nor the other council ever sees it.
/// </summary>
public abstract class IntelligenceTests(AppFixture app)
{
    private static Dictionary<string, string> Date(string name, DateOnly date, Dictionary<string, string> fields)
    {
        fields[$"{name}.Day"] = date.Day.ToString();
        fields[$"{name}.Month"] = date.Month.ToString();
        fields[$"{name}.Year"] = date.Year.ToString();
        return fields;
    }

    /// <summary>Refused as the app refuses a page: sent to the access-denied page.</summary>
    private static bool Refused(AppClient.Page page) =>
        page.Status == HttpStatusCode.Forbidden || (page.Status == HttpStatusCode.Redirect && page.Location?.Contains("/access-denied") == true);

    [SkippableFact]
    public async Task AnEntry_IsRecorded_Corrected_AndShared_EachStepKeptAndAudited()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var oakfield = await app.WithDatabaseAsync(db => db.Organisations.Where(o => o.Name == "Oakfield Care").Select(o => o.Id).SingleAsync());
        var peggy = await app.IdOfPersonAsync("Hughes");
        var owen = await app.WithDatabaseAsync(db => db.People.Where(p => p.FamilyName == "Marsh").Select(p => p.Id).SingleOrDefaultAsync());
        using var worker = await app.NewClient().SignInAsync("socialworker@northshire.example");

        var form = await worker.GetAsync("/council/intelligence/new");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("Peggy Hughes (Oakfield Care)", form.Document.QuerySelector("#Input_PersonId")!.TextContent);
        var refused = await worker.PostAsync("/council/intelligence/new", new()
        {
            ["Input.ProviderId"] = oakfield.ToString(), ["Input.Summary"] = "Kitchen locked at night", ["Input.Details"] = "",
        });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(refused.ErrorSummary, e => e.StartsWith("Select where it came from"));
        Assert.Contains(refused.ErrorSummary, e => e.StartsWith("Enter the date it was received"));
        Assert.Contains(refused.ErrorSummary, e => e.StartsWith("Enter what you were told or saw"));
        Assert.Equal("Kitchen locked at night", refused.ValueOf("Input.Summary"));
        Assert.Equal(oakfield.ToString(), refused.Document.QuerySelector("#Input_ProviderId option[selected]")?.GetAttribute("value"));

        var recorded = await worker.PostAsync("/council/intelligence/new", Date("Input.ReceivedOn", new DateOnly(2026, 11, 12), new()
        {
            ["Input.ProviderId"] = oakfield.ToString(), ["Input.PersonId"] = peggy.ToString(), ["Input.Source"] = nameof(IntelligenceSource.Family),
            ["Input.Reliability"] = nameof(SourceReliability.Reliable), ["Input.Concern"] = nameof(ConcernLevel.High),
            ["Input.Summary"] = "Kitchen locked at night", ["Input.Details"] = "Peggy's daughter says she cannot make a drink after 8pm.",
        }));
        Assert.Equal(HttpStatusCode.Redirect, recorded.Status);
        var path = recorded.Location!;
        var id = Guid.Parse(path.Split('/')[^1]);

        // A person the council does not fund cannot be named.
        if (owen != Guid.Empty)
        {
            var other = await worker.PostAsync("/council/intelligence/new", Date("Input.ReceivedOn", new DateOnly(2026, 11, 12), new()
            {
                ["Input.ProviderId"] = oakfield.ToString(), ["Input.PersonId"] = owen.ToString(), ["Input.Source"] = nameof(IntelligenceSource.Family),
                ["Input.Reliability"] = nameof(SourceReliability.Reliable), ["Input.Concern"] = nameof(ConcernLevel.Low), ["Input.Summary"] = "x", ["Input.Details"] = "y",
            }));
            Assert.Contains(other.ErrorSummary, e => e.StartsWith("Select a person your council funds at that provider"));
        }

        var amend = await worker.PostAsync($"{path}/amend", new() { ["Correction"] = "It is after 9pm, not 8pm." });
        Assert.Contains(amend.ErrorSummary, e => e.StartsWith("Enter why the entry needs correcting"));
        Assert.Equal("It is after 9pm, not 8pm.", amend.ValueOf("Correction"));
        Assert.Equal(HttpStatusCode.Redirect, (await worker.PostAsync($"{path}/amend", new() { ["Correction"] = "It is after 9pm, not 8pm.", ["Reason"] = "Her daughter rang back." })).Status);
        // A social worker records but does not share.
        Assert.True(Refused(await worker.GetAsync($"{path}/share")));

        using var commissioner = await app.NewClient().SignInAsync("commissioner@northshire.example");
        var share = await commissioner.PostAsync($"{path}/share", Date("Input.SharedOn", new DateOnly(2026, 11, 13), new()
        {
            ["Input.Partner"] = nameof(SharingPartner.Cqc), ["Input.PartnerName"] = "CQC", ["Input.Recipient"] = "Dana Inspector",
            ["Input.Purpose"] = "For their next inspection of Oakfield House", ["Input.LawfulBasis"] = nameof(LawfulBasis.NoPersonalData),
        }));
        Assert.Contains(share.ErrorSummary, e => e.StartsWith("This entry is about a person, so sharing it shares personal data"));
        Assert.Equal("Dana Inspector", share.ValueOf("Input.Recipient"));
        Assert.Equal(HttpStatusCode.Redirect, (await commissioner.PostAsync($"{path}/share", Date("Input.SharedOn", new DateOnly(2026, 11, 13), new()
        {
            ["Input.Partner"] = nameof(SharingPartner.Cqc), ["Input.PartnerName"] = "CQC", ["Input.Recipient"] = "Dana Inspector",
            ["Input.Purpose"] = "For their next inspection of Oakfield House", ["Input.LawfulBasis"] = nameof(LawfulBasis.PublicTaskCare),
        }))).Status);

        var view = await commissioner.GetAsync(path);
        Assert.Contains("Peggy&#x27;s daughter says she cannot make a drink after 8pm.", view.Body);
        Assert.Contains("It is after 9pm, not 8pm.", view.Body);
        Assert.Contains("Dana Inspector, CQC", view.Document.QuerySelector("#shares-table")!.TextContent);
        var list = await commissioner.GetAsync($"/council/intelligence?ProviderId={oakfield}");
        Assert.NotNull(list.Document.QuerySelector($"tr[data-entry='{id}']"));

        var entry = await app.WithDatabaseAsync(db => db.IntelligenceEntries.AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.Equal("Peggy's daughter says she cannot make a drink after 8pm.", entry.Details);
        var audit = await app.WithDatabaseAsync(db => db.AuditEvents.Where(a => a.EntityId == id).Select(a => new { a.Action, a.Summary, a.Reason }).ToListAsync());
        Assert.Contains(audit, a => a.Action == AuditAction.Created && a.Summary.StartsWith("Recorded intelligence about Oakfield Care"));
        Assert.Contains(audit, a => a.Action == AuditAction.Updated && a.Reason == "Her daughter rang back.");
        Assert.Contains(audit, a => a.Summary.StartsWith("Recorded that 'Kitchen locked at night' was shared with Dana Inspector at CQC"));
        Assert.Contains(audit, a => a.Action == AuditAction.Viewed);
    }

    [SkippableFact]
    public async Task TheLog_IsNeverSeenByAProvider_NorByAnotherCouncil()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        await TwoCouncils.EnsureAsync(app);
        var id = (await IntelFixture.IdsAsync(app))["intel.entry"];
        foreach (var email in new[] { "senior@oakfield.example", "manager@oakfield.example", "board@oakfield.example", "admin@northshire.example" })
        {
            using var client = await app.NewClient().SignInAsync(email);
            Assert.True(Refused(await client.GetAsync($"/council/intelligence/{id}")), email);
            Assert.True(Refused(await client.GetAsync("/council/intelligence")), email);
        }
        using var south = await app.NewClient().SignInAsync("commissioner@southshire.example");
        Assert.Equal(HttpStatusCode.NotFound, (await south.GetAsync($"/council/intelligence/{id}")).Status);
        Assert.Null((await south.GetAsync("/council/intelligence")).Document.QuerySelector($"tr[data-entry='{id}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await south.PostAsync($"/council/intelligence/{id}/amend", new() { ["Correction"] = "x", ["Reason"] = "y" })).Status);
        Assert.Equal(0, await app.WithDatabaseAsync(db => db.IntelligenceAmendments.CountAsync(a => a.EntryId == id && a.Correction == "x")));
    }
}

public sealed class IntelligenceOnSqlite(SqliteApp app) : IntelligenceTests(app), IClassFixture<SqliteApp>;

public sealed class IntelligenceOnPostgres(PostgresApp app) : IntelligenceTests(app), IClassFixture<PostgresApp>;
