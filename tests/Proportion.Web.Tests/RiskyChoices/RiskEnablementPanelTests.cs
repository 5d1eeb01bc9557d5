using System.Net;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Model;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.RiskyChoices;

/// <summary>
/// Tools for risky choices (R20): the council's risk enablement panel, on the risk review panels' records (R26). The
/// provider refers a person a council funds; a social worker of that council records the decision, with the person's
/// agreement to family and advocates attending and who shares responsibility for the risk, and corrects it; the
/// provider's senior manager, who records risk review panels, does not.
/// </summary>
public abstract class RiskEnablementPanelTests(AppFixture app)
{
    private const string SocialWorker = "socialworker@northshire.example";

    private static Dictionary<string, string> Date(string prefix, DateOnly date) => new()
    {
        [$"{prefix}.Day"] = date.Day.ToString(), [$"{prefix}.Month"] = date.Month.ToString(), [$"{prefix}.Year"] = date.Year.ToString(),
    };

    private static Dictionary<string, string> Referral(string kind) => new()
    {
        ["Input.Kind"] = kind, ["Input.Subject"] = "", ["Input.Reason"] = "Disagreement",
        ["Input.Question"] = "Should Sam go to the football on his own on Saturdays?",
        ["Input.Evidence"] = "Sam wants to go with his friends; his mum worries about the crowds.",
    };

    private async Task<Dictionary<string, string>> DecisionAsync(int version)
    {
        var today = UkTime.Today(app.Clock);
        var manager = await app.IdOfUserAsync("manager@oakfield.example");
        return new Dictionary<string, string>
        {
            ["Input.Version"] = version.ToString(),
            ["Input.Members[0].Name"] = "Tom Bradley", ["Input.Members[0].Discipline"] = "Social worker, Northshire Council (chair)",
            ["Input.Members[1].Name"] = "Helen Price", ["Input.Members[1].Discipline"] = "Senior manager, Oakfield Care",
            ["Input.PersonsView"] = "Sam said \"football, friends, me\" with his symbol board.",
            ["Input.Outcome"] = "SupportedWithChanges",
            ["Input.Decision"] = "Sam goes with two friends, and texts at half time.",
            ["Input.Reasons"] = "Being with his friends matters to him; texting at half time keeps the risk small.",
            ["Input.Actions[0].What"] = "Practise the route to the ground with Sam", ["Input.Actions[0].AssignedToId"] = manager.ToString(),
        }
        .Concat(Date("Input.MeetingOn", today)).Concat(Date("Input.ReviewOn", today.AddMonths(3))).Concat(Date("Input.Actions[0].DueOn", today.AddDays(14)))
        .ToDictionary();
    }

    private static IEnumerable<KeyValuePair<string, string>> With(Dictionary<string, string> fields, params (string Name, string Value)[] more) =>
        fields.Select(f => f).Concat(more.Select(m => new KeyValuePair<string, string>(m.Name, m.Value)));

    [SkippableFact]
    public async Task TheCouncilsPanel_IsDecidedByASocialWorkerOfTheFundingCouncil_WithThePersonsAgreementAndWhoSharesTheRisk()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var sam = await app.IdOfPersonAsync("Adeyemi");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        var form = await manager.GetAsync($"/people/{sam}/panels/new");
        Assert.Contains("Northshire Council's risk enablement panel", form.Document.QuerySelector("#Input_Kind")!.ParentElement!.ParentElement!.TextContent);
        var referred = await manager.PostAsync($"/people/{sam}/panels/new", Referral("RiskEnablement"));
        Assert.Equal(HttpStatusCode.Redirect, referred.Status);
        var page = referred.Location!;
        var referral = Guid.Parse(page.Split('/').Last());
        Assert.Equal(PanelKind.RiskEnablement, await app.WithDatabaseAsync(db => db.PanelReferrals.Where(r => r.Id == referral).Select(r => r.Kind).SingleAsync()));

        // The provider's senior manager reads it but does not record the council's decision.
        using var senior = await app.NewClient().SignInAsync("senior@oakfield.example");
        var asSenior = await senior.GetAsync(page);
        Assert.Contains("Risk enablement panel referral", asSenior.Body);
        Assert.Contains("Northshire Council's risk enablement panel", asSenior.Document.QuerySelector("[data-panel-kind]")!.TextContent);
        Assert.Contains("Waiting for Northshire Council's risk enablement panel", asSenior.Document.Body!.TextContent);
        Assert.Null(asSenior.Document.QuerySelector($"a[href='{page}/decision']"));
        Assert.Equal(page, (await senior.GetAsync($"{page}/decision")).Location);
        Assert.Contains("/access-denied", (await senior.GetAsync($"{page}/council-decision")).Location);
        Assert.DoesNotContain("Should Sam go to the football", (await senior.GetAsync("/tasks")).Body);

        using var socialWorker = await app.NewClient().SignInAsync(SocialWorker);
        Assert.Contains("Record the risk enablement panel&#x27;s decision", (await socialWorker.GetAsync("/tasks")).Body);
        var decide = $"{page}/council-decision";
        Assert.NotNull((await socialWorker.GetAsync(page)).Document.QuerySelector($"a.govuk-button[href='{decide}']"));
        var decision = await socialWorker.GetAsync(decide);
        Assert.Equal(HttpStatusCode.OK, decision.Status);
        Assert.NotNull(decision.Document.QuerySelector("[name='Input.OthersAttendance']"));
        Assert.NotNull(decision.Document.QuerySelector("[name='Input.SharedResponsibility']"));
        var version = int.Parse(decision.ValueOf("Input.Version")!);

        // Family and an advocate attended, with nothing said of the person's agreement, and nobody named to share the risk.
        var complete = await DecisionAsync(version);
        var refused = await socialWorker.PostAsync(decide, With(complete, ("Input.Attended", "person"), ("Input.Attended", "family"), ("Input.Attended", "advocate")));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(refused.ErrorSummary, e => e.StartsWith("Say whether the person agreed to family and an advocate attending: they attend only with the person's agreement"));
        Assert.Contains(refused.ErrorSummary, e => e.StartsWith("Enter who shares responsibility for the risk, with their names and roles"));
        Assert.Equal("Tom Bradley", refused.ValueOf("Input.Members[0].Name"));

        var notAgreed = await socialWorker.PostAsync(decide, With(complete, ("Input.Attended", "family"), ("Input.OthersAttendance", "PersonDidNotAgree"),
            ("Input.SharedResponsibility", "Sam; Daniel Okafor (service manager)")));
        Assert.Contains(notAgreed.ErrorSummary, e => e.StartsWith("The person did not agree to family attending"));
        Assert.Equal(PanelStatus.Referred, await app.WithDatabaseAsync(db => db.PanelReferrals.Where(r => r.Id == referral).Select(r => r.Status).SingleAsync()));

        var saved = await socialWorker.PostAsync(decide, With(complete, ("Input.Attended", "person"), ("Input.Attended", "family"),
            ("Input.OthersAttendance", "PersonAgreed"), ("Input.AttendanceNote", "Sam asked for his mum to come."),
            ("Input.SharedResponsibility", "Sam; Grace Adeyemi (mum); Daniel Okafor (service manager); Tom Bradley (social worker)")));
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(page, saved.Location);
        var view = await socialWorker.GetAsync(page);
        Assert.Contains("The person agreed to them attending: Sam asked for his mum to come.", view.Document.QuerySelector("[data-attendance]")!.TextContent);
        Assert.Contains("Grace Adeyemi (mum)", view.Document.QuerySelector("[data-shared-responsibility]")!.TextContent);
        var socialWorkerId = await app.IdOfUserAsync(SocialWorker);
        Assert.Equal(socialWorkerId, await app.WithDatabaseAsync(db => db.PanelReferrals.Where(r => r.Id == referral).Select(r => r.DecidedById).SingleAsync()));
        Assert.True(await app.WithDatabaseAsync(db => db.AuditEvents.AnyAsync(e => e.EntityId == referral && e.Summary.StartsWith("Recorded the risk enablement panel's decision"))));
        // Recorded once: the form now leads back to the decision.
        Assert.Equal(page, (await socialWorker.GetAsync(decide)).Location);

        // The social worker corrects it beside the original; the senior manager cannot.
        var amend = $"{page}/council-amend";
        var amendForm = await socialWorker.GetAsync(amend);
        Assert.Contains(amendForm.Document.QuerySelectorAll("select[name='Input.Part'] option"), o => o.GetAttribute("value") == "SharedResponsibility");
        var corrected = await socialWorker.PostAsync(amend, new()
        {
            ["Input.Part"] = "SharedResponsibility", ["Input.Corrected"] = "Sam; Grace Adeyemi (mum); Femi Adeyemi (brother); Daniel Okafor; Tom Bradley",
            ["Input.Reason"] = "Femi offered to go with him and share the risk.",
        });
        Assert.Equal(page, corrected.Location);
        Assert.Contains("Femi offered to go with him", (await socialWorker.GetAsync(page)).Body);
        Assert.Equal(page, (await senior.GetAsync($"{page}/amend")).Location);
        Assert.Contains("/access-denied", (await senior.GetAsync(amend)).Location);
    }

    [SkippableFact]
    public async Task ThePanel_IsOnlyForAPersonACouncilFunds_AndOnlyItsSocialWorkerDecides()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var stan = await app.IdOfPersonAsync("Patel");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        // Stan is not funded by a council: the choice is not offered, and a referral to it is refused.
        var form = await manager.GetAsync($"/people/{stan}/panels/new");
        Assert.Null(form.Document.QuerySelector("input[type='radio'][name='Input.Kind']"));
        var refused = await manager.PostAsync($"/people/{stan}/panels/new", Referral("RiskEnablement"));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(refused.ErrorSummary, e => e.StartsWith("A risk enablement panel is the funding council's, and this person is not funded by a council"));
        Assert.False(await app.WithDatabaseAsync(db => db.PanelReferrals.AnyAsync(r => r.PersonId == stan)));

        // The demo's referral for Sam: the commissioner reads it but records nothing; another provider's manager cannot see it.
        var sam = await app.IdOfPersonAsync("Adeyemi");
        var referral = await app.WithDatabaseAsync(db => db.PanelReferrals.Where(r => r.PersonId == sam && r.Kind == PanelKind.RiskEnablement)
            .OrderBy(r => r.ReferredAt).Select(r => r.Id).FirstAsync());
        using var commissioner = await app.NewClient().SignInAsync("commissioner@northshire.example");
        var asCommissioner = await commissioner.GetAsync($"/people/{sam}/panels/{referral}");
        Assert.Equal(HttpStatusCode.OK, asCommissioner.Status);
        Assert.Contains("prepaid card", asCommissioner.Body);
        Assert.Contains("/access-denied", (await commissioner.GetAsync($"/people/{sam}/panels/{referral}/council-decision")).Location);
        using var riverside = await app.NewClient().SignInAsync("manager@riverside.example");
        Assert.Equal(HttpStatusCode.NotFound, (await riverside.GetAsync($"/people/{sam}/panels/{referral}")).Status);
        // The person's page lists it with its kind.
        var person = await manager.GetAsync($"/people/{sam}");
        Assert.Contains(person.Document.QuerySelectorAll("[data-panel-kind]"), k => k.TextContent.Contains("the council's risk enablement panel"));
        // Senior managers see it among the organisation's open referrals, marked as the council's.
        using var senior = await app.NewClient().SignInAsync("senior@oakfield.example");
        Assert.Contains("The council's risk enablement panel", (await senior.GetAsync("/organisation/panels")).Document.Body!.TextContent);
    }
}

public sealed class RiskEnablementPanelOnSqlite(SqliteApp app) : RiskEnablementPanelTests(app), IClassFixture<SqliteApp>;

public sealed class RiskEnablementPanelOnPostgres(PostgresApp app) : RiskEnablementPanelTests(app), IClassFixture<PostgresApp>;
