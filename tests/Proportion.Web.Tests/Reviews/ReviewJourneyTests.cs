using System.Net;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Model;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Reviews;

/// <summary>Form RP2A end to end: reviews held, refused while incomplete, completed with each outcome, and the deadlines they set (R1, R8, R9, R18).</summary>
public abstract class ReviewJourneyTests(AppFixture app)
{
    private string Today => UkTime.Today(app.Clock).ToString("O");

    private async Task<(Guid Person, Guid Practice, string Base)> PracticeAsync(string description)
    {
        var (person, practice) = await app.WithDatabaseAsync(db => db.Practices.Where(p => p.Description == description)
            .Select(p => new { p.PersonId, p.Id }).SingleAsync().ContinueWith(t => (t.Result.PersonId, t.Result.Id)));
        return (person, practice, $"/people/{person}/practices/{practice}/review");
    }

    private static Dictionary<string, string> Date(string prefix, DateOnly date) => new()
    {
        [$"{prefix}.Day"] = date.Day.ToString(), [$"{prefix}.Month"] = date.Month.ToString(), [$"{prefix}.Year"] = date.Year.ToString(),
    };

    private static async Task<AppClient.Page> SaveStepAsync(AppClient client, string url, Dictionary<string, string> answers)
    {
        var form = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        answers["ReviewVersion"] = form.ValueOf("ReviewVersion")!;
        return await client.PostAsync(url, answers);
    }

    /// <summary>Answers every question of the review, signs it, and returns the answer to "Complete the review".</summary>
    private async Task<AppClient.Page> HoldReviewAsync(AppClient manager, string url, ReviewOutcome outcome, DateOnly? next, bool reductionConsidered = true, DateOnly? heldOn = null)
    {
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var started = await manager.PostAsync(url, []);
        Assert.Equal(HttpStatusCode.Redirect, started.Status);
        Assert.Equal($"{url}/views", (await SaveStepAsync(manager, $"{url}/need", new(Date("Input.HeldOn", heldOn ?? today))
        {
            ["Input.RiskContinues"] = "true", ["Input.RiskContinuesEvidence"] = "Two attempts to leave at night this quarter",
            ["Input.MeasuresEffective"] = "true", ["Input.MeasuresEffectiveEvidence"] = "No falls outside since",
            ["Input.StillLeastRestrictive"] = "true", ["Input.StillLeastRestrictiveEvidence"] = "Walks with staff tried and kept",
            ["Input.QualityOfLifeImpact"] = "Goes out daily with staff; says she feels safe",
        })).Location);
        Assert.Equal($"{url}/safeguards", (await SaveStepAsync(manager, $"{url}/views", new()
        {
            ["Input.PersonView"] = "Says she likes the garden", ["Input.ViewGatheredBy"] = nameof(CommunicationMethods.Speech),
            ["Input.PersonTookPart"] = "true", ["Input.PersonParticipation"] = "Joined the meeting in the lounge",
            ["Input.FamilyAndAdvocates"] = "Her daughter", ["Input.OtherAgencies"] = "Social worker by phone",
        })).Location);
        Assert.Equal($"{url}/outcome", (await SaveStepAsync(manager, $"{url}/safeguards", new()
        {
            ["Input.Justifiable"] = "true", ["Input.JustifiableEvidence"] = "Best interests agreed again",
            ["Input.PotentialDeprivationOfLiberty"] = "true", ["Input.DeprivationOfLibertyEvidence"] = "DoLS authorised",
            ["Input.BalanceJustifiable"] = "true", ["Input.BalanceEvidence"] = "Garden always open",
            ["Input.SafeguardsAdequate"] = "true", ["Input.SafeguardsEvidence"] = "Every use recorded",
        })).Location);
        var outcomeAnswers = new Dictionary<string, string>(next is { } n ? Date("Input.NextReviewDate", n) : [])
        {
            ["Input.ReductionConsidered"] = reductionConsidered ? "true" : "false", ["Input.ReductionDetail"] = "Unlocking in the afternoon was discussed",
            ["Input.Outcome"] = outcome.ToString(), ["Input.OutcomeReasons"] = "Still needed and working", ["Input.CarePlanUpdated"] = "true",
        };
        Assert.Equal($"{url}/check", (await SaveStepAsync(manager, $"{url}/outcome", outcomeAnswers)).Location);
        var check = await manager.GetAsync($"{url}/check");
        var signed = await manager.PostAsync($"{url}/check?handler=Signature", new(Date("Signature.SignedOn", today))
        {
            ["ReviewVersion"] = check.ValueOf("ReviewVersion")!, ["Signature.Name"] = "Joan Hughes", ["Signature.SignedAs"] = "Daughter",
            ["Signature.Method"] = nameof(SignatureMethod.InPerson),
        });
        Assert.Equal(HttpStatusCode.Redirect, signed.Status);
        var ready = await manager.GetAsync($"{url}/check");
        return await manager.PostAsync($"{url}/check?handler=Complete", new() { ["ReviewVersion"] = ready.ValueOf("ReviewVersion")! });
    }

    [SkippableFact]
    public async Task Review_Incomplete_NamesEachGap_ThenContinues_WithTheNextReviewDateSet()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        var (_, practiceId, url) = await PracticeAsync("One-to-one support when walking outside the home");

        var started = await manager.PostAsync(url, []);
        Assert.Equal($"{url}/need", started.Location);
        var check = await manager.GetAsync($"{url}/check");
        var refused = await manager.PostAsync($"{url}/check?handler=Complete", new() { ["ReviewVersion"] = check.ValueOf("ReviewVersion")! });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(refused.ErrorSummary, e => e.StartsWith("Say whether the risk still exists, and the evidence"));
        Assert.Contains(refused.ErrorSummary, e => e.StartsWith("Say whether reducing or ending the practice was considered") && e.Contains("R18"));
        Assert.Contains(refused.ErrorSummary, e => e.StartsWith("Record the signatures of everyone involved in the review"));
        Assert.Equal(PracticeStatus.UnderReview, await app.WithDatabaseAsync(db => db.Practices.Where(p => p.Id == practiceId).Select(p => p.Status).SingleAsync()));

        var next = UkTime.Today(app.Clock).AddMonths(6);
        var completed = await HoldReviewAsync(manager, url, ReviewOutcome.Continue, next);

        Assert.Equal(HttpStatusCode.Redirect, completed.Status);
        var practice = await app.WithDatabaseAsync(db => db.Practices.SingleAsync(p => p.Id == practiceId));
        Assert.Equal(PracticeStatus.Agreed, practice.Status);
        Assert.Equal(next, practice.ReviewDate);
        var view = await manager.GetAsync($"/people/{practice.PersonId}/practices/{practiceId}/reviews/1");
        Assert.Equal(HttpStatusCode.OK, view.Status);
        Assert.Contains("Joined the meeting in the lounge", view.Body);
        Assert.Contains("Joan Hughes (Daughter)", view.Body);
        Assert.Contains("Review 1, held", (await manager.GetAsync($"/people/{practice.PersonId}/practices/{practiceId}")).Body);
        var audited = await app.WithDatabaseAsync(db => db.AuditEvents.CountAsync(a => a.EntityType == nameof(PracticeReview) || (a.EntityId == practiceId && a.Summary.StartsWith("Completed review 1"))));
        Assert.True(audited >= 7, $"expected every write audited, found {audited}");
        // A completed review is never changed.
        var again = await manager.PostAsync($"{url}/need", new() { ["ReviewVersion"] = "99", ["Input.QualityOfLifeImpact"] = "Changed" });
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal(url, again.Location);
    }

    [SkippableFact]
    public async Task NextReviewOverAYearAway_IsRefusedAtTheField_AndTheAnswersAreKept()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        var (_, _, url) = await PracticeAsync("Money held by staff; Sam has £20 a day to spend");
        await manager.PostAsync(url, []);
        var tooLate = UkTime.Today(app.Clock).AddYears(1).AddDays(1);

        var page = await SaveStepAsync(manager, $"{url}/outcome", new(Date("Input.NextReviewDate", tooLate))
        {
            ["Input.Outcome"] = nameof(ReviewOutcome.Continue), ["Input.OutcomeReasons"] = "Kept for now", ["Input.ReductionDetail"] = new string('x', 4001),
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(page.ErrorSummary, e => e.StartsWith("The next review date must be no later than"));
        Assert.Contains("What was considered must be 4,000 characters or fewer", page.ErrorSummary);
        Assert.NotNull(page.FieldError("Input_NextReviewDate"));
        Assert.Equal("Kept for now", page.ValueOf("Input.OutcomeReasons"));
        Assert.Equal(tooLate.Year.ToString(), page.ValueOf("Input.NextReviewDate.Year"));
    }

    [SkippableFact]
    public async Task StaleVersion_IsRefused_NotOverwritten()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        var (_, practiceId, url) = await PracticeAsync("Sensor mat beside the bed at night, alerting night staff when she gets up");
        await manager.PostAsync(url, []);
        var form = await manager.GetAsync($"{url}/views");
        var version = form.ValueOf("ReviewVersion")!;

        var first = await manager.PostAsync($"{url}/views", new() { ["ReviewVersion"] = version, ["Input.PersonView"] = "First" });
        var second = await manager.PostAsync($"{url}/views", new() { ["ReviewVersion"] = version, ["Input.PersonView"] = "Second" });

        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Contains(second.ErrorSummary, e => e.Contains("changed", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("Second", second.ValueOf("Input.PersonView"));
        Assert.Equal("First", await app.WithDatabaseAsync(db => db.Reviews.Where(r => r.PracticeId == practiceId).Select(r => r.PersonView).SingleAsync()));
    }

    [SkippableFact]
    public async Task ChangeOutcome_OpensANewDiscussion_AndAnswersTheEarlyReview()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        var (person, practiceId, url) = await PracticeAsync("Two-person standing hold as a last resort when Sam hits his head against walls");
        Assert.Contains("Review a practice early", (await manager.GetAsync("/tasks")).Body);

        var completed = await HoldReviewAsync(manager, url, ReviewOutcome.Change, UkTime.Today(app.Clock).AddMonths(3));

        Assert.Equal($"/people/{person}/practices/{practiceId}/decision/check", completed.Location);
        var (review, draft) = await app.WithDatabaseAsync(async db => (
            await db.Reviews.SingleAsync(r => r.PracticeId == practiceId),
            await db.Decisions.SingleAsync(d => d.PracticeId == practiceId && d.Status == DecisionStatus.Draft)));
        Assert.StartsWith("incident on", review.BroughtForwardBecause);
        Assert.Equal(draft.Id, review.FollowUpDecisionId);
        Assert.StartsWith("Review 1: change the practice.", draft.ChangeReason);
        Assert.Equal(2, draft.Number);
        Assert.Equal(PracticeStatus.UnderReview, await app.WithDatabaseAsync(db => db.Practices.Where(p => p.Id == practiceId).Select(p => p.Status).SingleAsync()));
        Assert.DoesNotContain("Review a practice early: Two-person standing hold", (await manager.GetAsync("/tasks")).Body);
    }

    [SkippableFact]
    public async Task EndOutcome_EndsThePractice_WithTheReviewsReasons()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        var (_, practiceId, url) = await PracticeAsync("Audio monitor in bedroom at night for seizures");

        var completed = await HoldReviewAsync(manager, url, ReviewOutcome.End, next: null);

        Assert.Equal(HttpStatusCode.Redirect, completed.Status);
        var practice = await app.WithDatabaseAsync(db => db.Practices.SingleAsync(p => p.Id == practiceId));
        Assert.Equal(PracticeStatus.Ended, practice.Status);
        Assert.Equal("Ended at review 1: Still needed and working", practice.EndReason);
    }

    [SkippableFact]
    public async Task ReviewDate_AYearAndADayAfterTheReview_IsOverdue_ForTheManager_AndEscalatedToTheSeniorManager()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        var description = "Front door has a key-code lock; the code is not shared with Doris";
        var (_, _, url) = await PracticeAsync(description);
        var latest = UkTime.Today(app.Clock).AddYears(1);
        Assert.Equal(HttpStatusCode.Redirect, (await HoldReviewAsync(manager, url, ReviewOutcome.Continue, latest)).Status);
        static List<string> Tasks(AppClient.Page page) =>
            [.. page.Document.QuerySelectorAll(".govuk-task-list__item").Select(li => li.TextContent.Trim())];

        var aYear = latest.DayNumber - UkTime.Today(app.Clock).DayNumber;
        using (app.Clock.MoveOn(TimeSpan.FromDays(aYear)))
        {
            // Sign-ins expire with the clock too, so each moment signs in afresh.
            using var managerThen = await app.NewClient().SignInAsync("manager@oakfield.example");
            using var seniorThen = await app.NewClient().SignInAsync("senior@oakfield.example");
            var onTheDay = Tasks(await managerThen.GetAsync("/tasks")).Single(t => t.StartsWith($"Review: {description}"));
            Assert.DoesNotContain("Overdue", onTheDay);
            Assert.DoesNotContain(Tasks(await seniorThen.GetAsync("/tasks")), t => t.Contains($"Review: {description}"));
        }
        using (app.Clock.MoveOn(TimeSpan.FromDays(aYear + 1)))
        {
            using var managerThen = await app.NewClient().SignInAsync("manager@oakfield.example");
            using var seniorThen = await app.NewClient().SignInAsync("senior@oakfield.example");
            Assert.Contains("Overdue", Tasks(await managerThen.GetAsync("/tasks")).Single(t => t.StartsWith($"Review: {description}")));
            var escalated = Tasks(await seniorThen.GetAsync("/tasks")).Single(t => t.StartsWith($"Review: {description}"));
            Assert.Contains("(overdue, escalated to you)", escalated);
            Assert.Contains("Overdue", escalated);
        }
    }

    [SkippableFact]
    public async Task PracticeInPlaceOverSixMonths_IsFlagged_UntilAReviewConsidersReducingIt()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        var description = "Lap strap on wheelchair when travelling";
        var (person, practiceId, url) = await PracticeAsync(description);
        var practicePage = $"/people/{person}/practices/{practiceId}";
        Assert.Contains("In place over 6 months without a review that considered reducing it", (await manager.GetAsync(practicePage)).Body);
        Assert.Contains($"Consider reducing: {description}", (await manager.GetAsync("/tasks")).Body);
        var service = await app.WithDatabaseAsync(db => db.Practices.Where(p => p.Id == practiceId).Select(p => p.ServiceId).SingleAsync());
        var openList = await manager.GetAsync($"/services/{service}/practices");
        Assert.Contains("Reduction not considered (R18)", openList.Document.QuerySelectorAll("tr").Single(tr => tr.TextContent.Contains(description)).TextContent);

        // A review that did not consider reducing it leaves the flag up.
        Assert.Equal(HttpStatusCode.Redirect, (await HoldReviewAsync(manager, url, ReviewOutcome.Continue, UkTime.Today(app.Clock).AddMonths(9), reductionConsidered: false)).Status);
        Assert.Contains($"Consider reducing: {description}", (await manager.GetAsync("/tasks")).Body);

        Assert.Equal(HttpStatusCode.Redirect, (await HoldReviewAsync(manager, url, ReviewOutcome.Continue, UkTime.Today(app.Clock).AddMonths(9))).Status);
        Assert.DoesNotContain("without a review that considered reducing it", (await manager.GetAsync(practicePage)).Body);
        Assert.DoesNotContain($"Consider reducing: {description}", (await manager.GetAsync("/tasks")).Body);
        Assert.DoesNotContain("Reduction not considered (R18)", (await manager.GetAsync($"/services/{service}/practices")).Document
            .QuerySelectorAll("tr").Single(tr => tr.TextContent.Contains(description)).TextContent);
        using (app.Clock.MoveOn(TimeSpan.FromDays(186)))
        {
            using var managerThen = await app.NewClient().SignInAsync("manager@oakfield.example");
            Assert.Contains($"Consider reducing: {description}", (await managerThen.GetAsync("/tasks")).Body);
        }
    }
}

public sealed class ReviewJourneyOnSqlite(SqliteApp app) : ReviewJourneyTests(app), IClassFixture<SqliteApp>;

public sealed class ReviewJourneyOnPostgres(PostgresApp app) : ReviewJourneyTests(app), IClassFixture<PostgresApp>;
