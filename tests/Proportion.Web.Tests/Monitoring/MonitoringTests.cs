using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Model;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Monitoring;

/// <summary>Service monitoring and audits (form RP3, §8, R11) through the pages, from the demo data.</summary>
public abstract partial class MonitoringTests(AppFixture app)
{
    private static readonly string[] Columns =
        ["Decision evidenced", "Least restrictive sought", "Person involved", "Review dates met", "Agreements complete", "Guidelines read by staff", "Reduction considered"];

    private DateOnly Today => UkTime.Today(app.Clock);

    private static string Squash(string text) => Spaces().Replace(text, " ").Trim();

    /// <summary>Each practice's row of the RP3 table: its heading, then Yes or No for each check.</summary>
    private static Dictionary<string, string[]> Rows(AppClient.Page page) =>
        page.Document.QuerySelectorAll("main table tbody tr")
            .Where(r => r.QuerySelectorAll("td .govuk-tag").Length == Columns.Length)
            .ToDictionary(r => Squash(r.QuerySelector("th")!.TextContent), r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray());

    private static Dictionary<string, string> Date(string prefix, DateOnly date) => new()
    {
        [$"{prefix}.Day"] = date.Day.ToString(), [$"{prefix}.Month"] = date.Month.ToString(), [$"{prefix}.Year"] = date.Year.ToString(),
    };

    /// <summary>The form as the page gives it: the version, and each practice's note under its check id.</summary>
    private static Dictionary<string, string> FormOf(AppClient.Page page)
    {
        var fields = new Dictionary<string, string> { ["Version"] = page.ValueOf("Version")! };
        foreach (var input in page.Document.QuerySelectorAll("input[name^='Input.Notes']"))
        {
            fields[input.GetAttribute("name")!] = input.GetAttribute("value")!;
        }
        return fields;
    }

    private static Dictionary<string, string> With(Dictionary<string, string> form, Dictionary<string, string> more)
    {
        var all = new Dictionary<string, string>(form);
        foreach (var (k, v) in more) all[k] = v;
        return all;
    }

    /// <summary>A note for every practice, as the auditor writes them before signing off.</summary>
    private static Dictionary<string, string> NotesForAll(Dictionary<string, string> form) =>
        form.Keys.Where(k => k.EndsWith(".CheckId")).ToDictionary(k => k.Replace(".CheckId", ".Text"), _ => "Write up the RP2 discussion with the person and their family.");

    private async Task<string> StartAsync(AppClient client, Guid service, MonitoringKind kind)
    {
        var started = await client.PostAsync($"/services/{service}/monitoring?handler=Start&kind={kind}", []);
        Assert.Equal(HttpStatusCode.Redirect, started.Status);
        Assert.Matches($"^/services/{service}/monitoring/[0-9a-f-]{{36}}$", started.Location);
        return started.Location!;
    }

    /// <summary>Moves the app's clock to midday on <paramref name="date"/> in England, whatever the time now.</summary>
    private IDisposable ClockTo(DateOnly date) =>
        app.Clock.MoveOn(UkTime.ToUtc(date, new TimeOnly(12, 0))!.Value - app.Clock.GetUtcNow().UtcDateTime);

    [SkippableFact]
    public async Task Manager_StartsMonitoring_FormHasARowForEachPracticeInPlace_WithWhatTheRulesFind()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var house = await app.IdOfServiceAsync("Oakfield House");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");

        var list = await manager.GetAsync($"/services/{house}/monitoring");
        Assert.Contains(list.Document.QuerySelectorAll("main button"), b => b.TextContent.Trim().EndsWith("the 3-monthly monitoring"));
        Assert.DoesNotContain(list.Document.QuerySelectorAll("main button"), b => b.TextContent.Contains("audit"));
        var form = await manager.GetAsync(await StartAsync(manager, house, MonitoringKind.ManagerMonitoring));

        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Equal(Columns, form.Document.QuerySelectorAll("main table thead th").Skip(1).Select(th => th.ChildNodes[0].TextContent.Trim()));
        var rows = Rows(form);
        // Oakfield House, practices in place: Peggy's door and sensor mat; Arthur's covert medicine; Doris's door
        // (her lorazepam ended); Joyce's one-to-one and door. Edna has none. Proposals (Peggy's bed rails, Stan's
        // kitchen lock) are not in place until agreed, so they are not checked as if they were.
        Assert.Equal(6, rows.Count);
        Assert.DoesNotContain(rows, r => r.Key.Contains("Bed rails raised at night") || r.Key.Contains("Kitchen locked"));
        // Arthur's covert medicine has no agreed discussion, its review is 5 days late, and it has been in place
        // 340 days without a review that considered reducing it: every check fails.
        var arthur = rows.Single(r => r.Key.StartsWith("Arthur Bennett Blood pressure medicine given covertly")).Value;
        Assert.Equal(["No", "No", "No", "No", "No", "No", "No"], arthur);
        // Joyce's one-to-one: no discussion written, but its review is 120 days away and it began 60 days ago.
        var joyce = rows.Single(r => r.Key.StartsWith("Joyce Turner One-to-one support")).Value;
        Assert.Equal(["No", "No", "No", "Yes", "No", "No", "Yes"], joyce);
        Assert.Equal(6, form.Document.QuerySelectorAll("textarea[name^='Input.Notes']").Length);
        Assert.True(await app.WithDatabaseAsync(db => db.AuditEvents.AnyAsync(a =>
            a.EntityType == nameof(ServiceMonitoring) && a.Action == AuditAction.Created && a.Summary.StartsWith("Started the manager's monitoring of Oakfield House"))));
    }

    [SkippableFact]
    public async Task SignOff_WithGaps_IsRefusedNamingEach_KeepsWhatWasTyped_ThenCompletesReadOnly()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var house = await app.IdOfServiceAsync("Oakfield House");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        var url = await StartAsync(manager, house, MonitoringKind.ManagerMonitoring);
        var id = Guid.Parse(url[(url.LastIndexOf('/') + 1)..]);
        var form = FormOf(await manager.GetAsync(url));
        var auditedBefore = await app.WithDatabaseAsync(db => db.AuditEvents.CountAsync(a => a.EntityId == id));

        // Sign off with no findings and a note on only the first practice.
        var refused = await manager.PostAsync(url + "?handler=Complete", With(form, new() { ["Input.Notes[0].Text"] = "Typed and kept", ["Input.Findings"] = "" }));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Enter your findings for the service", refused.ErrorSummary);
        // Arthur's practice comes first (Bennett) and has its note; each of the other five falls short and has none.
        Assert.Contains(refused.ErrorSummary, e => e.StartsWith("Enter a note on Doris Clarke's practice \"Front door has a key-code lock; the code is not shared with Doris\""));
        Assert.DoesNotContain(refused.ErrorSummary, e => e.Contains("Arthur Bennett"));
        Assert.Equal(5, refused.ErrorSummary.Count(e => e.StartsWith("Enter a note on")));
        Assert.NotNull(refused.Document.QuerySelector(".govuk-error-summary a[href='#Input_Findings']"));
        Assert.NotNull(refused.Document.QuerySelector(".govuk-error-summary a[href='#Input_Notes_1__Text']"));
        Assert.Equal("Typed and kept", refused.ValueOf("Input.Notes[0].Text")?.Trim());
        Assert.Equal("Draft", (await app.WithDatabaseAsync(db => db.Monitoring.SingleAsync(m => m.Id == id))).Status.ToString());

        // An action needs what, who and a date that has not passed; what was typed is shown back.
        var empty = await manager.PostAsync(url + "?handler=Action", form);
        Assert.Equal(["Enter what must be done", "Enter who will do it", "Enter the date it is due"], empty.ErrorSummary);
        var past = await manager.PostAsync(url + "?handler=Action", With(With(form, Date("NewAction.DueOn", Today.AddDays(-1))), new()
        {
            ["NewAction.What"] = "Write up Arthur's discussion", ["NewAction.Owner"] = new string('x', 101),
        }));
        Assert.Equal(["Who will do it must be 100 characters or fewer", "The date it is due must be today or in the future"], past.ErrorSummary);
        Assert.Equal("Write up Arthur's discussion", past.ValueOf("NewAction.What")?.Trim());
        var added = await manager.PostAsync(url + "?handler=Action", With(With(form, Date("NewAction.DueOn", Today.AddDays(14))), new()
        {
            ["NewAction.What"] = "Write up Arthur's discussion with his GP", ["NewAction.Owner"] = "Daniel Okafor",
        }));
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        var page = await manager.GetAsync(url);
        Assert.Contains("Write up Arthur's discussion with his GP", page.Document.QuerySelector("main")!.TextContent);

        var completed = await manager.PostAsync(url + "?handler=Complete", With(With(FormOf(page), NotesForAll(form)), new()
        {
            ["Input.Findings"] = "Few practices have a written discussion; staff have not read the guidelines.",
        }));

        Assert.Equal(HttpStatusCode.Redirect, completed.Status);
        Assert.Equal($"/services/{house}/monitoring", completed.Location);
        var list = await manager.GetAsync(completed.Location!);
        var signedOff = list.Document.QuerySelectorAll("main table tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => Squash(td.TextContent)).ToArray())
            .Single(r => r[0] == UkTime.Format(Today) + ", Manager's monitoring");
        Assert.Equal(["Manager's monitoring", "Daniel Okafor", "Yes", "1"], signedOff.Skip(1));
        // R11: the next is due 3 months after this one.
        var nextMonitoring = list.Document.QuerySelectorAll("main .govuk-summary-list__row").Single(r => r.TextContent.Contains("Manager's monitoring"));
        Assert.Contains($"Due by {UkTime.Format(Today.AddMonths(3))}", Squash(nextMonitoring.TextContent));
        var readOnly = await manager.GetAsync(url);
        Assert.Contains("Signed off", readOnly.Body);
        Assert.Empty(readOnly.Document.QuerySelectorAll("main form"));
        Assert.Contains("Few practices have a written discussion", readOnly.Body);
        // A form opened before the sign-off is stale; even with the version as it now is, the check cannot change.
        var late = await manager.PostAsync(url + "?handler=Save", With(FormOf(page), new() { ["Input.Findings"] = "Changed afterwards" }));
        Assert.Contains(late.ErrorSummary, e => e.StartsWith("Someone else changed this record"));
        var monitoringId = Guid.Parse(url.Split('/').Last());
        var current = await app.WithDatabaseAsync(db => db.Monitoring.Where(m => m.Id == monitoringId).Select(m => m.Version).SingleAsync());
        var afterwards = await manager.PostAsync(url + "?handler=Save", With(FormOf(page), new() { ["Version"] = current.ToString(), ["Input.Findings"] = "Changed afterwards" }));
        Assert.Contains("This check has been signed off and cannot be changed.", afterwards.ErrorSummary);
        var audited = await app.WithDatabaseAsync(db => db.AuditEvents.Where(a => a.EntityId == id).OrderBy(a => a.At).Select(a => a.Summary).ToListAsync());
        Assert.Equal(auditedBefore + 3, audited.Count);
        Assert.Contains(audited, s => s.StartsWith("Added an action: Write up Arthur's discussion with his GP"));
        Assert.Contains(audited, s => s == "Saved findings in the manager's monitoring");
        Assert.Contains(audited, s => s == "Daniel Okafor signed off the manager's monitoring, with 1 actions");
    }

    [SkippableFact]
    public async Task Audit_IsForSeniorManagersOnly()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var beech = await app.IdOfServiceAsync("Beech Road");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        using var board = await app.NewClient().SignInAsync("board@oakfield.example");

        var audits = await app.WithDatabaseAsync(db => db.Monitoring.CountAsync(m => m.ServiceId == beech && m.Kind == MonitoringKind.SeniorAudit));

        var page = await manager.GetAsync($"/services/{beech}/monitoring");
        var refused = await manager.PostAsync($"/services/{beech}/monitoring?handler=Start&kind=SeniorAudit", []);
        var boardRefused = await board.PostAsync($"/services/{beech}/monitoring?handler=Start&kind=ManagerMonitoring", []);

        Assert.DoesNotContain("the 6-monthly audit", page.Body);
        Assert.True(refused.Status == HttpStatusCode.Forbidden || refused.Location?.Contains("/access-denied") == true, $"{refused.Status} {refused.Location}");
        Assert.True(boardRefused.Status == HttpStatusCode.Forbidden || boardRefused.Location?.Contains("/access-denied") == true);
        Assert.Equal(audits, await app.WithDatabaseAsync(db => db.Monitoring.CountAsync(m => m.ServiceId == beech && m.Kind == MonitoringKind.SeniorAudit)));
        Assert.DoesNotContain("Start the", (await board.GetAsync($"/services/{beech}/monitoring")).Body);
    }

    [SkippableFact]
    public async Task Audit_SixMonthsAndADayLater_IsOverdue_OnTheServiceTheOrganisationAndTheSeniorManagersTasks()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var beech = await app.IdOfServiceAsync("Beech Road");
        var completedOn = Today;
        using (var senior = await app.NewClient().SignInAsync("senior@oakfield.example"))
        {
            var url = await StartAsync(senior, beech, MonitoringKind.SeniorAudit);
            var form = FormOf(await senior.GetAsync(url));
            var done = await senior.PostAsync(url + "?handler=Complete", With(With(form, NotesForAll(form)), new() { ["Input.Findings"] = "Sam's hold was used face down: retrain staff." }));
            Assert.Equal(HttpStatusCode.Redirect, done.Status);
            var signedOff = await app.WithDatabaseAsync(db => db.Monitoring.SingleAsync(m => m.ServiceId == beech && m.Kind == MonitoringKind.SeniorAudit));
            Assert.Equal(MonitoringStatus.Completed, signedOff.Status);
            Assert.False(signedOff.CompletedByWorksInService);
        }
        var due = completedOn.AddMonths(6);

        foreach (var (day, overdue) in new[] { (due.AddDays(-1), false), (due.AddDays(1), true) })
        {
            using var moved = ClockTo(day);
            using var senior = await app.NewClient().SignInAsync("senior@oakfield.example");

            var service = await senior.GetAsync($"/services/{beech}/monitoring");
            var audit = Squash(service.Document.QuerySelectorAll("main .govuk-summary-list__row").Single(r => r.TextContent.Contains("Senior manager's audit")).TextContent);
            Assert.Contains($"Due by {UkTime.Format(due)}", audit);
            Assert.Equal(overdue, audit.Contains("Overdue"));

            var organisation = await senior.GetAsync("/organisation");
            var row = organisation.Document.QuerySelector("table#monitoring")!.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == "Beech Road");
            var nextAudit = Squash(row.QuerySelectorAll("td").Last().TextContent);
            Assert.Equal(UkTime.Format(due) + (overdue ? " Overdue" : ""), nextAudit);

            var tasks = (await senior.GetAsync("/tasks")).Document.QuerySelectorAll(".govuk-task-list__item").Select(li => Squash(li.TextContent)).ToList();
            var task = Assert.Single(tasks, t => t.StartsWith("Audit the restrictive practices of Beech Road"));
            Assert.Equal(overdue, task.Contains("Overdue"));
        }
    }

    [SkippableFact]
    public async Task StaleVersion_GetsTheChangedBySomeoneElseMessage_AndKeepsWhatWasTyped()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var beech = await app.IdOfServiceAsync("Beech Road");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        using var senior = await app.NewClient().SignInAsync("senior@oakfield.example");
        var url = await StartAsync(manager, beech, MonitoringKind.ManagerMonitoring);
        Assert.Equal(url, await StartAsync(senior, beech, MonitoringKind.ManagerMonitoring));
        var managerForm = FormOf(await manager.GetAsync(url));
        var seniorForm = FormOf(await senior.GetAsync(url));

        var saved = await senior.PostAsync(url + "?handler=Save", With(seniorForm, new() { ["Input.Findings"] = "The senior manager's findings" }));
        var stale = await manager.PostAsync(url + "?handler=Save", With(managerForm, new() { ["Input.Findings"] = "The manager's findings" }));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains(stale.ErrorSummary, e => e.StartsWith("Someone else changed this record after you opened it"));
        Assert.Equal("The manager's findings", stale.ValueOf("Input.Findings")?.Trim());
        var monitoring = await app.WithDatabaseAsync(db => db.Monitoring.SingleAsync(m => m.ServiceId == beech && m.Kind == MonitoringKind.ManagerMonitoring && m.Status == MonitoringStatus.Draft));
        Assert.Equal("The senior manager's findings", monitoring.Findings);
        Assert.True(await app.WithDatabaseAsync(db => db.AuditEvents.AnyAsync(a => a.EntityId == monitoring.Id && a.Summary == "Saved findings in the manager's monitoring")));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [SkippableFact]
    public async Task ActionFromASignedOffCheck_IsOnTheManagersTasks_UntilRecordedAsDone_WithWhatWasDone()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var house = await app.IdOfServiceAsync("Oakfield House");
        // The demo's monitoring of Oakfield House set an action due in a fortnight: Arthur's discussion to write up.
        var (monitoring, action) = await app.WithDatabaseAsync(async db =>
        {
            var signedOff = await db.Monitoring.Where(m => m.ServiceId == house && m.Kind == MonitoringKind.ManagerMonitoring && m.Status == MonitoringStatus.Completed).ToListAsync();
            var m = signedOff.Single(m => m.Actions.Any(a => a.What.StartsWith("Write up the discussion for Arthur")));
            return (m.Id, m.Actions.Single(a => a.What.StartsWith("Write up the discussion for Arthur")).Id);
        });
        var url = $"/services/{house}/monitoring/{monitoring}/actions/{action}/done";
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        static List<string> Tasks(AppClient.Page page) => [.. page.Document.QuerySelectorAll(".govuk-task-list__item").Select(li => Squash(li.TextContent))];
        Assert.Contains(Tasks(await manager.GetAsync("/tasks")), t => t.StartsWith("Action from the monitoring of Oakfield House: Write up the discussion for Arthur"));
        Assert.Contains(url, (await manager.GetAsync($"/services/{house}/monitoring/{monitoring}")).Body);

        var version = (await manager.GetAsync(url)).ValueOf("Input.Version")!;
        var refused = await manager.PostAsync(url, With(Date("Input.DoneOn", Today.AddDays(1)), new() { ["Input.Version"] = version }));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal(["The date it was done must be today or in the past", "Say what was done"], refused.ErrorSummary);
        Assert.NotNull(refused.FieldError("Input_DoneNote"));
        Assert.Equal(Today.AddDays(1).Day.ToString(), refused.ValueOf("Input.DoneOn.Day"));

        var done = await manager.PostAsync(url, With(Date("Input.DoneOn", Today), new()
        {
            ["Input.Version"] = version, ["Input.DoneNote"] = "Discussion held with the GP; decision 2 is on the practice",
        }));

        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        var page = await manager.GetAsync($"/services/{house}/monitoring/{monitoring}");
        var row = page.Document.QuerySelectorAll("#actions ~ * tr, table tr").First(tr => tr.TextContent.Contains("Write up the discussion for Arthur"));
        Assert.Contains("Done", row.TextContent);
        Assert.Contains("Discussion held with the GP", row.TextContent);
        Assert.DoesNotContain(Tasks(await manager.GetAsync("/tasks")), t => t.Contains("Write up the discussion for Arthur"));
        Assert.True(await app.WithDatabaseAsync(db => db.AuditEvents.AnyAsync(a => a.EntityId == monitoring && a.Summary.StartsWith("Recorded an action as done"))));
        // Done once: the page now says so instead of asking again.
        Assert.Equal(HttpStatusCode.Redirect, (await manager.GetAsync(url)).Status);
        using var board = await app.NewClient().SignInAsync("board@oakfield.example");
        Assert.NotEqual(HttpStatusCode.OK, (await board.GetAsync(url)).Status);
    }
}

public sealed class MonitoringOnSqlite(SqliteApp app) : MonitoringTests(app), IClassFixture<SqliteApp>;

public sealed class MonitoringOnPostgres(PostgresApp app) : MonitoringTests(app), IClassFixture<PostgresApp>;
