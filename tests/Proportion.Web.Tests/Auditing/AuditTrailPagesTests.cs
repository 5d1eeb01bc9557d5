using System.Net;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Auditing;

/// <summary>
/// What people see of the hash chain (ADR 0012): the verify command, the administrator's audit trail page
/// and the History tab, before and after someone with the database owner's rights forges an entry.
/// One story in one test, because the forgery breaks the demo organisation's chain for good.
/// </summary>
public abstract class AuditTrailPagesTests(AppFixture app)
{
    private const string Forgery = "Forged: nothing to see here";
    private const string Warning = "This entry has been changed since it was recorded";

    private async Task<(int ExitCode, string Output)> VerifyCommandAsync()
    {
        using var output = new StringWriter();
        var exitCode = await ProportionCommands.VerifyAuditTrailAsync(app.Services, output);
        return (exitCode, output.ToString());
    }

    [SkippableFact]
    public async Task AForgedEntry_IsCaughtByTheCommand_WarnedOnHistory_AndShownToTheAdministrator()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var peggy = await app.IdOfPersonAsync("Hughes");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        using var admin = await app.NewClient().SignInAsync("admin@oakfield.example");

        // Looking at Peggy's record is audited; the command seals those entries, then finds them intact.
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/people/{peggy}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/people/{peggy}/practices")).Status);
        var (exitCode, output) = await VerifyCommandAsync();
        Assert.True(exitCode == 0, output);
        Assert.Contains("Oakfield", output);
        Assert.DoesNotContain("NOT INTACT", output);
        var history = await manager.GetAsync($"/people/{peggy}/history?includeViews=true");
        Assert.Equal(HttpStatusCode.OK, history.Status);
        Assert.NotEmpty(history.Document.QuerySelectorAll(".app-history-entry"));
        Assert.DoesNotContain(Warning, history.Body);
        var trail = await admin.GetAsync("/admin/audit-trail");
        Assert.Equal(HttpStatusCode.OK, trail.Status);
        Assert.Contains("Intact", trail.Document.QuerySelector(".govuk-summary-list .govuk-tag")!.TextContent);

        var forged = await app.WithDatabaseAsync(db => db.AuditEvents
            .Where(a => a.PersonId == peggy && a.Sequence != null)
            .OrderBy(a => a.Sequence).FirstAsync());
        await app.WithDatabaseAsync(db => AuditTampering.WithoutTriggersAsync(db, () =>
            db.AuditEvents.Where(a => a.Id == forged.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Summary, Forgery))));

        (exitCode, output) = await VerifyCommandAsync();
        Assert.Equal(1, exitCode);
        Assert.Contains("NOT INTACT", output);
        Assert.Contains($"entry {forged.Sequence}", output);
        Assert.Contains(forged.Id.ToString(), output);

        history = await manager.GetAsync($"/people/{peggy}/history?includeViews=true");
        var entries = history.Document.QuerySelectorAll(".app-history-entry");
        var warned = entries.Where(e => e.TextContent.Contains(Warning)).ToList();
        Assert.Single(warned);
        Assert.Contains(Forgery, warned[0].QuerySelector("h3")!.TextContent);
        Assert.Contains("govuk-warning-text", warned[0].InnerHtml);

        trail = await admin.GetAsync("/admin/audit-trail");
        Assert.Contains("Changed", trail.Document.QuerySelector(".govuk-summary-list .govuk-tag")!.TextContent);
        Assert.Contains(Forgery, trail.Document.QuerySelector(".govuk-warning-text")!.TextContent);
    }
}

public sealed class AuditTrailPagesOnSqlite(SqliteApp app) : AuditTrailPagesTests(app), IClassFixture<SqliteApp>;

public sealed class AuditTrailPagesOnPostgres(PostgresApp app) : AuditTrailPagesTests(app), IClassFixture<PostgresApp>;
