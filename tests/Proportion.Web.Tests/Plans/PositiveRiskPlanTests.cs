using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.PositiveRisk;
using Proportion.Core.Scoping;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Plans;

/// <summary>Positive risk-taking plans end to end (R19): the question journey, refusals naming each gap and mismatch, agreeing, and stages recorded.</summary>
public abstract class PositiveRiskPlanTests(AppFixture app)
{
    private const string Manager = "manager@oakfield.example";

    private DateOnly Today => UkTime.Today(app.Clock);

    private static Dictionary<string, string> Date(string prefix, DateOnly date) => new()
    {
        [$"{prefix}.Day"] = date.Day.ToString(), [$"{prefix}.Month"] = date.Month.ToString(), [$"{prefix}.Year"] = date.Year.ToString(),
    };

    /// <summary>Gets the form (for its plan version), posts the answers, and returns where it went.</summary>
    private static async Task<string?> AnswerAsync(AppClient client, string url, Dictionary<string, string> answers)
    {
        var form = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        answers["PlanVersion"] = form.ValueOf("PlanVersion")!;
        if (form.ValueOf("From") is { Length: > 0 } from)
        {
            answers["From"] = from;
        }
        var posted = await client.PostAsync(url, answers);
        Assert.True(posted.Status == HttpStatusCode.Redirect, $"{url} answered {(int)posted.Status}: {string.Join("; ", posted.ErrorSummary)}");
        return posted.Location;
    }

    private async Task<(Guid Plan, string Base)> StartAsync(AppClient client, Guid person, ActivityKind activity, string words)
    {
        var started = await client.PostAsync($"/people/{person}/positive-risk/new", new()
        {
            ["Input.Activity"] = activity.ToString(), ["Input.WhatThePersonWantsToDo"] = words,
        });
        Assert.Equal(HttpStatusCode.Redirect, started.Status);
        var plan = await app.WithDatabaseAsync(db => db.Plans.Where(p => p.PersonId == person && p.Title == words).Select(p => p.Id).SingleAsync());
        var baseUrl = $"/people/{person}/positive-risk/{plan}";
        Assert.Equal($"{baseUrl}/edit/about", started.Location);
        return (plan, baseUrl);
    }

    /// <summary>Agrees the draft through the plan records as the Oakfield manager (the shared Agree page calls the same).</summary>
    private async Task AgreeAsync(Guid planId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProportionDbContext>();
        var managerId = await app.IdOfUserAsync(Manager);
        db.Scope = UserScope.System with { UserId = managerId };
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == planId);
        await scope.ServiceProvider.GetRequiredService<PlanRecords>().AgreeAsync(planId, plan.Version, Today.AddMonths(1));
    }

    [SkippableFact]
    public async Task Journey_EveryQuestion_ThenCheck_Agreed_AndAStageRecorded()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var sam = await app.IdOfPersonAsync("Adeyemi");
        using var manager = await app.NewClient().SignInAsync(Manager);
        var (planId, url) = await StartAsync(manager, sam, ActivityKind.Volunteer, "Volunteer at the charity shop on Saturdays");

        Assert.Equal($"{url}/edit/risks", await AnswerAsync(manager, $"{url}/edit/about", new()
        {
            ["Input.Activity"] = nameof(ActivityKind.Volunteer), ["Input.WhatThePersonWantsToDo"] = "Volunteer at the charity shop on Saturdays",
            ["Input.WhyItMatters"] = "Sam wants a job one day and to meet people",
        }));
        Assert.Equal($"{url}/edit/risk", await AnswerAsync(manager, $"{url}/edit/risks", new() { ["AddAnother"] = "true" }));
        Assert.Equal($"{url}/edit/risks", await AnswerAsync(manager, $"{url}/edit/risk", new()
        {
            ["Input.Description"] = "Overwhelmed by a busy shop", ["Input.Safeguards"] = "Starts on quiet mornings; ear defenders; a quiet room out back",
        }));
        Assert.Equal($"{url}/edit/views", await AnswerAsync(manager, $"{url}/edit/risks", new() { ["AddAnother"] = "false" }));
        Assert.Equal($"{url}/edit/escalation", await AnswerAsync(manager, $"{url}/edit/views", new() { ["Input.PersonsViews"] = "Sam chose the shop from photos" }));
        Assert.Equal($"{url}/edit/contingency", await AnswerAsync(manager, $"{url}/edit/escalation", new() { ["Input.EscalationAndCheckIns"] = "The shop manager rings at noon" }));
        Assert.Equal($"{url}/edit/review", await AnswerAsync(manager, $"{url}/edit/contingency", new() { ["Input.Contingency"] = "Staff collect Sam" }));
        Assert.Equal($"{url}/edit/understanding", await AnswerAsync(manager, $"{url}/edit/review", new() { ["Input.ReviewTimescales"] = "Every month" }));
        Assert.Equal($"{url}/edit/stages", await AnswerAsync(manager, $"{url}/edit/understanding", new()
        {
            ["Input.PersonUnderstands"] = "true", ["Input.HowUnderstandingWasConfirmed"] = "Sam showed us with his symbol board",
        }));
        Assert.Equal($"{url}/edit/stage", await AnswerAsync(manager, $"{url}/edit/stages", new() { ["AddAnother"] = "true" }));
        Assert.Equal($"{url}/edit/stages", await AnswerAsync(manager, $"{url}/edit/stage", new(Date("Input.PlannedOn", Today.AddDays(7)))
        {
            ["Input.Description"] = "Two hours with his key worker nearby", ["Input.Support"] = "Key worker in the café next door",
            ["Input.SuccessCriteria"] = "Four Saturdays in a row",
        }));
        Assert.Equal($"{url}/edit", await AnswerAsync(manager, $"{url}/edit/stages", new() { ["AddAnother"] = "false" }));

        var check = await manager.GetAsync($"{url}/edit");
        Assert.Equal(HttpStatusCode.OK, check.Status);
        Assert.Contains("Overwhelmed by a busy shop", check.Body);
        Assert.Contains("Two hours with his key worker nearby", check.Body);
        Assert.DoesNotContain("Still needed before the plan can be agreed", check.Body);
        // Sam has no agreed risk assessment in the demo: a warning, not a refusal.
        Assert.Contains("no agreed risk assessment", check.Body);
        // A change link from the check page comes back to it.
        Assert.Equal($"{url}/edit", await AnswerAsync(manager, $"{url}/edit/contingency?from=check", new() { ["Input.Contingency"] = "Staff collect Sam from the shop" }));

        await AgreeAsync(planId);
        Assert.Equal(PlanStatus.InPlace, await app.WithDatabaseAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.Status).SingleAsync()));
        Assert.Equal(url, (await manager.GetAsync($"{url}/edit/views")).Location);

        var view = await manager.GetAsync(url);
        var record = view.Document.QuerySelectorAll("a").Single(a => a.TextContent.StartsWith("Record how this stage went")).GetAttribute("href")!;
        var form = await manager.GetAsync(record);
        var recorded = await manager.PostAsync(record, new(Date("Input.TakenOn", Today))
        {
            ["PlanVersion"] = form.ValueOf("PlanVersion")!, ["Input.Result"] = nameof(StageResult.PartlyAchieved), ["Input.Notes"] = "Stayed an hour, then asked to go home",
        });
        Assert.Equal(HttpStatusCode.Redirect, recorded.Status);
        view = await manager.GetAsync(url);
        Assert.Contains("Partly achieved", view.Body);
        Assert.Contains("Stayed an hour, then asked to go home", view.Body);
        Assert.Equal(1, await app.WithDatabaseAsync(db => db.StageOutcomes.CountAsync(o => o.PlanId == planId)));

        // A care worker reads the plan but cannot record a stage.
        using var careWorker = await app.NewClient().SignInAsync("careworker@oakfield.example");
        var read = await careWorker.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.DoesNotContain("Record how this stage went", read.Body);
    }

    [SkippableFact]
    public async Task Agree_OfAnEmptyPlan_IsRefused_NamingEachMissingPart()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var sam = await app.IdOfPersonAsync("Adeyemi");
        using var manager = await app.NewClient().SignInAsync(Manager);
        var (planId, url) = await StartAsync(manager, sam, ActivityKind.Cook, "Make my own breakfast");

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => AgreeAsync(planId));
        foreach (var missing in new[]
        {
            "Name the identified risks", "evidence of the person's views", "escalation and check-in arrangements", "contingency plan",
            "review timescales", "Confirm the person understands the arrangements and the risks",
        })
        {
            Assert.Contains(missing, refused.Message);
        }
        var check = await manager.GetAsync($"{url}/edit");
        Assert.Contains("Still needed before the plan can be agreed", check.Body);
        Assert.Contains("Record the contingency plan", check.Body);
        Assert.Equal(PlanStatus.Draft, await app.WithDatabaseAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.Status).SingleAsync()));
    }

    [SkippableFact]
    public async Task TravelAlone_WhileAFrontDoorPracticeIsInPlace_IsRefusedNamingItAndItsGuidance_UntilTheFitIsSaid()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var peggy = await app.IdOfPersonAsync("Hughes");
        using var manager = await app.NewClient().SignInAsync(Manager);
        var (planId, url) = await StartAsync(manager, peggy, ActivityKind.TravelAlone, "Walk to the post office on my own");
        await app.WithDatabaseAsync(async db =>
        {
            var version = await db.PlanVersions.SingleAsync(v => v.PlanId == planId);
            version.Content = PlanContents.ToJson(new PositiveRiskContent
            {
                Activity = ActivityKind.TravelAlone, WhatThePersonWantsToDo = "Walk to the post office on my own",
                PersonsViews = "Peggy asked to post her own letters", EscalationAndCheckIns = "Rings on arrival",
                Contingency = "Staff walk to meet her", ReviewTimescales = "Weekly", PersonUnderstands = false,
                WhyUnderstandingWasNotPossible = "Peggy could not retain the plan on the day",
                HowThePersonWasSupportedToUnderstand = "A picture card of the route; talked through on three mornings",
                BestInterestsDecision = "The manager assessed Peggy for this decision and she cannot weigh up the road; decided in her best interests with her daughter Susan",
                Risks = [new PlanRisk { Description = "Crossing the main road", Safeguards = "Uses the crossing; practised with staff" }],
            });
            await db.SaveChangesAsync();
        });

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => AgreeAsync(planId));
        Assert.Contains("The register: \"Front door has a key-code lock; the code is not shared with Peggy\" is in place and restricts the front door", refused.Message);
        Assert.Contains("Staff guidance: the agreed guidelines for \"Front door has a key-code lock", refused.Message);
        var check = await manager.GetAsync($"{url}/edit");
        Assert.Contains("The register: &quot;Front door has a key-code lock", check.Body);

        var fit = await manager.GetAsync($"{url}/edit/fit");
        var answers = fit.Document.QuerySelectorAll("textarea").ToDictionary(t => t.GetAttribute("name")!, _ => "Staff let Peggy out at 10am for this walk and she rings on arrival");
        Assert.Equal(2, answers.Count);
        answers["PlanVersion"] = fit.ValueOf("PlanVersion")!;
        Assert.Equal($"{url}/edit", (await manager.PostAsync($"{url}/edit/fit", answers)).Location);

        await AgreeAsync(planId);
        var view = await manager.GetAsync(url);
        Assert.Contains("How they fit together: Staff let Peggy out at 10am", view.Body);
    }

    [SkippableFact]
    public async Task APlanOfAnotherKind_IsNotFound_OnThesePages()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var sam = await app.IdOfPersonAsync("Adeyemi");
        var other = await app.WithDatabaseAsync(async db =>
        {
            var person = await db.People.SingleAsync(p => p.Id == sam);
            var managerId = await db.Users.Where(u => u.Email == Manager).Select(u => u.Id).SingleAsync();
            var plan = new Plan
            {
                OrganisationId = person.OrganisationId, ServiceId = person.ServiceId, PersonId = sam, Kind = PlanKind.Reduction,
                Title = "Not a positive risk plan", CreatedById = managerId,
            };
            db.Plans.Add(plan);
            db.PlanVersions.Add(new PlanVersion { OrganisationId = plan.OrganisationId, PlanId = plan.Id, Number = 1, Content = "{}", DraftedById = managerId });
            await db.SaveChangesAsync();
            return plan.Id;
        });
        using var manager = await app.NewClient().SignInAsync(Manager);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/people/{sam}/positive-risk/{other}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/people/{sam}/positive-risk/{other}/edit")).Status);
    }
}

public sealed class PositiveRiskPlanOnSqlite(SqliteApp app) : PositiveRiskPlanTests(app), IClassFixture<SqliteApp>;

public sealed class PositiveRiskPlanOnPostgres(PostgresApp app) : PositiveRiskPlanTests(app), IClassFixture<PostgresApp>;
