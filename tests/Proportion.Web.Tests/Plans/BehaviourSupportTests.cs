using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.BehaviourSupport;
using Proportion.Core.Plans.Profiles;
using Proportion.Core.Scoping;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Plans;

/// <summary>
/// R25: a positive behaviour support plan written part by part, refused while its reactive strategies use a
/// practice not in place, flagged for review when incidents say it is not working, and read by staff on the
/// guidelines page after the person's profile, each agreed version confirmed once.
/// </summary>
public abstract class BehaviourSupportTests(AppFixture app)
{
    private const string Manager = "manager@oakfield.example";

    [SkippableFact]
    public async Task Journey_WritesEachPart_KeepingWhatWasTypedOnAnError_ThenAgrees()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var sam = await app.IdOfPersonAsync("Adeyemi");
        var hold = await PracticeAsync("Two-person standing hold");
        var internet = await PracticeAsync("Internet access limited");
        using var manager = await app.NewClient().SignInAsync(Manager);

        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/people/{sam}/behaviour-support/new")).Status);
        var started = await manager.PostAsync($"/people/{sam}/behaviour-support/new", new() { ["Input.Title"] = "Supporting Sam when he is overwhelmed" });
        Assert.Equal(HttpStatusCode.Redirect, started.Status);
        var edit = started.Location!;
        Assert.EndsWith("/edit", edit);
        var view = edit[..^"/edit".Length];
        Assert.Equal(HttpStatusCode.Redirect, (await manager.GetAsync($"/people/{sam}/behaviour-support/new")).Status);

        var tooLong = await manager.PostAsync(edit, new()
        {
            ["PlanVersion"] = await VersionAsync(manager, edit), ["Input.Title"] = "Supporting Sam when he is overwhelmed",
            ["Input.WhatTheBehaviourCommunicates"] = new string('x', 4001),
        });
        Assert.Equal(HttpStatusCode.OK, tooLong.Status);
        Assert.Contains("must be 4,000 characters or fewer", tooLong.FieldError("Input_WhatTheBehaviourCommunicates"));
        Assert.Equal(new string('x', 4001), tooLong.ValueOf("Input.WhatTheBehaviourCommunicates"));
        Assert.Equal("Supporting Sam when he is overwhelmed", tooLong.ValueOf("Input.Title"));

        var next = await Step(manager, edit, new() { ["Input.Title"] = "Supporting Sam when he is overwhelmed", ["Input.WhatTheBehaviourCommunicates"] = "Sam hits his head when the noise is too much." });
        Assert.EndsWith("/edit/prevention", next);
        next = await Step(manager, next, new()
        {
            ["Input.PreventionEnvironment"] = "Ear defenders and a quiet room.", ["Input.PreventionActivity"] = "Swimming twice a week.",
            ["Input.PreventionSkills"] = "Makaton sign for 'break'.",
        });
        next = await Step(manager, next, new() { ["Input.EarlyWarningResponses"] = "Offer the sensory box when he rocks." });
        Assert.EndsWith("/edit/reactive", next);
        var reactive = await manager.GetAsync(next);
        Assert.Contains("Two-person standing hold", reactive.Body);
        Assert.Contains("Internet access limited", reactive.Body);
        Assert.DoesNotContain("Bed rails", reactive.Body);
        next = await Step(manager, next, new()
        {
            ["Input.ReactiveStrategies"] = "The agreed standing hold, for the shortest time.", ["Input.ReactivePracticeIds"] = hold.ToString(),
        });
        next = await Step(manager, next, new() { ["Input.SupportAfterAnIncident"] = "Quiet time and a debrief for staff." });
        Assert.EndsWith("/edit/incidents", next);
        var incident = await app.WithDatabaseAsync(db => db.Incidents.Where(i => i.PersonId == sam).Select(i => i.Id).FirstAsync());
        var done = await Step(manager, next, new() { ["Input.IncidentIds"] = incident.ToString() });
        Assert.Equal(view, done);

        var page = await manager.GetAsync(view);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector("#plan-gaps"));
        Assert.Contains("Sam hits his head when the noise is too much.", page.Body);
        Assert.Contains("Two-person standing hold", page.Body);
        Assert.Contains($"/incidents/{incident}", page.Body);
        var planId = Guid.Parse(view.Split('/').Last());
        var saved = await app.WithDatabaseAsync(async db => PlanContents.FromJson<BehaviourSupportContent>(
            (await db.PlanVersions.SingleAsync(v => v.PlanId == planId)).Content));
        Assert.Equal([hold], saved.ReactivePracticeIds);
        Assert.DoesNotContain(internet, saved.ReactivePracticeIds);

        await AsAsync(Manager, (plans, plan) => plans.AgreeAsync(planId, plan(planId).Version, UkToday().AddMonths(3)));
        Assert.Equal(PlanStatus.InPlace, await app.WithDatabaseAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.Status).SingleAsync()));
        Assert.Contains("Version 1: what staff follow", (await manager.GetAsync(view)).Body);
    }

    [SkippableFact]
    public async Task Agreeing_IsRefused_NamingAChosenPracticeThatIsNotInPlace()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var peggy = await app.IdOfPersonAsync("Hughes");
        var door = await PracticeAsync("Front door has a key-code lock; the code is not shared with Peggy");
        var bedRails = await app.WithDatabaseAsync(db => db.Practices.Where(p => p.PersonId == peggy && p.Description == "Bed rails raised at night").Select(p => p.Id).SingleAsync());
        var planId = await StartAsync(peggy, Complete([door, bedRails]));
        using var manager = await app.NewClient().SignInAsync(Manager);

        var page = await manager.GetAsync($"/people/{peggy}/behaviour-support/{planId}");
        Assert.Contains("\"Bed rails raised at night\" is proposed, not agreed", page.Document.QuerySelector("#plan-gaps")!.TextContent);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() =>
            AsAsync(Manager, (plans, plan) => plans.AgreeAsync(planId, plan(planId).Version, UkToday().AddMonths(3))));
        Assert.Contains(refused.Errors, e => e.Value.Contains("\"Bed rails raised at night\" is proposed"));
        Assert.Equal(PlanStatus.Draft, await app.WithDatabaseAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.Status).SingleAsync()));

        // Without the proposed practice it is agreed: the door lock is in place.
        await AsAsync(Manager, (plans, plan) => plans.SaveDraftAsync(planId, plan(planId).Version, "Peggy's plan", Complete([door])));
        await AsAsync(Manager, (plans, plan) => plans.AgreeAsync(planId, plan(planId).Version, UkToday().AddMonths(3)));
        Assert.Equal(PlanStatus.InPlace, await app.WithDatabaseAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.Status).SingleAsync()));
    }

    [SkippableFact]
    public async Task ThePlanInPlace_NeedsReview_AfterThreeIncidentsWithin28Days_OrAnEmergency()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var chloe = await app.IdOfPersonAsync("Harrison");
        var monitor = await PracticeAsync("Audio monitor in bedroom");
        var planId = await StartAsync(chloe, Complete([monitor]));
        await AsAsync(Manager, (plans, plan) => plans.AgreeAsync(planId, plan(planId).Version, UkToday().AddMonths(3)));
        using var manager = await app.NewClient().SignInAsync(Manager);
        var view = $"/people/{chloe}/behaviour-support/{planId}";
        Assert.Null((await manager.GetAsync(view)).Document.QuerySelector("#review-now"));

        // Two days on (signed in again: a session lapses).
        using (app.Clock.MoveOn(TimeSpan.FromDays(2)))
        {
            using var later = await app.NewClient().SignInAsync(Manager);
            await AddIncidentAsync(chloe, monitor, 1);
            await AddIncidentAsync(chloe, monitor, 10);
            Assert.Null((await later.GetAsync(view)).Document.QuerySelector("#review-now"));
            await AddIncidentAsync(chloe, monitor, 20);

            var page = await later.GetAsync(view);
            var warning = page.Document.QuerySelector("#review-now")!.TextContent;
            Assert.Contains("3 or more incidents within 28 days", warning);
            Assert.DoesNotContain("emergency use", warning);
            Assert.Contains($"/people/{chloe}/plans/{planId}/review", page.Document.QuerySelector("#review-now")!.InnerHtml);
            var tasks = await later.GetAsync("/tasks");
            Assert.Contains("Review the behaviour support plan: incidents say it may not be working", tasks.Body);
            Assert.Contains($"/people/{chloe}/plans/{planId}/review", tasks.Body);

            await AddIncidentAsync(chloe, null, 30);
            Assert.Contains("emergency use", (await later.GetAsync(view)).Document.QuerySelector("#review-now")!.TextContent);
        }
    }

    [SkippableFact]
    public async Task Guidelines_StartFromTheProfile_ThenThePlan_AndEachVersionIsConfirmedOnce()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var joyce = await app.IdOfPersonAsync("Turner");
        var profileId = await StartAsync(joyce, new ProfileContent
        {
            WhatMattersToMe = "Her garden and her son Kevin's visits.", StrengthsAndSkills = "A wonderful memory for songs.",
            WhatTriggersDistress = "Being hurried in the late afternoon.", EarlyWarningSigns = "Pacing by the front door.",
            WhatHelpsMeFeelSafe = "A walk with someone she knows.", HowICommunicate = "Speech; short sentences.",
            TraumaHistory = "A restricted account of her history.", HowThisWasWritten = "With Joyce and Kevin.",
        });
        await AsAsync(Manager, (plans, plan) => plans.AgreeAsync(profileId, plan(profileId).Version, UkToday().AddMonths(6)));
        var planId = await StartAsync(joyce, Complete([]) with { NoRestrictivePractice = true, EarlyWarningResponses = "Walk with Joyce to the garden." });
        await AsAsync(Manager, (plans, plan) => plans.AgreeAsync(planId, plan(planId).Version, UkToday().AddMonths(3)));
        using var careWorker = await app.NewClient().SignInAsync("careworker@oakfield.example");

        var page = await careWorker.GetAsync("/guidelines");
        var text = page.Document.Body!.TextContent;
        Assert.Contains("Her garden and her son Kevin's visits.", text);
        Assert.Contains("Pacing by the front door.", text);
        Assert.DoesNotContain("A restricted account of her history.", text);
        Assert.Contains("Walk with Joyce to the garden.", text);
        Assert.True(text.IndexOf("Her garden", StringComparison.Ordinal) < text.IndexOf("Walk with Joyce", StringComparison.Ordinal));
        Assert.NotNull(page.Document.QuerySelector($"input[name=planId][value='{planId}']"));
        Assert.Contains(TaskRows(await careWorker.GetAsync("/tasks")), r => r.Contains("Read and confirm the behaviour support plan") && r.Contains("Joyce"));

        var confirmed = await careWorker.PostAsync("/guidelines?handler=Plan", new() { ["planId"] = planId.ToString() });
        var again = await careWorker.PostAsync("/guidelines?handler=Plan", new() { ["planId"] = planId.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        var careWorkerId = await app.IdOfUserAsync("careworker@oakfield.example");
        Assert.Equal(1, await app.WithDatabaseAsync(db => db.PlanReadings.CountAsync(r => r.PlanId == planId && r.UserId == careWorkerId)));
        Assert.Null((await careWorker.GetAsync("/guidelines")).Document.QuerySelector($"input[name=planId][value='{planId}']"));
        Assert.DoesNotContain(TaskRows(await careWorker.GetAsync("/tasks")), r => r.Contains("Read and confirm the behaviour support plan") && r.Contains("Joyce"));

        // A new agreed version asks to be read again.
        await AsAsync(Manager, (plans, plan) => plans.ReviseAsync(planId, plan(planId).Version, "Joyce now enjoys the singing group"));
        await AsAsync(Manager, (plans, plan) => plans.SaveDraftAsync(planId, plan(planId).Version, "Joyce's plan",
            Complete([]) with { NoRestrictivePractice = true, PreventionActivity = "The singing group on Tuesdays." }));
        await AsAsync(Manager, (plans, plan) => plans.AgreeAsync(planId, plan(planId).Version, UkToday().AddMonths(3)));
        var changed = await careWorker.GetAsync("/guidelines");
        Assert.Contains("The singing group on Tuesdays.", changed.Body);
        Assert.NotNull(changed.Document.QuerySelector($"input[name=planId][value='{planId}']"));
        await careWorker.PostAsync("/guidelines?handler=Plan", new() { ["planId"] = planId.ToString() });
        Assert.Equal(2, await app.WithDatabaseAsync(db => db.PlanReadings.CountAsync(r => r.PlanId == planId && r.UserId == careWorkerId)));
    }

    private static BehaviourSupportContent Complete(List<Guid> practices) => new()
    {
        WhatTheBehaviourCommunicates = "Looking for home.", PreventionEnvironment = "A calm lounge.", PreventionActivity = "Gardening.",
        PreventionSkills = "Using the call bell.", EarlyWarningResponses = "Sit with her.", ReactiveStrategies = "Follow the agreed guidelines.",
        ReactivePracticeIds = practices, SupportAfterAnIncident = "Tea and time together.",
    };

    private DateOnly UkToday() => UkTime.Today(app.Clock);

    private Task<Guid> PracticeAsync(string startsWith) =>
        app.WithDatabaseAsync(db => db.Practices.Where(p => p.Description.StartsWith(startsWith)).Select(p => p.Id).SingleAsync());

    private async Task<Guid> StartAsync(Guid personId, IPlanContent content)
    {
        var id = Guid.Empty;
        await AsAsync(Manager, async (plans, _) => id = (await plans.StartAsync(personId, "A plan", content)).Id);
        return id;
    }

    /// <summary>Runs a write through the app's own plan service as the user, as the shared plan pages do.</summary>
    private async Task AsAsync(string email, Func<PlanRecords, Func<Guid, Plan>, Task> work)
    {
        var userId = await app.IdOfUserAsync(email);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProportionDbContext>();
        db.Scope = await scope.ServiceProvider.GetRequiredService<UserScopeFactory>().BuildAsync(userId);
        var plans = scope.ServiceProvider.GetRequiredService<PlanRecords>();
        await work(plans, id => db.Plans.AsNoTracking().Single(p => p.Id == id));
    }

    private Task AddIncidentAsync(Guid personId, Guid? practiceId, int minutesFromNow) => app.WithDatabaseAsync(async db =>
    {
        var person = await db.People.SingleAsync(p => p.Id == personId);
        var at = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-minutesFromNow);
        var recorder = await app.IdOfUserAsync(Manager);
        db.Incidents.Add(new Incident
        {
            OrganisationId = person.OrganisationId, ServiceId = person.ServiceId, PersonId = personId, OccurredAt = at, Location = "Bedroom",
            Kind = practiceId is null ? IncidentKind.Emergency : IncidentKind.Planned, PracticeId = practiceId, WithinAgreedGuidelines = practiceId is null ? null : true,
            Reason = InterventionReason.PreventAccidentalInjury, Antecedents = "A seizure at night.", DeEscalation = "Staff stayed with her.",
            HowUsed = "As agreed.", Outcome = "Settled.", SubmissionKey = Guid.CreateVersion7(), RecordedById = recorder, RecordedAt = at,
        });
        await db.SaveChangesAsync();
    });

    private static List<string> TaskRows(AppClient.Page page) =>
        [.. page.Document.QuerySelectorAll("tr, li, .govuk-summary-card, .govuk-task-list__item").Select(e => e.TextContent)];

    private static async Task<string> VersionAsync(AppClient client, string path) =>
        (await client.GetAsync(path)).ValueOf("PlanVersion")!;

    /// <summary>Posts one part with the version the form was shown with, and returns where it went next.</summary>
    private static async Task<string> Step(AppClient client, string path, Dictionary<string, string> fields)
    {
        fields["PlanVersion"] = await VersionAsync(client, path);
        var page = await client.PostAsync(path, fields);
        Assert.True(page.Status == HttpStatusCode.Redirect, $"{path}: {string.Join("; ", page.ErrorSummary)}");
        return page.Location!;
    }
}

public sealed class BehaviourSupportOnSqlite(SqliteApp app) : BehaviourSupportTests(app), IClassFixture<SqliteApp>;

public sealed class BehaviourSupportOnPostgres(PostgresApp app) : BehaviourSupportTests(app), IClassFixture<PostgresApp>;
