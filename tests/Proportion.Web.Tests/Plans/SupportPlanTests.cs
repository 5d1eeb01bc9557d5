using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.Support;
using Proportion.Core.Rules;
using Proportion.Core.Scoping;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Plans;

/// <summary>
/// Personalised support plans end to end (R20): the question journey, agreeing refused naming each gap, a
/// suitable person only with a recorded lack of capacity, the risk matrix drawn, reviews by outcomes with the
/// next one timed to risk, and reviews due in My tasks.
/// </summary>
public abstract class SupportPlanTests(AppFixture app)
{
    private const string Manager = "manager@oakfield.example";

    private DateOnly Today => UkTime.Today(app.Clock);

    private static Dictionary<string, string> Date(string prefix, DateOnly date) => new()
    {
        [$"{prefix}.Day"] = date.Day.ToString(), [$"{prefix}.Month"] = date.Month.ToString(), [$"{prefix}.Year"] = date.Year.ToString(),
    };

    /// <summary>Gets the form (for its plan version), posts the answers, and returns where it went.</summary>
    private static async Task<string?> AnswerAsync(AppClient client, string url, IEnumerable<KeyValuePair<string, string>> answers)
    {
        var form = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var fields = answers.ToList();
        fields.Add(new("PlanVersion", form.ValueOf("PlanVersion")!));
        if (form.ValueOf("From") is { Length: > 0 } from)
        {
            fields.Add(new("From", from));
        }
        var posted = await client.PostAsync(url, fields);
        Assert.True(posted.Status == HttpStatusCode.Redirect, $"{url} answered {(int)posted.Status}: {string.Join("; ", posted.ErrorSummary)}");
        return posted.Location;
    }

    private async Task<(Guid Plan, string Base)> StartAsync(AppClient client, Guid person)
    {
        var started = await client.PostAsync($"/people/{person}/support-plan/new", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, started.Status);
        var plan = await app.WithDatabaseAsync(db => db.Plans.Where(p => p.PersonId == person && p.Kind == PlanKind.SupportPlan && p.Status != PlanStatus.Closed)
            .Select(p => p.Id).SingleAsync());
        var baseUrl = $"/people/{person}/support-plan/{plan}";
        Assert.Equal($"{baseUrl}/edit/outcomes", started.Location);
        return (plan, baseUrl);
    }

    /// <summary>Writes a draft's content directly, as the question pages would have saved it.</summary>
    private Task SetDraftAsync(Guid planId, SupportPlanContent content) => app.WithDatabaseAsync(async db =>
    {
        var plan = await db.Plans.SingleAsync(p => p.Id == planId);
        var version = await db.PlanVersions.SingleAsync(v => v.PlanId == planId && v.Number == plan.LatestVersion);
        version.Content = PlanContents.ToJson(content);
        await db.SaveChangesAsync();
    });

    /// <summary>Agrees the draft through the plan records as the Oakfield manager (the shared Agree page calls the same).</summary>
    private async Task AgreeAsync(Guid planId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProportionDbContext>();
        db.Scope = UserScope.System with { UserId = await app.IdOfUserAsync(Manager) };
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == planId);
        await scope.ServiceProvider.GetRequiredService<PlanRecords>().AgreeAsync(planId, plan.Version, Today.AddMonths(3));
    }

    private static readonly PersonalAssistant Checked = new()
    {
        Name = "Ali Rahman", HelpsWith = "shopping", DbsCheckedOn = new(2026, 1, 5), ReferencesCheckedOn = new(2026, 1, 6),
        RightToWorkCheckedOn = new(2026, 1, 6), InsuranceUntil = new(2030, 1, 1), ContractSignedOn = new(2026, 1, 7),
        TrainedOn = new(2026, 1, 8), Training = "First aid",
    };

    [SkippableFact]
    public async Task Journey_EveryQuestion_RefusedWhileHighRiskHasNoPlan_ThenAgreed_AndReviewedByOutcomes()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var chloe = await app.IdOfPersonAsync("Harrison");
        using var manager = await app.NewClient().SignInAsync(Manager);
        var (planId, url) = await StartAsync(manager, chloe);

        Assert.Equal($"{url}/edit/outcome", await AnswerAsync(manager, $"{url}/edit/outcomes", [new("AddAnother", "true")]));
        Assert.Equal($"{url}/edit/outcomes", await AnswerAsync(manager, $"{url}/edit/outcome",
            [new("Input.InTheirWords", "Live on my own one day"), new("Input.Support", "Cooking lessons with my PA on Mondays")]));
        Assert.Equal($"{url}/edit/capacity", await AnswerAsync(manager, $"{url}/edit/outcomes", [new("AddAnother", "false")]));
        Assert.Equal($"{url}/edit/budget", await AnswerAsync(manager, $"{url}/edit/capacity", [new("Input.CapacityToManageBudget", nameof(BudgetCapacity.HasCapacity))]));
        // A mix: a direct payment and an individual service fund, so who holds it and each share are asked.
        Assert.Equal($"{url}/edit/holders", await AnswerAsync(manager, $"{url}/edit/budget",
            [new("Input.Budget", nameof(BudgetManagement.DirectPayment)), new("Input.Budget", nameof(BudgetManagement.IndividualServiceFund))]));
        Assert.Equal($"{url}/edit/assistants", await AnswerAsync(manager, $"{url}/edit/holders",
            [new("Input.ServiceFundProvider", "Oakfield Care"), new("Input.Shares[0]", "£90 a week"), new("Input.Shares[1]", "£300 a week")]));
        Assert.Equal($"{url}/edit/assistant", await AnswerAsync(manager, $"{url}/edit/assistants", [new("AddAnother", "true")]));
        Assert.Equal($"{url}/edit/assistants", await AnswerAsync(manager, $"{url}/edit/assistant",
        [
            new("Input.Name", "Ali Rahman"), new("Input.HelpsWith", "cooking and shopping"),
            .. Date("Input.DbsCheckedOn", Today.AddDays(-30)), .. Date("Input.ReferencesCheckedOn", Today.AddDays(-28)),
            .. Date("Input.RightToWorkCheckedOn", Today.AddDays(-28)), .. Date("Input.InsuranceUntil", Today.AddMonths(11)),
            .. Date("Input.ContractSignedOn", Today.AddDays(-20)), .. Date("Input.TrainedOn", Today.AddDays(-14)), new("Input.Training", "Food hygiene"),
        ]));
        Assert.Equal($"{url}/edit/matrix", await AnswerAsync(manager, $"{url}/edit/assistants", [new("AddAnother", "false")]));
        Assert.Equal($"{url}/edit/isolation", await AnswerAsync(manager, $"{url}/edit/matrix",
            [new("Input.SupportNeeded", nameof(SupportLevel.High)), new("Input.SupportInPlace", nameof(SupportLevel.Low))]));
        Assert.Equal($"{url}/edit", await AnswerAsync(manager, $"{url}/edit/isolation", [new("Input.IsIsolated", "true"), new("Input.WhoIsAround", "Her brother Mark, monthly")]));

        var check = await manager.GetAsync($"{url}/edit");
        Assert.Contains("Live on my own one day", check.Body);
        Assert.Contains("An individual service fund held by a provider: Oakfield Care (£300 a week)", check.Document.Body!.TextContent);
        Assert.Contains("Chloe Harrison is here", check.Body);
        Assert.Contains("The risk matrix shows a high risk: record the plan for it", check.Body);

        // Agreeing on the shared page is refused naming the gap, with the review suggested sooner and why.
        var agree = await manager.GetAsync($"/people/{chloe}/plans/{planId}/agree");
        Assert.Contains("sooner than usual, because they are isolated and the risk matrix shows a high risk", agree.Body);
        Assert.Equal(Today.AddMonths(3).Day.ToString(), agree.ValueOf("Input.ReviewDate.Day"));
        var refused = await manager.PostAsync($"/people/{chloe}/plans/{planId}/agree",
            new(Date("Input.ReviewDate", Today.AddMonths(3))) { ["PlanVersion"] = agree.ValueOf("PlanVersion")! });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(refused.ErrorSummary, e => e.Contains("The risk matrix shows a high risk"));

        Assert.Equal($"{url}/edit", await AnswerAsync(manager, $"{url}/edit/matrix?from=check",
        [
            new("Input.SupportNeeded", nameof(SupportLevel.High)), new("Input.SupportInPlace", nameof(SupportLevel.Low)),
            new("Input.RiskPlan", "A prepaid card from next month; Mark checks the balance with Chloe each week"),
        ]));
        agree = await manager.GetAsync($"/people/{chloe}/plans/{planId}/agree");
        var agreed = await manager.PostAsync($"/people/{chloe}/plans/{planId}/agree",
            new(Date("Input.ReviewDate", Today.AddMonths(3))) { ["PlanVersion"] = agree.ValueOf("PlanVersion")! });
        Assert.Equal(url, agreed.Location);
        Assert.Equal(PlanStatus.InPlace, await app.WithDatabaseAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.Status).SingleAsync()));

        // Every link to review a plan leads a support plan to its outcome-focused review.
        Assert.Equal($"{url}/review", (await manager.GetAsync($"/people/{chloe}/plans/{planId}/review")).Location);
        var outcomeId = await app.WithDatabaseAsync(async db => PlanContents.FromJson<SupportPlanContent>(
            await db.PlanVersions.Where(v => v.PlanId == planId && v.Number == 1).Select(v => v.Content).SingleAsync()).Outcomes[0].Id);
        var review = await manager.GetAsync($"{url}/review");
        Assert.Contains("Is \"Live on my own one day\" met?", review.Document.Body!.TextContent);
        Assert.Equal(Today.AddMonths(3).Month.ToString(), review.ValueOf("Input.NextReviewDate.Month"));
        var version = review.ValueOf("PlanVersion")!;

        var empty = await manager.PostAsync($"{url}/review", new() { ["PlanVersion"] = version, ["Input.Outcomes[0].OutcomeId"] = outcomeId.ToString() });
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        foreach (var gap in new[] { "Enter what is working for the person", "Say whether \"Live on my own one day\" is met", "Say whether the resources, support or controls need to change", "Select the outcome of the review" })
        {
            Assert.Contains(empty.ErrorSummary, e => e.Contains(gap));
        }

        List<KeyValuePair<string, string>> Answers(string outcome) =>
        [
            new("PlanVersion", version), new("Input.WhatIsWorking", "Chloe cooks twice a week now"), new("Input.WhatIsNotWorking", "Ali's hours are too few"),
            new("Input.Outcomes[0].OutcomeId", outcomeId.ToString()), new("Input.Outcomes[0].Met", nameof(OutcomesMet.Partly)),
            new("Input.Changes", nameof(SupportChanges.Support)), new("Input.WhatChanges", "Two more hours with Ali on Thursdays"),
            new("Input.Outcome", outcome), .. Date("Input.NextReviewDate", Today.AddMonths(3)),
        ];
        var kept = await manager.PostAsync($"{url}/review", Answers(nameof(PlanReviewOutcome.Keep)));
        Assert.Equal(HttpStatusCode.OK, kept.Status);
        Assert.Contains(kept.ErrorSummary, e => e.Contains("choose to change the plan"));
        Assert.Equal(0, await app.WithDatabaseAsync(db => db.PlanReviews.CountAsync(r => r.PlanId == planId)));

        var changed = await manager.PostAsync($"{url}/review", Answers(nameof(PlanReviewOutcome.Change)));
        Assert.Equal($"{url}/edit", changed.Location);
        var saved = await app.WithDatabaseAsync(db => db.SupportPlanReviews.SingleAsync(r => r.PlanId == planId));
        Assert.Equal(SupportChanges.Support, saved.Changes);
        Assert.Equal(OutcomesMet.Partly, Assert.Single(saved.Outcomes).Met);
        var planReview = await app.WithDatabaseAsync(db => db.PlanReviews.SingleAsync(r => r.PlanId == planId));
        Assert.Equal(planReview.Id, saved.PlanReviewId);
        Assert.Equal(PlanReviewOutcome.Change, planReview.Outcome);
        Assert.Contains("\"Live on my own one day\": partly met", planReview.Notes);
        Assert.Equal(2, await app.WithDatabaseAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.LatestVersion).SingleAsync()));
        Assert.True(await app.WithDatabaseAsync(db => db.AuditEvents.AnyAsync(e => e.EntityType == nameof(SupportPlanReview) && e.EntityId == saved.Id)));

        var view = await manager.GetAsync(url);
        Assert.Contains("Outcome reviews", view.Body);
        Assert.Contains("Ali's hours are too few", view.Document.Body!.TextContent);
        Assert.Contains("Partly met", view.Body);
    }

    [SkippableFact]
    public async Task Agree_IsRefused_NamingEachGap_AndTheGapsAreShownOnThePlan()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var liam = await app.IdOfPersonAsync("O'Connor");
        using var manager = await app.NewClient().SignInAsync(Manager);
        var (planId, url) = await StartAsync(manager, liam);

        var empty = await Assert.ThrowsAsync<RuleViolationException>(() => AgreeAsync(planId));
        Assert.Contains("Record at least one outcome the person wants, in their words", empty.Message);
        Assert.Contains("Say how the personal budget is managed", empty.Message);
        Assert.Contains("Say whether the person is isolated", empty.Message);

        await SetDraftAsync(planId, new SupportPlanContent
        {
            Outcomes = [new SupportOutcome { InTheirWords = "Meet other Deaf people" }],
            CapacityToManageBudget = BudgetCapacity.HasCapacity,
            Budget = [new BudgetPart { How = BudgetManagement.SuitablePerson }],
            SuitablePersonName = "Tom O'Connor", SuitablePersonRelationship = "father",
            Assistants = [new PersonalAssistant { Name = "Rosa Grey", DbsCheckedOn = Today.AddDays(-5) }],
            SupportNeeded = SupportLevel.Low, SupportInPlace = SupportLevel.Low, IsIsolated = false,
        });
        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => AgreeAsync(planId));
        Assert.Contains("The outcome \"Meet other Deaf people\" has no support", refused.Message);
        Assert.Contains("A suitable person manages a direct payment only for someone who lacks capacity to request it (Care Act s.32)", refused.Message);
        Assert.Contains("Record the employer's checks for the personal assistant Rosa Grey: references, right to work, employer's liability insurance, contract and training", refused.Message);
        Assert.Equal(PlanStatus.Draft, await app.WithDatabaseAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.Status).SingleAsync()));

        var view = await manager.GetAsync(url);
        Assert.Contains("Before the draft can be agreed", view.Body);
        Assert.Contains("Rosa Grey", view.Body);
        var agree = await manager.GetAsync($"/people/{liam}/plans/{planId}/agree");
        Assert.Contains("href=\"#section-CapacityToManageBudget\"", agree.Body);
        Assert.NotNull(agree.Document.QuerySelector("#section-CapacityToManageBudget .govuk-error-message"));
    }

    [SkippableFact]
    public async Task ASuitablePerson_ForSomeoneAssessedAsLackingCapacity_IsAgreed_AndReviewedSooner()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var ravi = await app.IdOfPersonAsync("Sharma");
        using var manager = await app.NewClient().SignInAsync(Manager);
        var (planId, url) = await StartAsync(manager, ravi);
        await SetDraftAsync(planId, new SupportPlanContent
        {
            Outcomes = [new SupportOutcome { InTheirWords = "Go to the temple with my family", Support = "My PA drives me on Sundays" }],
            CapacityToManageBudget = BudgetCapacity.LacksCapacity, CapacityAssessedBy = "Tom Bradley, social worker",
            CapacityAssessedOn = Today.AddDays(-20), CapacityEvidence = "Ravi could not retain what the payment is for after three sessions with pictures",
            Budget = [new BudgetPart { How = BudgetManagement.SuitablePerson }],
            SuitablePersonName = "Anita Sharma", SuitablePersonRelationship = "sister, court-appointed deputy",
            Assistants = [Checked],
            SupportNeeded = SupportLevel.High, SupportInPlace = SupportLevel.High, IsIsolated = false,
        });

        var agree = await manager.GetAsync($"/people/{ravi}/plans/{planId}/agree");
        Assert.Contains("sooner than usual, because they lack capacity to manage a direct payment", agree.Body);
        await AgreeAsync(planId);

        var view = await manager.GetAsync(url);
        Assert.Contains("A direct payment to a suitable person, because the person lacks capacity to request it: Anita Sharma (sister, court-appointed deputy)", view.Body);
        Assert.Contains("Medium risk", view.Body);
    }

    [SkippableFact]
    public async Task SamsDemoPlan_IsOnHisPlansTab_ReadByCareWorkers_WithItsMatrixAndEasyRead_AndStartingAnotherOpensIt()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var sam = await app.IdOfPersonAsync("Adeyemi");
        var planId = await app.WithDatabaseAsync(db => db.Plans.Where(p => p.PersonId == sam && p.Kind == PlanKind.SupportPlan).Select(p => p.Id).SingleAsync());
        using var careWorker = await app.NewClient().SignInAsync("careworker@oakfield.example");

        var plans = await careWorker.GetAsync($"/people/{sam}/plans");
        Assert.Contains("Support plan", plans.Body);
        Assert.Contains($"/people/{sam}/support-plan/{planId}", plans.Body);
        var view = await careWorker.GetAsync($"/people/{sam}/support-plan/{planId}");
        Assert.Equal(HttpStatusCode.OK, view.Status);
        Assert.Contains("A direct payment held by the person", view.Body);
        Assert.Contains("Jo Lane", view.Body);
        Assert.Contains("Sam Adeyemi is here", view.Body);
        Assert.DoesNotContain("Review this plan", view.Body);
        var easyRead = await careWorker.GetAsync($"/people/{sam}/plans/{planId}/versions/1/easy-read");
        Assert.Equal("application/pdf", easyRead.ContentType);

        using var manager = await app.NewClient().SignInAsync(Manager);
        Assert.Equal($"/people/{sam}/support-plan/{planId}", (await manager.GetAsync($"/people/{sam}/support-plan/new")).Location);
        Assert.DoesNotContain($"/people/{sam}/support-plan/new", (await manager.GetAsync($"/people/{sam}/plans")).Body);
        // A plan of another kind is not found on these pages.
        var other = await app.WithDatabaseAsync(db => db.Plans.Where(p => p.PersonId == sam && p.Kind == PlanKind.PositiveRisk).Select(p => p.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/people/{sam}/support-plan/{other}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/people/{sam}/support-plan/{other}/review")).Status);
    }

    [SkippableFact]
    public async Task AReviewDue_IsInTheManagersTasks_AndLeadsToTheOutcomeReview()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var sam = await app.IdOfPersonAsync("Adeyemi");
        var planId = await app.WithDatabaseAsync(db => db.Plans.Where(p => p.PersonId == sam && p.Kind == PlanKind.SupportPlan).Select(p => p.Id).SingleAsync());
        var before = await app.WithDatabaseAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.ReviewDate).SingleAsync());
        await app.WithDatabaseAsync(db => db.Plans.Where(p => p.Id == planId).ExecuteUpdateAsync(s => s.SetProperty(p => p.ReviewDate, Today.AddDays(5))));
        try
        {
            using var manager = await app.NewClient().SignInAsync(Manager);
            var tasks = await manager.GetAsync("/tasks");
            var link = tasks.Document.QuerySelectorAll("a").Single(a => a.TextContent.Contains("Review the support plan: Sam Adeyemi's support plan"));
            var opened = await manager.GetAsync(link.GetAttribute("href")!);
            Assert.Equal($"/people/{sam}/support-plan/{planId}/review", opened.Location);
        }
        finally
        {
            await app.WithDatabaseAsync(db => db.Plans.Where(p => p.Id == planId).ExecuteUpdateAsync(s => s.SetProperty(p => p.ReviewDate, before)));
        }
    }
}

public sealed class SupportPlanOnSqlite(SqliteApp app) : SupportPlanTests(app), IClassFixture<SqliteApp>;

public sealed class SupportPlanOnPostgres(PostgresApp app) : SupportPlanTests(app), IClassFixture<PostgresApp>;
