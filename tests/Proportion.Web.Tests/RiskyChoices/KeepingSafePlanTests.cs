using System.Net;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Model;
using Proportion.Web.Tests.Plans;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.RiskyChoices;

/// <summary>
/// Tools for risky choices (R20): a keeping safe plan end to end, always with the council's safeguarding helpline.
/// The helpline is the council's (set by its administrator), shown live on the plan, its versions and its easy-read
/// copy; when no council has set one the plan says so plainly and must give a number of its own.
/// </summary>
public abstract class KeepingSafePlanTests(AppFixture app)
{
    private const string Manager = "manager@oakfield.example";
    private const string CouncilAdmin = "admin@northshire.example";
    private const string Helpline = "01632 960200, 24 hours a day";
    private DateOnly Today => UkTime.Today(app.Clock);

    private static Dictionary<string, string> Date(string prefix, DateOnly date) => new()
    {
        [$"{prefix}.Day"] = date.Day.ToString(), [$"{prefix}.Month"] = date.Month.ToString(), [$"{prefix}.Year"] = date.Year.ToString(),
    };

    private static readonly Dictionary<string, string> EveryPart = new()
    {
        ["Input.ManagingTheMoney"] = "A prepaid card; receipts in the blue folder, checked with my sister each Friday",
        ["Input.Recruiting"] = "My sister helps me choose; a DBS check and two references first",
        ["Input.Employing"] = "The provider employs my staff",
        ["Input.Training"] = "Checking my balance on my phone",
        ["Input.WhenThingsGoWrong"] = "Tell my sister or the manager straight away",
        ["Input.WhoCanHelp[0].Name"] = "Rosa Diaz", ["Input.WhoCanHelp[0].WhoTheyAre"] = "my sister", ["Input.WhoCanHelp[0].HowToReach"] = "07700 900789",
        ["Input.HowThePersonTookPart"] = "Made with me over two mornings with photographs",
    };

    private static async Task<AppClient.Page> PostFormAsync(AppClient client, string url, Dictionary<string, string> answers, string versionField = "PlanVersion")
    {
        var form = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        return await client.PostAsync(url, new Dictionary<string, string>(answers) { [versionField] = form.ValueOf(versionField)! });
    }

    private async Task<(Guid Person, Guid Plan, string Edit, string Page)> StartAsync(AppClient manager)
    {
        var person = await PlanRecordsTests.NewPersonAsync(app, "Safe");
        var started = await manager.PostAsync($"/people/{person}/keeping-safe/new", new() { ["Input.Title"] = "Keeping me safe" });
        Assert.Equal(HttpStatusCode.Redirect, started.Status);
        var plan = await app.WithDatabaseAsync(db => db.Plans.Where(p => p.PersonId == person && p.Kind == PlanKind.KeepingSafe).Select(p => p.Id).SingleAsync());
        Assert.Equal($"/people/{person}/keeping-safe/{plan}/edit", started.Location);
        return (person, plan, started.Location!, $"/people/{person}/keeping-safe/{plan}");
    }

    private Task SetHelplineAsync(string? helpline) => app.WithDatabaseAsync(db =>
        db.Organisations.Where(o => o.Name == "Northshire Council").ExecuteUpdateAsync(s => s.SetProperty(o => o.SafeguardingHelpline, helpline)));

    [SkippableFact]
    public async Task APlan_ShowsTheCouncilsHelpline_IsRefusedNamingEachGap_ThenAgreed()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var manager = await app.NewClient().SignInAsync(Manager);
        var (person, plan, edit, page) = await StartAsync(manager);

        // The helpline is the council's, shown, never typed: the service is in Northshire.
        var form = await manager.GetAsync(edit);
        Assert.Contains($"Northshire Council safeguarding adults helpline: {Helpline}", form.Document.QuerySelector("#safeguarding-helpline")!.TextContent);
        Assert.Null(form.Document.QuerySelector("input[type='text'][name='Input.SafeguardingContact']"));

        var more = await manager.PostAsync(edit, new() { ["PlanVersion"] = form.ValueOf("PlanVersion")!, ["add"] = "contact", ["Input.WhoCanHelp[0].Name"] = "Rosa Diaz" });
        Assert.Empty(more.ErrorSummary);
        Assert.NotNull(more.Document.QuerySelector("[name='Input.WhoCanHelp[1].Name']"));
        Assert.Equal("Rosa Diaz", more.ValueOf("Input.WhoCanHelp[0].Name"));

        var noName = await PostFormAsync(manager, edit, new() { ["Input.WhoCanHelp[0].HowToReach"] = "07700 900789" });
        Assert.Contains("Enter the name of person 1 who can help", noName.ErrorSummary);
        Assert.Equal("07700 900789", noName.ValueOf("Input.WhoCanHelp[0].HowToReach"));

        var saved = await PostFormAsync(manager, edit, new()
        {
            ["Input.ManagingTheMoney"] = "A prepaid card", ["Input.WhoCanHelp[0].Name"] = "Rosa Diaz", ["Input.WhoCanHelp[0].WhoTheyAre"] = "my sister",
        });
        Assert.Equal(page, saved.Location);
        var view = await manager.GetAsync(page);
        Assert.Contains(Helpline, view.Document.QuerySelector("#safeguarding-helpline")!.TextContent);
        var gaps = view.Document.QuerySelector("#plan-gaps")!.TextContent;
        Assert.Contains("Write how help is recruited, with the checks (DBS check and references)", gaps);
        Assert.Contains("Say how to reach Rosa Diaz", gaps);
        Assert.DoesNotContain("Write how the money is managed", gaps);

        var agree = $"/people/{person}/plans/{plan}/agree";
        var refused = await PostFormAsync(manager, agree, Date("Input.ReviewDate", Today.AddMonths(3)));
        Assert.Contains(refused.ErrorSummary, e => e.StartsWith("Write what to do when things go wrong (rule R20"));
        Assert.Contains(refused.ErrorSummary, e => e.StartsWith("Write how the plan was made with the person"));
        // The check page shows the council's helpline after the plan's own parts.
        Assert.Contains(Helpline, refused.Document.QuerySelector("#section-Helpline")!.TextContent);

        Assert.Equal(page, (await PostFormAsync(manager, edit, EveryPart)).Location);
        Assert.Equal(page, (await PostFormAsync(manager, agree, Date("Input.ReviewDate", Today.AddMonths(3)))).Location);
        view = await manager.GetAsync(page);
        Assert.Contains("In place", view.Body);
        Assert.Contains("Rosa Diaz, my sister, 07700 900789", view.Body);
        var version = await manager.GetAsync($"/people/{person}/plans/{plan}/versions/1");
        Assert.Contains($"Northshire Council safeguarding adults helpline (the council where you live): {Helpline}", version.Document.QuerySelector("#section-Helpline")!.TextContent);
        var pdf = await manager.GetAsync($"/people/{person}/plans/{plan}/versions/1/easy-read");
        Assert.Equal(HttpStatusCode.OK, pdf.Status);
        Assert.Equal("application/pdf", pdf.ContentType);
        Assert.True(await app.WithDatabaseAsync(db => db.AuditEvents.AnyAsync(e => e.EntityId == plan && e.Summary.StartsWith("Agreed version 1"))));
    }

    [SkippableFact]
    public async Task TheCouncilsAdministrator_SetsTheHelpline_AndWithoutOne_EveryPlanSaysSoPlainly()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var sam = await app.IdOfPersonAsync("Adeyemi");
        var samsPlan = await app.WithDatabaseAsync(db => db.Plans.Where(p => p.PersonId == sam && p.Kind == PlanKind.KeepingSafe).Select(p => p.Id).SingleAsync());
        using var admin = await app.NewClient().SignInAsync(CouncilAdmin);
        using var manager = await app.NewClient().SignInAsync(Manager);
        try
        {
            var details = await admin.GetAsync("/admin/organisation");
            Assert.Equal(HttpStatusCode.OK, details.Status);
            Assert.Equal(Helpline, details.Document.QuerySelector("[data-helpline]")!.TextContent.Trim());
            var users = await admin.GetAsync("/admin/users");
            Assert.Contains(users.Document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")), h => h == "/admin/organisation");

            var noDigits = await PostFormAsync(admin, "/admin/organisation", new() { ["Input.SafeguardingHelpline"] = "Ring the council" }, "Input.Version");
            Assert.Contains(noDigits.ErrorSummary, e => e.StartsWith("Enter the helpline's phone number"));
            Assert.Equal("Ring the council", noDigits.ValueOf("Input.SafeguardingHelpline"));
            var stale = await admin.PostAsync("/admin/organisation", new() { ["Input.SafeguardingHelpline"] = "01632 960999", ["Input.Version"] = "0" });
            Assert.Contains(stale.ErrorSummary, e => e.StartsWith("Someone else changed this record after you opened it"));

            var removed = await PostFormAsync(admin, "/admin/organisation", new() { ["Input.SafeguardingHelpline"] = "" }, "Input.Version");
            Assert.Equal("/admin/organisation", removed.Location);
            Assert.True(await app.WithDatabaseAsync(db => db.AuditEvents.AnyAsync(e => e.Summary == "Removed the safeguarding helpline")));

            // Sam's agreed plan now says plainly that none is set.
            var view = await manager.GetAsync($"/people/{sam}/keeping-safe/{samsPlan}");
            Assert.Contains("No safeguarding helpline is set: Northshire Council has not added one to Proportion yet",
                view.Document.QuerySelector("[data-no-helpline]")!.TextContent);

            // A new plan asks for a number of its own until the council sets one.
            var (person, plan, edit, page) = await StartAsync(manager);
            Assert.NotNull((await manager.GetAsync(edit)).Document.QuerySelector("input[type='text'][name='Input.SafeguardingContact']"));
            Assert.Equal(page, (await PostFormAsync(manager, edit, EveryPart)).Location);
            var refused = await PostFormAsync(manager, $"/people/{person}/plans/{plan}/agree", Date("Input.ReviewDate", Today.AddMonths(3)));
            var message = Assert.Single(refused.ErrorSummary);
            Assert.StartsWith("No safeguarding helpline is set: Northshire Council has not added one to Proportion yet. Write the safeguarding number to ring in the plan", message);
            Assert.Equal(page, (await PostFormAsync(manager, edit, new(EveryPart) { ["Input.SafeguardingContact"] = "01632 960111" })).Location);
            Assert.Equal(page, (await PostFormAsync(manager, $"/people/{person}/plans/{plan}/agree", Date("Input.ReviewDate", Today.AddMonths(3)))).Location);
            Assert.Contains("01632 960111", (await manager.GetAsync(page)).Body);

            // Set again: every plan shows it at once.
            var set = await PostFormAsync(admin, "/admin/organisation", new() { ["Input.SafeguardingHelpline"] = Helpline }, "Input.Version");
            Assert.Equal("/admin/organisation", set.Location);
            Assert.Contains(Helpline, (await manager.GetAsync($"/people/{sam}/keeping-safe/{samsPlan}")).Document.QuerySelector("#safeguarding-helpline")!.TextContent);
        }
        finally
        {
            await SetHelplineAsync(Helpline);
        }
    }

    [SkippableFact]
    public async Task AProvidersAdministrator_SeesItsCouncilsHelplines_AndCannotSetOne()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var admin = await app.NewClient().SignInAsync("admin@oakfield.example");
        var details = await admin.GetAsync("/admin/organisation");
        Assert.Equal(HttpStatusCode.OK, details.Status);
        var row = details.Document.QuerySelectorAll("tbody tr").Single().QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["Northshire Council", Helpline, "Beech Road, Oakfield House"], row);
        var refused = await admin.PostAsync("/admin/organisation", new() { ["Input.SafeguardingHelpline"] = "01632 960999", ["Input.Version"] = "1" });
        Assert.Contains(refused.ErrorSummary, e => e.StartsWith("Only a council has a safeguarding helpline"));
        Assert.Equal(Helpline, await app.WithDatabaseAsync(db => db.Organisations.Where(o => o.Name == "Northshire Council").Select(o => o.SafeguardingHelpline).SingleAsync()));
        // Nobody else reaches the page: a social worker is refused.
        using var socialWorker = await app.NewClient().SignInAsync("socialworker@northshire.example");
        Assert.Contains("/access-denied", (await socialWorker.GetAsync("/admin/organisation")).Location);
    }
}

public sealed class KeepingSafePlanOnSqlite(SqliteApp app) : KeepingSafePlanTests(app), IClassFixture<SqliteApp>;

public sealed class KeepingSafePlanOnPostgres(PostgresApp app) : KeepingSafePlanTests(app), IClassFixture<PostgresApp>;
