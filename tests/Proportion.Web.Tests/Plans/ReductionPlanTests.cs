using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.Reduction;
using Proportion.Core.Scoping;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Plans;

/// <summary>
/// Restriction reduction plans end to end (R19): started from a practice and from a review's reduce outcome,
/// refused without the assessments, agreed, and a step taken that ends or narrows the practice and is counted.
/// </summary>
public abstract class ReductionPlanTests(AppFixture app)
{
    private const string Manager = "manager@oakfield.example";

    private async Task<(Guid Person, Guid Practice)> PracticeAsync(string description) =>
        await app.WithDatabaseAsync(async db =>
        {
            var p = await db.Practices.Where(p => p.Description == description).Select(p => new { p.PersonId, p.Id }).SingleAsync();
            return (p.PersonId, p.Id);
        });

    private static Dictionary<string, string> Date(string prefix, DateOnly date) => new()
    {
        [$"{prefix}.Day"] = date.Day.ToString(), [$"{prefix}.Month"] = date.Month.ToString(), [$"{prefix}.Year"] = date.Year.ToString(),
    };

    private static async Task<AppClient.Page> SaveAsync(AppClient client, string url, Dictionary<string, string> answers)
    {
        var form = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        answers["PlanVersion"] = form.ValueOf("PlanVersion")!;
        return await client.PostAsync(url, answers);
    }

    /// <summary>Agrees the draft as the manager, through the foundation's write (the shared Agree page calls the same).</summary>
    private async Task AgreeAsync(Guid planId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Proportion.Core.Data.ProportionDbContext>();
        var manager = await db.Users.AsNoTracking().Where(u => u.Email == Manager).Select(u => u.Id).SingleAsync();
        db.Scope = UserScope.System with { UserId = manager };
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == planId);
        await scope.ServiceProvider.GetRequiredService<PlanRecords>().AgreeAsync(planId, plan.Version, Proportion.Core.Model.UkTime.Today(app.Clock).AddMonths(3));
    }

    /// <summary>Starts a plan from the practice page's button and writes every part but the assessments; returns the plan's id and page.</summary>
    private async Task<(Guid PlanId, string PlanUrl)> WriteDraftAsync(AppClient manager, Guid person, Guid practice, Dictionary<string, string> step)
    {
        var details = await manager.GetAsync($"/people/{person}/practices/{practice}");
        var start = details.Document.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Plan to reduce this restriction").GetAttribute("href")!;
        Assert.Equal($"/people/{person}/practices/{practice}/reduction/new", start);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(start)).Status);
        var started = await manager.PostAsync(start, []);
        Assert.Equal(HttpStatusCode.Redirect, started.Status);
        var edit = started.Location!;
        var planId = await app.WithDatabaseAsync(db => db.Plans.Where(p => p.PracticeId == practice && p.Kind == PlanKind.Reduction).Select(p => p.Id).SingleAsync());
        var planUrl = $"/people/{person}/reduction/{planId}";
        Assert.Equal($"{planUrl}/edit", edit);
        var restriction = await manager.GetAsync(edit);
        Assert.Contains("Front door has a key-code lock", restriction.ValueOf("Input.OriginalRestriction"));

        Assert.Equal($"{planUrl}/edit/steps", (await SaveAsync(manager, edit, new()
        {
            ["Input.OriginalRestriction"] = restriction.ValueOf("Input.OriginalRestriction")!, ["Input.RationaleForChange"] = "No attempts to leave for four months; Joyce walks the garden alone",
        })).Location);
        Assert.Equal($"{planUrl}/edit/steps", (await SaveAsync(manager, $"{planUrl}/edit/step", step)).Location);
        var steps = await manager.GetAsync($"{planUrl}/edit/steps");
        Assert.Contains("Step 1: ", steps.Body);
        Assert.Equal($"{planUrl}/edit/safeguards", (await SaveAsync(manager, $"{planUrl}/edit/steps", [])).Location);
        Assert.Equal($"{planUrl}/edit/assessments", (await SaveAsync(manager, $"{planUrl}/edit/safeguards", new()
        {
            ["Input.Safeguards"] = "Door chime; staff check the garden every half hour", ["Input.ReviewArrangements"] = "Every two weeks with Joyce and her son",
            ["Input.CoProduction"] = "Planned with Joyce in her room, and with her son Kevin by phone",
        })).Location);
        return (planId, planUrl);
    }

    private Dictionary<string, string> EndStep() => new(Date("Input.PlannedOn", UkTime.Today(app.Clock)))
    {
        ["Input.Description"] = "The front door is left unlocked in the day", ["Input.SuccessCriteria"] = "Four weeks with no unsafe exits",
        ["Input.Change"] = nameof(StepChange.EndPractice),
    };

    [SkippableFact]
    public async Task FromAPractice_RefusedWithoutTheAssessments_Agreed_AndAStepEndsThePractice_CountingOneReduction()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var manager = await app.NewClient().SignInAsync(Manager);
        var (person, practice) = await PracticeAsync("Front door has a key-code lock; the code is not shared with Joyce");
        var (planId, planUrl) = await WriteDraftAsync(manager, person, practice, EndStep());

        var draft = await manager.GetAsync(planUrl);
        Assert.Contains("The plan cannot be agreed without an assessment of proportionality", draft.Body);
        Assert.Contains("The plan cannot be agreed without an assessment of ongoing safeguarding", draft.Body);
        var refused = await Assert.ThrowsAsync<Proportion.Core.Data.RuleViolationException>(() => AgreeAsync(planId));
        Assert.Equal(["ProportionalityAssessment", "SafeguardingAssessment"], refused.Errors.Select(e => e.Key).Order());

        Assert.Equal(planUrl, (await SaveAsync(manager, $"{planUrl}/edit/assessments", new()
        {
            ["Input.ProportionalityAssessment"] = "The risk is now low and an unlocked door is what Joyce wants", ["Input.SafeguardingAssessment"] = "Door chime and checks keep her safe",
        })).Location);
        // The shared plan status lists nothing still missing before agreeing.
        Assert.Null((await manager.GetAsync(planUrl)).Document.QuerySelector("#plan-gaps"));
        await AgreeAsync(planId);

        var agreed = await manager.GetAsync(planUrl);
        var stageId = await app.WithDatabaseAsync(async db => PlanContents.FromJson<ReductionContent>(
            (await db.PlanVersions.SingleAsync(v => v.PlanId == planId && v.Number == 1)).Content).Stages.Single().Id);
        var takeUrl = $"{planUrl}/steps/{stageId}";
        Assert.Contains(takeUrl, agreed.Body);
        var form = await manager.GetAsync(takeUrl);
        var taken = await manager.PostAsync(takeUrl, new(Date("Input.TakenOn", UkTime.Today(app.Clock)))
        {
            ["Input.PlanVersion"] = form.ValueOf("Input.PlanVersion")!, ["Input.Result"] = nameof(StageResult.Achieved), ["Input.Notes"] = "Four settled weeks; Joyce goes to the garden when she likes",
        });
        Assert.Equal($"{takeUrl}/documents", taken.Location);

        var ended = await app.WithDatabaseAsync(db => db.Practices.SingleAsync(p => p.Id == practice));
        Assert.Equal(PracticeStatus.Ended, ended.Status);
        Assert.StartsWith("Ended by step 1 of the restriction reduction plan", ended.EndReason);
        var reduction = await app.WithDatabaseAsync(db => db.PracticeReductions.SingleAsync(r => r.PracticeId == practice));
        Assert.Equal(ReductionKind.Ended, reduction.Kind);
        Assert.True(await app.WithDatabaseAsync(db => db.AuditEvents.AnyAsync(a => a.EntityId == practice && a.Summary.StartsWith("Ended practice"))));

        var documents = await manager.GetAsync($"{takeUrl}/documents");
        Assert.Equal(HttpStatusCode.OK, documents.Status);
        var rows = documents.Document.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("The register") && r.Contains("Reflects the change"));
        Assert.Contains(rows, r => r.Contains("care plan") && r.Contains("Needs changing"));
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync($"{takeUrl}/documents?handler=Confirm", [])).Status);
        Assert.Contains((await manager.GetAsync($"{takeUrl}/documents")).Document.QuerySelectorAll("tbody tr").Select(r => r.TextContent),
            r => r.Contains("care plan") && r.Contains("Reflects the change"));

        // Taking the same step again records how it went, and is not counted twice.
        var again = await manager.GetAsync(planUrl);
        Assert.DoesNotContain(takeUrl + "\"", again.Body);
        Assert.Equal(1, await app.WithDatabaseAsync(db => db.PracticeReductions.CountAsync(r => r.PlanId == planId)));
    }

    [SkippableFact]
    public async Task ANarrowingStep_ChangesWhatStaffRead_AndAsksThemToConfirmAgain()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var manager = await app.NewClient().SignInAsync(Manager);
        var (person, practice) = await PracticeAsync("Front door has a key-code lock; the code is not shared with Peggy");
        using var careWorker = await app.NewClient().SignInAsync("careworker@oakfield.example");
        var before = await careWorker.GetAsync("/guidelines");
        Assert.Contains("The front door stays locked with the key code at all times", before.Body);
        var decision = await app.WithDatabaseAsync(db => db.Decisions.Where(d => d.PracticeId == practice && d.Status == DecisionStatus.Agreed).OrderByDescending(d => d.Number).Select(d => d.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await careWorker.PostAsync("/guidelines", new() { ["decisionId"] = decision.ToString() })).Status);

        var step = new Dictionary<string, string>(Date("Input.PlannedOn", UkTime.Today(app.Clock)))
        {
            ["Input.Description"] = "Door unlocked from 10am to 4pm", ["Input.SuccessCriteria"] = "Four weeks with no unsafe exits",
            ["Input.Change"] = nameof(StepChange.ReduceHours), ["Input.NewDescription"] = "Front door has a key-code lock from 4pm to 10am",
            ["Input.NewWhenMayBeUsed"] = "Locked only from 4pm to 10am; open in the day with staff in the hall",
        };
        var (planId, planUrl) = await WriteDraftAsync(manager, person, practice, step);
        Assert.Equal(planUrl, (await SaveAsync(manager, $"{planUrl}/edit/assessments", new()
        {
            ["Input.ProportionalityAssessment"] = "Proportionate", ["Input.SafeguardingAssessment"] = "Staff in the hall",
        })).Location);
        await AgreeAsync(planId);
        var stageId = await app.WithDatabaseAsync(async db => PlanContents.FromJson<ReductionContent>(
            (await db.PlanVersions.SingleAsync(v => v.PlanId == planId && v.Number == 1)).Content).Stages.Single().Id);
        var takeUrl = $"{planUrl}/steps/{stageId}";
        var form = await manager.GetAsync(takeUrl);
        Assert.Equal($"{takeUrl}/documents", (await manager.PostAsync(takeUrl, new(Date("Input.TakenOn", UkTime.Today(app.Clock)))
        {
            ["Input.PlanVersion"] = form.ValueOf("Input.PlanVersion")!, ["Input.Result"] = nameof(StageResult.Achieved), ["Input.Notes"] = "Settled",
        })).Location);

        var practiceNow = await app.WithDatabaseAsync(db => db.Practices.SingleAsync(p => p.Id == practice));
        Assert.Equal("Front door has a key-code lock from 4pm to 10am", practiceNow.Description);
        Assert.Equal(PracticeStatus.Agreed, practiceNow.Status);
        Assert.Equal(ReductionKind.HoursReduced, (await app.WithDatabaseAsync(db => db.PracticeReductions.SingleAsync(r => r.PlanId == planId))).Kind);
        var after = await careWorker.GetAsync("/guidelines");
        var card = after.Document.QuerySelectorAll(".govuk-summary-card").Single(c => c.TextContent.Contains("Front door has a key-code lock from 4pm to 10am"));
        Assert.Contains("Locked only from 4pm to 10am", card.TextContent);
        Assert.Contains("New or changed", card.TextContent);
        var documents = await manager.GetAsync($"{takeUrl}/documents");
        Assert.Contains(documents.Document.QuerySelectorAll("tbody tr").Select(r => r.TextContent), r => r.Contains("guidelines") && r.Contains("Reflects the change"));
    }

    [SkippableFact]
    public async Task AReviewsReduceOutcome_StartsADraftPlan_WithTheReviewsReasons_AndTheReviewLinksToIt()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var manager = await app.NewClient().SignInAsync(Manager);
        var (person, practice) = await PracticeAsync("One-to-one support when walking outside the home");
        var url = $"/people/{person}/practices/{practice}/review";
        var today = UkTime.Today(app.Clock);
        async Task Step(string slug, string next, Dictionary<string, string> answers)
        {
            var form = await manager.GetAsync($"{url}/{slug}");
            answers["ReviewVersion"] = form.ValueOf("ReviewVersion")!;
            Assert.Equal($"{url}/{next}", (await manager.PostAsync($"{url}/{slug}", answers)).Location);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync(url, [])).Status);
        await Step("need", "views", new(Date("Input.HeldOn", today))
        {
            ["Input.RiskContinues"] = "false", ["Input.RiskContinuesEvidence"] = "Not lost for four months",
            ["Input.MeasuresEffective"] = "true", ["Input.MeasuresEffectiveEvidence"] = "Walks are safe",
            ["Input.StillLeastRestrictive"] = "false", ["Input.StillLeastRestrictiveEvidence"] = "Could walk the first stretch alone",
            ["Input.QualityOfLifeImpact"] = "Wants to walk alone",
        });
        await Step("views", "safeguards", new()
        {
            ["Input.PersonView"] = "Wants to go alone", ["Input.ViewGatheredBy"] = nameof(CommunicationMethods.Speech),
            ["Input.PersonTookPart"] = "true", ["Input.PersonParticipation"] = "At the meeting", ["Input.FamilyAndAdvocates"] = "Her son", ["Input.OtherAgencies"] = "None",
        });
        await Step("safeguards", "outcome", new()
        {
            ["Input.Justifiable"] = "true", ["Input.JustifiableEvidence"] = "For now", ["Input.PotentialDeprivationOfLiberty"] = "false",
            ["Input.DeprivationOfLibertyEvidence"] = "Free to go out", ["Input.BalanceJustifiable"] = "true", ["Input.BalanceEvidence"] = "Yes",
            ["Input.SafeguardsAdequate"] = "true", ["Input.SafeguardsEvidence"] = "Yes",
        });
        await Step("outcome", "check", new(Date("Input.NextReviewDate", today.AddMonths(3)))
        {
            ["Input.ReductionConsidered"] = "true", ["Input.ReductionDetail"] = "Walking the first street alone, then further",
            ["Input.Outcome"] = nameof(ReviewOutcome.Reduce), ["Input.OutcomeReasons"] = "Joyce knows the way to the shop now", ["Input.CarePlanUpdated"] = "true",
        });
        var check = await manager.GetAsync($"{url}/check");
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync($"{url}/check?handler=Signature", new(Date("Signature.SignedOn", today))
        {
            ["ReviewVersion"] = check.ValueOf("ReviewVersion")!, ["Signature.Name"] = "Kevin Turner", ["Signature.SignedAs"] = "Son",
            ["Signature.Method"] = nameof(SignatureMethod.InPerson),
        })).Status);
        var ready = await manager.GetAsync($"{url}/check");
        var completed = await manager.PostAsync($"{url}/check?handler=Complete", new() { ["ReviewVersion"] = ready.ValueOf("ReviewVersion")! });

        var plan = await app.WithDatabaseAsync(db => db.Plans.SingleAsync(p => p.PracticeId == practice && p.Kind == PlanKind.Reduction));
        Assert.Equal($"/people/{person}/reduction/{plan.Id}", completed.Location);
        Assert.Equal(PlanStatus.Draft, plan.Status);
        var content = await app.WithDatabaseAsync(async db => PlanContents.FromJson<ReductionContent>((await db.PlanVersions.SingleAsync(v => v.PlanId == plan.Id)).Content));
        Assert.StartsWith("One-to-one support when walking outside the home", content.OriginalRestriction);
        Assert.Contains("Joyce knows the way to the shop now", content.RationaleForChange);
        var review = await app.WithDatabaseAsync(db => db.Reviews.SingleAsync(r => r.PracticeId == practice));
        Assert.Equal(plan.Id, review.ReductionPlanId);
        Assert.Null(review.FollowUpDecisionId);
        Assert.Equal(PracticeStatus.Agreed, await app.WithDatabaseAsync(db => db.Practices.Where(p => p.Id == practice).Select(p => p.Status).SingleAsync()));
        Assert.Contains($"/people/{person}/reduction/{plan.Id}", (await manager.GetAsync($"/people/{person}/practices/{practice}/reviews/1")).Body);
        // One open plan per practice: the start page goes to it.
        Assert.Equal($"/people/{person}/reduction/{plan.Id}", (await manager.GetAsync($"/people/{person}/practices/{practice}/reduction/new")).Location);
    }

    [SkippableFact]
    public async Task CareWorkers_CannotStartOne()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var (person, practice) = await PracticeAsync("Money held by staff; Sam has £20 a day to spend");
        using var careWorker = await app.NewClient().SignInAsync("careworker@oakfield.example");
        Assert.Contains("/access-denied", (await careWorker.GetAsync($"/people/{person}/practices/{practice}/reduction/new")).Location);
        Assert.DoesNotContain("Plan to reduce this restriction", (await careWorker.GetAsync($"/people/{person}/practices/{practice}")).Body);
    }
}

public sealed class ReductionPlanTestsOnSqlite(SqliteApp app) : ReductionPlanTests(app), IClassFixture<SqliteApp>;

public sealed class ReductionPlanTestsOnPostgres(PostgresApp app) : ReductionPlanTests(app), IClassFixture<PostgresApp>;
