using System.Net;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Model;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Contracts;

/// <summary>
/// Contract compliance (R27), end to end through the pages: a commissioner adds a contract, judges items (each
/// judgement kept, the latest shown), records a visit and gives the provider an action; the provider's senior
/// manager sees them and responds; the commissioner marks the action done. Bad input is refused at its field
/// with nothing lost, a stale edit never overwrites, every write is audited, and nobody else sees the contract.
/// </summary>
public abstract class ContractTests(AppFixture app)
{
    private const string Commissioner = "commissioner@northshire.example";
    private const string Senior = "senior@oakfield.example";

    private static Dictionary<string, string> Date(string name, DateOnly date, Dictionary<string, string>? fields = null)
    {
        fields ??= [];
        fields[$"{name}.Day"] = date.Day.ToString();
        fields[$"{name}.Month"] = date.Month.ToString();
        fields[$"{name}.Year"] = date.Year.ToString();
        return fields;
    }

    private static string Text(AppClient.Page page) => page.Document.Body!.TextContent;

    private Task<Guid> OrganisationAsync(string name) =>
        app.WithDatabaseAsync(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    /// <summary>Adds a contract through the page and returns its id.</summary>
    private async Task<Guid> AddContractAsync(AppClient client, string reference)
    {
        var oakfield = await OrganisationAsync("Oakfield Care");
        var added = await client.PostAsync("/council/contracts/new", Date("Input.StartsOn", new DateOnly(2026, 4, 1), new()
        {
            ["Input.ProviderId"] = oakfield.ToString(), ["Input.Reference"] = reference, ["Input.Title"] = "Supported living",
        }));
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        return Guid.Parse(added.Location!.Split('/')[^1]);
    }

    [SkippableFact]
    public async Task AVisitsAction_IsRespondedToByTheProvider_AndMarkedDoneByTheCommissioner()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var commissioner = await app.NewClient().SignInAsync(Commissioner);
        var id = await AddContractAsync(commissioner, "NC-TEST-VISIT");

        var form = await commissioner.GetAsync($"/council/contracts/{id}/visits/new");
        var visited = await commissioner.PostAsync($"/council/contracts/{id}/visits/new", Date("Input.VisitedOn", new DateOnly(2026, 11, 16), new()
        {
            ["Input.Findings"] = "The kitchen is locked every night; nobody could say why.", ["Input.Version"] = form.ValueOf("Input.Version")!,
        }));
        Assert.Equal(HttpStatusCode.Redirect, visited.Status);
        var visitPath = visited.Location!;
        var visitId = Guid.Parse(visitPath.Split('/')[^1]);

        var actionForm = await commissioner.GetAsync($"{visitPath}/actions/new");
        var added = await commissioner.PostAsync($"{visitPath}/actions/new", Date("Input.DueOn", new DateOnly(2026, 12, 18), new()
        {
            ["Input.What"] = "Review the locked kitchen with each person it affects", ["Input.Version"] = actionForm.ValueOf("Input.Version")!,
        }));
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        var visit = await commissioner.GetAsync(visitPath);
        Assert.Contains("The kitchen is locked every night", visit.Body);
        Assert.Contains("Review the locked kitchen with each person it affects", visit.Body);
        Assert.Contains("None yet", visit.Body);
        var actionId = Guid.Parse(visit.Document.QuerySelector("[data-action]")!.GetAttribute("data-action")!);

        // The provider's senior manager sees the contract, the finding and the action, and responds.
        using var senior = await app.NewClient().SignInAsync(Senior);
        var theirs = await senior.GetAsync("/organisation/contracts");
        Assert.NotNull(theirs.Document.QuerySelector($"tr[data-contract='{id}']"));
        Assert.Contains("Respond to the council's action: Review the locked kitchen with each person it affects", Text(await senior.GetAsync("/tasks")));
        var view = await senior.GetAsync($"/organisation/contracts/{id}");
        Assert.Contains("The kitchen is locked every night", view.Body);
        var respondPath = $"/organisation/contracts/{id}/respond?ActionId={actionId}";
        Assert.NotNull(view.Document.QuerySelector($"a[href='{respondPath}']"));
        var empty = await senior.PostAsync(respondPath, new() { ["ActionId"] = actionId.ToString() });
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Contains(empty.ErrorSummary, e => e.StartsWith("Enter your response"));
        var responded = await senior.PostAsync(respondPath, new() { ["ActionId"] = actionId.ToString(), ["Text"] = "Reviewed with each person on 1 December; unlocked for two of them." });
        Assert.Equal(HttpStatusCode.Redirect, responded.Status);

        Assert.DoesNotContain("Respond to the council's action: Review the locked kitchen", Text(await senior.GetAsync("/tasks")));
        Assert.Contains("Check the provider's response and mark the action done: Review the locked kitchen", Text(await commissioner.GetAsync("/tasks")));

        // The commissioner reads the response and marks the action done, saying how they know.
        var done = await commissioner.GetAsync($"/council/contracts/{id}/actions/{actionId}/done");
        Assert.Contains("unlocked for two of them", done.Body);
        var version = done.ValueOf("Input.Version")!;
        var refused = await commissioner.PostAsync($"/council/contracts/{id}/actions/{actionId}/done",
            Date("Input.DoneOn", new DateOnly(2026, 11, 17), new() { ["Input.Version"] = version }));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(refused.ErrorSummary, e => e.StartsWith("Say how you know the action is done"));
        Assert.Equal("17", refused.ValueOf("Input.DoneOn.Day"));
        var marked = await commissioner.PostAsync($"/council/contracts/{id}/actions/{actionId}/done",
            Date("Input.DoneOn", new DateOnly(2026, 11, 17), new() { ["Input.Version"] = version, ["Input.DoneNote"] = "Saw the kitchen open at 9pm." }));
        Assert.Equal(HttpStatusCode.Redirect, marked.Status);
        Assert.DoesNotContain("mark the action done: Review the locked kitchen", Text(await commissioner.GetAsync("/tasks")));
        var after = await commissioner.GetAsync(visitPath);
        Assert.Contains("Saw the kitchen open at 9pm.", after.Body);
        Assert.Null(after.Document.QuerySelector($"a[href='/council/contracts/{id}/actions/{actionId}/done']"));
        // Marking it done again from a stale page is refused, not repeated.
        var again = await commissioner.PostAsync($"/council/contracts/{id}/actions/{actionId}/done",
            Date("Input.DoneOn", new DateOnly(2026, 11, 17), new() { ["Input.Version"] = version, ["Input.DoneNote"] = "Twice." }));
        Assert.Contains(again.ErrorSummary, e => e.StartsWith("Someone else changed this record after you opened it"));

        // Every step is in the council's audit trail, and the response in the provider's.
        var (council, provider) = await app.WithDatabaseAsync(async db => (
            await db.AuditEvents.Where(a => a.EntityId == id || a.EntityId == visitId || a.EntityId == actionId).Select(a => a.Summary).ToListAsync(),
            await db.AuditEvents.Where(a => a.EntityType == nameof(ContractResponse) && a.Summary.Contains("NC-TEST-VISIT")).CountAsync()));
        Assert.Contains(council, s => s.StartsWith("Added contract NC-TEST-VISIT"));
        Assert.Contains(council, s => s.StartsWith("Recorded the contract visit of 16 November 2026"));
        Assert.Contains(council, s => s.StartsWith("Gave the provider an action"));
        Assert.Contains(council, s => s.StartsWith("Marked done: Review the locked kitchen"));
        Assert.Equal(1, provider);
    }

    [SkippableFact]
    public async Task EachJudgement_IsKept_TheLatestShows_AndTheProviderRespondsToTheItem()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var commissioner = await app.NewClient().SignInAsync(Commissioner);
        var id = await AddContractAsync(commissioner, "NC-TEST-JUDGE");
        var path = $"/council/contracts/{id}/items/{ContractItem.CertifiedTraining}";

        var form = await commissioner.GetAsync(path);
        Assert.Contains("What Proportion holds:", form.Body);
        Assert.Contains("hold in-date training from an RRN certified provider", form.Body);
        // Not met needs what is missing; the answers typed are kept.
        var refused = await commissioner.PostAsync(path, Date("Input.JudgedOn", new DateOnly(2026, 11, 10), new()
        {
            ["Input.Judgement"] = nameof(ContractJudgementLevel.NotMet), ["Input.Version"] = form.ValueOf("Input.Version")!,
        }));
        Assert.Contains(refused.ErrorSummary, e => e.StartsWith("Say what is missing"));
        Assert.NotNull(refused.Document.QuerySelector("input[name='Input.Judgement'][value='NotMet'][checked]"));
        var future = await commissioner.PostAsync(path, Date("Input.JudgedOn", new DateOnly(2026, 12, 25), new()
        {
            ["Input.Judgement"] = nameof(ContractJudgementLevel.Met), ["Input.Version"] = form.ValueOf("Input.Version")!,
        }));
        Assert.Contains(future.ErrorSummary, e => e.StartsWith("The date of the judgement must be today or in the past"));

        Assert.Equal(HttpStatusCode.Redirect, (await commissioner.PostAsync(path, Date("Input.JudgedOn", new DateOnly(2026, 11, 10), new()
        {
            ["Input.Judgement"] = nameof(ContractJudgementLevel.NotMet), ["Input.Note"] = "Two night staff have lapsed training.",
            ["Input.Version"] = form.ValueOf("Input.Version")!,
        }))).Status);
        // The same page opened before that judgement cannot overwrite it.
        var stale = await commissioner.PostAsync(path, Date("Input.JudgedOn", new DateOnly(2026, 11, 11), new()
        {
            ["Input.Judgement"] = nameof(ContractJudgementLevel.Met), ["Input.Version"] = form.ValueOf("Input.Version")!,
        }));
        Assert.Contains(stale.ErrorSummary, e => e.StartsWith("Someone else changed this record after you opened it"));
        var fresh = await commissioner.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, (await commissioner.PostAsync(path, Date("Input.JudgedOn", new DateOnly(2026, 11, 17), new()
        {
            ["Input.Judgement"] = nameof(ContractJudgementLevel.Met), ["Input.Version"] = fresh.ValueOf("Input.Version")!,
        }))).Status);

        var contract = await commissioner.GetAsync($"/council/contracts/{id}");
        var row = contract.Document.QuerySelector($"[data-item='{ContractItem.CertifiedTraining}']")!.TextContent;
        Assert.Contains("Met", row);
        Assert.DoesNotContain("Not met", row);
        var history = await commissioner.GetAsync(path);
        Assert.Contains("Two night staff have lapsed training.", history.Body);
        Assert.Equal(2, await app.WithDatabaseAsync(db => db.ContractJudgements.CountAsync(j => j.ContractId == id)));

        // The provider sees the judgement and responds to the item; the commissioner sees the response.
        using var senior = await app.NewClient().SignInAsync(Senior);
        var respond = $"/organisation/contracts/{id}/respond?Item={ContractItem.CertifiedTraining}";
        Assert.Equal(HttpStatusCode.Redirect, (await senior.PostAsync(respond, new() { ["Item"] = nameof(ContractItem.CertifiedTraining), ["Text"] = "Both booked on certified refreshers." })).Status);
        Assert.Contains("Both booked on certified refreshers.", (await commissioner.GetAsync($"/council/contracts/{id}")).Body);
        // A board member reads but cannot respond.
        using var board = await app.NewClient().SignInAsync("board@oakfield.example");
        var boardView = await board.GetAsync($"/organisation/contracts/{id}");
        Assert.Equal(HttpStatusCode.OK, boardView.Status);
        Assert.Null(boardView.Document.QuerySelector("a[href*='/respond']"));
    }

    [SkippableFact]
    public async Task ANewContract_IsRefusedAtEachFieldMissing_WithNothingTypedLost()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var commissioner = await app.NewClient().SignInAsync(Commissioner);
        var refused = await commissioner.PostAsync("/council/contracts/new", Date("Input.EndsOn", new DateOnly(2026, 1, 1), new()
        {
            ["Input.Reference"] = "NC-KEPT", ["Input.StartsOn.Day"] = "1", ["Input.StartsOn.Month"] = "4", ["Input.StartsOn.Year"] = "2026",
        }));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(refused.ErrorSummary, e => e.StartsWith("Select the provider the contract is with"));
        Assert.Contains(refused.ErrorSummary, e => e.StartsWith("Enter what the contract is for"));
        Assert.Contains(refused.ErrorSummary, e => e.StartsWith("The date the contract ends must be after the date it starts"));
        Assert.Equal("NC-KEPT", refused.ValueOf("Input.Reference"));
        Assert.Equal("Enter what the contract is for", refused.FieldError("Input_Title"));
        var tooLong = await commissioner.PostAsync("/council/contracts/new", new()
        {
            ["Input.ProviderId"] = (await OrganisationAsync("Oakfield Care")).ToString(), ["Input.Reference"] = new string('x', 101),
            ["Input.Title"] = "Supported living", ["Input.StartsOn.Day"] = "1", ["Input.StartsOn.Month"] = "4", ["Input.StartsOn.Year"] = "2026",
        });
        Assert.Contains(tooLong.ErrorSummary, e => e.StartsWith("Use 100 characters or fewer (you used 101)"));
        // A council cannot contract with a council.
        var council = await commissioner.PostAsync("/council/contracts/new", new()
        {
            ["Input.ProviderId"] = (await OrganisationAsync("Northshire Council")).ToString(), ["Input.Reference"] = "NC-X", ["Input.Title"] = "X",
            ["Input.StartsOn.Day"] = "1", ["Input.StartsOn.Month"] = "4", ["Input.StartsOn.Year"] = "2026",
        });
        Assert.Contains(council.ErrorSummary, e => e.StartsWith("Select the provider the contract is with"));
        Assert.False(await app.WithDatabaseAsync(db => db.ProviderContracts.AnyAsync(c => c.Reference == "NC-KEPT" || c.Reference == "NC-X")));
    }

    [SkippableFact]
    public async Task AContract_IsSeenOnlyByItsCouncilAndItsProvider()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        await TwoCouncils.EnsureAsync(app);
        using var commissioner = await app.NewClient().SignInAsync(Commissioner);
        var id = await AddContractAsync(commissioner, "NC-TEST-SCOPE");

        using var south = await app.NewClient().SignInAsync("commissioner@southshire.example");
        Assert.Null((await south.GetAsync("/council/contracts")).Document.QuerySelector($"tr[data-contract='{id}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await south.GetAsync($"/council/contracts/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await south.GetAsync($"/council/contracts/{id}/visits/new")).Status);

        using var riverside = await app.NewClient().SignInAsync("senior@riverside.example");
        Assert.Null((await riverside.GetAsync("/organisation/contracts")).Document.QuerySelector($"tr[data-contract='{id}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await riverside.GetAsync($"/organisation/contracts/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await riverside.PostAsync($"/organisation/contracts/{id}/respond?Item=Policy", new() { ["Text"] = "Not ours." })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await commissioner.GetAsync($"/council/contracts/{Guid.NewGuid()}")).Status);
        Assert.Equal(0, await app.WithDatabaseAsync(db => db.ContractResponses.CountAsync(r => r.Text == "Not ours.")));
    }
}

public sealed class ContractsOnSqlite(SqliteApp app) : ContractTests(app), IClassFixture<SqliteApp>;

public sealed class ContractsOnPostgres(PostgresApp app) : ContractTests(app), IClassFixture<PostgresApp>;
