using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proportion.Core.Model;
using Proportion.Core.Rules;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Decisions;

/// <summary>
/// Agreements can be declined (R3, R4, R5, §5.10): a decline with reasons sends the discussion back,
/// blocks agreement until the manager answers it, and stays in the history; the people whose agreement
/// is waited on are told at once, and the commissioner receives the details as a message.
/// </summary>
public abstract class DeclineTests(AppFixture app)
{
    private Task<(Guid Practice, string Url)> DraftLackingCapacityAsync(AppClient manager, string description) =>
        Discussions.DraftLackingCapacityAsync(app, manager, description);

    private static IQueryable<DecisionDecline> DeclinesFor(Proportion.Core.Data.ProportionDbContext db, Guid practice) =>
        db.DecisionDeclines.Where(d => db.Decisions.Any(x => x.Id == d.DecisionId && x.PracticeId == practice));

    private static async Task<string> VersionAsync(AppClient client, string url) => (await client.GetAsync($"{url}/check")).ValueOf("DecisionVersion")!;

    private static async Task<AppClient.Page> PostCheckAsync(AppClient client, string url, string handler, Dictionary<string, string>? fields = null)
    {
        fields ??= [];
        fields["DecisionVersion"] = await VersionAsync(client, url);
        return await client.PostAsync($"{url}/check?handler={handler}", fields);
    }

    [SkippableFact]
    public async Task ADecline_NeedsReasons_SendsTheDiscussionBack_AndBlocksAgreementUntilRevised()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        using var senior = await app.NewClient().SignInAsync("senior@oakfield.example");
        using var socialWorker = await app.NewClient().SignInAsync("socialworker@northshire.example");
        var (practice, url) = await DraftLackingCapacityAsync(manager, "Bed rails for Doris (decline)");

        var noReasons = await PostCheckAsync(senior, url, "Decline", new() { ["role"] = "SeniorManager", ["DeclineReasons"] = "  " });
        Assert.Equal(HttpStatusCode.OK, noReasons.Status);
        Assert.StartsWith("Enter why you do not agree", noReasons.FieldError("DeclineReasons"));
        Assert.Equal(0, await app.WithDatabaseAsync(db => DeclinesFor(db, practice).CountAsync()));

        var declined = await PostCheckAsync(senior, url, "Decline", new() { ["role"] = "SeniorManager", ["DeclineReasons"] = "A low bed and crash mat were never tried" });
        Assert.Equal(HttpStatusCode.Redirect, declined.Status);

        var decline = await app.WithDatabaseAsync(db => DeclinesFor(db, practice).SingleAsync());
        Assert.Equal((SignOffRole.SeniorManager, "Helen Price", "A low bed and crash mat were never tried"), (decline.Role, decline.Name, decline.Reasons));
        Assert.False(decline.IsAnswered);
        Assert.True(await app.WithDatabaseAsync(db => db.AuditEvents.AnyAsync(a => a.EntityId == decline.Id && a.Action == AuditAction.Created)));
        // The discussion's manager is told at once.
        var managerId = await app.IdOfUserAsync("manager@oakfield.example");
        Assert.Single(await app.WithDatabaseAsync(db => db.Notifications.Where(n => n.ReminderKey == $"declined:{decline.Id}").ToListAsync()),
            n => n.UserId == managerId && n.Message.Contains("A low bed and crash mat were never tried"));

        // The decline is prominent on the check page and on the question pages until it is answered.
        var check = await manager.GetAsync($"{url}/check");
        Assert.Contains("Declined by Helen Price (senior manager)", check.Document.QuerySelector("[aria-labelledby='declines-standing-title']")!.TextContent);
        Assert.Contains("Declined by Helen Price", (await manager.GetAsync($"{url}/guidelines")).Body);

        // Nobody agrees, and the practice is not agreed, while it stands.
        Assert.DoesNotContain("Agree as social worker", (await socialWorker.GetAsync($"{url}/check")).Body);
        // Posted all the same (no form is shown for it), it is refused.
        var swRefused = await socialWorker.PostAsync($"{url}/check?handler=Sign&role=SocialWorker", new() { ["DecisionVersion"] = await VersionAsync(manager, url) });
        Assert.Contains(swRefused.ErrorSummary, e => e.Contains("declined to agree as senior manager") && e.Contains("R4"));
        var agreeRefused = await PostCheckAsync(manager, url, "Agree");
        Assert.Contains(agreeRefused.ErrorSummary, e => e.Contains("Helen Price declined to agree as senior manager: A low bed and crash mat were never tried"));
        // The senior manager's own task waits: it is the manager's to answer.
        Assert.Contains("Answer the decline by Helen Price", (await manager.GetAsync("/tasks")).Body);
        Assert.DoesNotContain("Agree or decline as senior manager: Bed rails for Doris (decline)", (await senior.GetAsync("/tasks")).Body);

        // Revising any answer answers the decline; the decline stays in the history.
        var risk = await manager.GetAsync($"{url}/risk");
        var revised = await manager.PostAsync($"{url}/risk", new()
        {
            ["DecisionVersion"] = risk.ValueOf("DecisionVersion")!, ["Input.Risk"] = "Rolled out of bed twice; a low bed and crash mat tried for two weeks",
        });
        Assert.Equal(HttpStatusCode.Redirect, revised.Status);
        var answered = await app.WithDatabaseAsync(db => db.DecisionDeclines.SingleAsync(d => d.Id == decline.Id));
        Assert.True(answered.IsAnswered);
        Assert.Contains("The risk and what has been tried", answered.Answer);
        Assert.Equal("Daniel Okafor", answered.AnsweredByName);
        var after = await manager.GetAsync($"{url}/check");
        Assert.Null(after.Document.QuerySelector("#declines-standing-title"));
        Assert.Contains("A low bed and crash mat were never tried", after.Body);
        Assert.Contains("Answered by Daniel Okafor", after.Body);

        Assert.Equal(HttpStatusCode.Redirect, (await PostCheckAsync(senior, url, "Sign&role=SeniorManager")).Status);
    }

    [SkippableFact]
    public async Task TheManager_CanRecordHowADeclineWasAnswered_WithText()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        using var socialWorker = await app.NewClient().SignInAsync("socialworker@northshire.example");
        var (practice, url) = await DraftLackingCapacityAsync(manager, "Bed rails for Doris (answered)");
        Assert.Equal(HttpStatusCode.Redirect, (await PostCheckAsync(socialWorker, url, "Decline", new() { ["role"] = "SocialWorker", ["DeclineReasons"] = "Her IMCA was not consulted" })).Status);
        var decline = await app.WithDatabaseAsync(db => DeclinesFor(db, practice).SingleAsync());
        Assert.Equal((SignOffRole.SocialWorker, "Tom Bradley"), (decline.Role, decline.Name));

        var empty = await PostCheckAsync(manager, url, "AnswerDecline", new() { ["DeclineAnswer"] = "" });
        Assert.Equal("Enter how the decline was answered", empty.FieldError("DeclineAnswer"));

        var recorded = await PostCheckAsync(manager, url, "AnswerDecline", new() { ["DeclineAnswer"] = "Spoke to the IMCA on 2 December: she supports the rails" });
        Assert.Equal(HttpStatusCode.Redirect, recorded.Status);
        var answered = await app.WithDatabaseAsync(db => db.DecisionDeclines.SingleAsync(d => d.Id == decline.Id));
        Assert.Equal("Spoke to the IMCA on 2 December: she supports the rails", answered.Answer);
        Assert.True(await app.WithDatabaseAsync(db => db.AuditEvents.AnyAsync(a => a.EntityId == decline.Id && a.Action == AuditAction.Updated)));
        Assert.Equal(HttpStatusCode.Redirect, (await PostCheckAsync(socialWorker, url, "Sign&role=SocialWorker")).Status);
    }

    [SkippableFact]
    public async Task AskingForAgreement_TellsTheRightPeopleOnce_AndNobodyElse()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var riversideSenior = await AddUserAsync("Riverside Care Ltd", Roles.SeniorManager, "senior-riverside");
        var otherSocialWorker = await AddUserAsync("Northshire Council", Roles.SocialWorker, "sw-northshire");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        var (practice, url) = await DraftLackingCapacityAsync(manager, "Bed rails for Doris (asked)");

        var asked = await PostCheckAsync(manager, url, "Ask");
        Assert.Equal(HttpStatusCode.Redirect, asked.Status);
        var again = await PostCheckAsync(manager, url, "Ask");
        Assert.Equal(HttpStatusCode.Redirect, again.Status);

        var told = await app.WithDatabaseAsync(db => db.Notifications.Where(n => n.Link.Contains(practice.ToString()) && n.ReminderKey!.StartsWith("agreement:")).ToListAsync());
        var senior = await app.IdOfUserAsync("senior@oakfield.example");
        var tom = await app.IdOfUserAsync("socialworker@northshire.example");
        var seniors = await UsersInRoleAsync("Oakfield Care", Roles.SeniorManager);
        Assert.Contains(senior, seniors);
        // The organisation's senior managers and Doris's allocated social worker, once each; the manager asking is not told.
        Assert.Equal(seniors.Append(tom).Order(), told.Select(n => n.UserId).Order());
        Assert.DoesNotContain(told, n => n.UserId == riversideSenior.Id || n.UserId == otherSocialWorker.Id);
        Assert.All(told, n => Assert.EndsWith($"/practices/{practice}/decision/check", n.Link));
        Assert.Contains("Doris Clarke", told[0].Message);
        Assert.True(await app.WithDatabaseAsync(db => db.AuditEvents.AnyAsync(a => a.Summary.StartsWith("Asked for agreement") && a.PersonId != null && a.Summary.Contains("Helen Price"))));
        using var seniorClient = await app.NewClient().SignInAsync("senior@oakfield.example");
        Assert.Contains("asks for your agreement as senior manager", (await seniorClient.GetAsync("/notifications")).Body);
    }

    [SkippableFact]
    public async Task WithNoSocialWorkerAllocated_TheFundingCouncilsSocialWorkersAreAsked()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        var (practice, url) = await DraftLackingCapacityAsync(manager, "Bed rails for Doris (unallocated)");
        var doris = await app.IdOfPersonAsync("Clarke");
        await app.WithDatabaseAsync(db => db.People.Where(p => p.Id == doris).ExecuteUpdateAsync(s => s.SetProperty(p => p.SocialWorkerId, (Guid?)null)));
        try
        {
            Assert.Equal(HttpStatusCode.Redirect, (await PostCheckAsync(manager, url, "Ask")).Status);
            var councilSocialWorkers = await UsersInRoleAsync("Northshire Council", Roles.SocialWorker);
            var told = await app.WithDatabaseAsync(db => db.Notifications.Where(n => n.Link.Contains(practice.ToString()) && n.ReminderKey!.EndsWith(":SocialWorker")).Select(n => n.UserId).ToListAsync());
            Assert.Equal(councilSocialWorkers.Order(), told.Order());
        }
        finally
        {
            var tom = await app.IdOfUserAsync("socialworker@northshire.example");
            await app.WithDatabaseAsync(db => db.People.Where(p => p.Id == doris).ExecuteUpdateAsync(s => s.SetProperty(p => p.SocialWorkerId, tom)));
        }
    }

    [SkippableFact]
    public async Task RecordingTheCommissionerInformed_SendsThemTheDetails_ToReadInTheApp()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        var (practice, url) = await DraftLackingCapacityAsync(manager, "Bed rails for Doris (commissioner)");

        var recorded = await PostCheckAsync(manager, url, "Commissioner", new() { ["CommissionerNote"] = "Phoned Fiona Walsh at 10am" });
        Assert.Equal(HttpStatusCode.Redirect, recorded.Status);

        var commissioner = await app.IdOfUserAsync("commissioner@northshire.example");
        var message = Assert.Single(await app.WithDatabaseAsync(db => db.Notifications.Where(n => n.ReminderKey!.StartsWith("commissioner:") && n.Link.Contains(practice.ToString())).ToListAsync()));
        Assert.Equal(commissioner, message.UserId);
        var review = UkTime.Format(UkTime.Today(app.Clock).AddMonths(3));
        Assert.Contains("Oakfield Care informs you of a planned restriction for Doris Clarke", message.Message);
        Assert.Contains("lacking capacity to consent", message.Message);
        Assert.Contains($"Review date: {review}", message.Message);
        Assert.Contains("Bed rails for Doris (commissioner)", message.Message);
        // The manager's note of how and when is kept too.
        var decision = await app.WithDatabaseAsync(db => db.Decisions.SingleAsync(d => d.PracticeId == practice));
        Assert.Equal("Phoned Fiona Walsh at 10am", decision.SignOffs.Single(s => s.Role == SignOffRole.CommissionerInformed).Note);

        using var fiona = await app.NewClient().SignInAsync("commissioner@northshire.example");
        var inbox = await fiona.GetAsync("/notifications");
        Assert.Contains("informs you of a planned restriction for Doris Clarke", inbox.Body);
        Assert.Equal(HttpStatusCode.OK, (await fiona.GetAsync(message.Link)).Status);
        using var riverside = await app.NewClient().SignInAsync("manager@riverside.example");
        Assert.DoesNotContain("Doris", (await riverside.GetAsync("/notifications")).Body);
    }

    [SkippableFact]
    public async Task ASeniorManagerInTheService_IsWarnedBeforeTheyAgree()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var inService = await AddUserAsync("Oakfield Care", Roles.SeniorManager, "senior-house", "Oakfield House");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        var (_, url) = await DraftLackingCapacityAsync(manager, "Bed rails for Doris (same service)");

        using var external = await app.NewClient().SignInAsync("senior@oakfield.example");
        Assert.DoesNotContain("You work in this service", (await external.GetAsync($"{url}/check")).Body);
        using var insider = await app.NewClient().SignInAsync(inService.Email, AppFixture.NewUserPassword);
        var check = await insider.GetAsync($"{url}/check");
        var warning = check.Document.QuerySelectorAll(".govuk-warning-text").Select(w => w.TextContent).FirstOrDefault(t => t.Contains("You work in this service"));
        Assert.NotNull(warning);
        // Shown with the button, before anything is signed.
        Assert.True(check.Body.IndexOf("You work in this service") < check.Body.IndexOf("Agree as senior manager"));
    }

    [SkippableFact]
    public async Task TheDisagreementRoute_IsRecorded_AndShownOnTheDecision()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        var (practice, url) = await DraftLackingCapacityAsync(manager, "Bed rails for Doris (route)");
        var today = UkTime.Today(app.Clock);
        var form = await manager.GetAsync($"{url}/disagreement");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Dictionary<string, string> Step(string kind, string who, string outcome, string? senior = null) => new()
        {
            ["DecisionVersion"] = form.ValueOf("DecisionVersion")!, ["Input.Kind"] = kind,
            ["Input.On.Day"] = today.Day.ToString(), ["Input.On.Month"] = today.Month.ToString(), ["Input.On.Year"] = today.Year.ToString(),
            ["Input.Who"] = who, ["Input.Outcome"] = outcome, ["Input.AgreedBySeniorManager"] = senior ?? "",
        };

        var noSenior = await manager.PostAsync($"{url}/disagreement", Step("LegalAdvice", "Hill Dickinson LLP", "Apply to the Court of Protection"));
        Assert.Equal("Enter the senior manager who agreed legal advice was needed (§5.10)", noSenior.FieldError("Input_AgreedBySeniorManager"));
        var mdt = await manager.PostAsync($"{url}/disagreement", Step("MultiDisciplinaryDiscussion", "Falls team, GP, Tom Bradley, IMCA", "Trial a low bed first"));
        Assert.Equal(HttpStatusCode.Redirect, mdt.Status);
        form = await manager.GetAsync($"{url}/disagreement");
        var legal = await manager.PostAsync($"{url}/disagreement", Step("LegalAdvice", "Hill Dickinson LLP", "Apply to the Court of Protection", "Helen Price"));
        Assert.Equal(HttpStatusCode.Redirect, legal.Status);

        var steps = await app.WithDatabaseAsync(db => db.DisagreementSteps.Where(s => db.Decisions.Any(d => d.Id == s.DecisionId && d.PracticeId == practice)).OrderBy(s => s.RecordedAt).ToListAsync());
        Assert.Equal([DisagreementStepKind.MultiDisciplinaryDiscussion, DisagreementStepKind.LegalAdvice], steps.Select(s => s.Kind));
        Assert.Equal("Helen Price", steps[1].AgreedBySeniorManager);
        Assert.All(steps, s => Assert.True(app.WithDatabaseAsync(db => db.AuditEvents.AnyAsync(a => a.EntityId == s.Id)).Result));
        var check = await manager.GetAsync($"{url}/check");
        Assert.Contains("Trial a low bed first", check.Body);
        Assert.Contains("Apply to the Court of Protection", check.Body);
    }

    private Task<List<Guid>> UsersInRoleAsync(string organisation, string role) => app.WithDatabaseAsync(db => (
        from u in db.Users
        join o in db.Organisations on u.OrganisationId equals o.Id
        where o.Name == organisation && u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role))
        orderby u.Id
        select u.Id).ToListAsync());

    private async Task<(Guid Id, string Email)> AddUserAsync(string organisation, string role, string name, string? service = null)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<Proportion.Core.Data.ProportionDbContext>();
        db.Scope = Proportion.Core.Scoping.UserScope.System;
        var organisationId = await db.Organisations.Where(o => o.Name == organisation).Select(o => o.Id).SingleAsync();
        var email = $"{name}-{Guid.NewGuid():N}@example.org";
        var user = new AppUser { DisplayName = "Test " + name, Email = email, UserName = email, OrganisationId = organisationId };
        Assert.True((await users.CreateAsync(user, AppFixture.NewUserPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        if (service is not null)
        {
            db.ServiceAssignments.Add(new ServiceAssignment
            {
                UserId = user.Id, OrganisationId = organisationId, ServiceId = await db.Services.Where(s => s.Name == service).Select(s => s.Id).SingleAsync(),
            });
            await db.SaveChangesAsync();
        }
        return (user.Id, email);
    }
}

public sealed class DeclineOnSqlite(SqliteApp app) : DeclineTests(app), IClassFixture<SqliteApp>;

public sealed class DeclineOnPostgres(PostgresApp app) : DeclineTests(app), IClassFixture<PostgresApp>;
