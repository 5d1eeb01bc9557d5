using System.Net;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Model;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Tasks;

/// <summary>"My tasks" for each role, from the demo data: what is due, soonest first, overdue marked.</summary>
public abstract class MyTasksTests(AppFixture app)
{
    private static List<string> Tasks(AppClient.Page page) =>
        [.. page.Document.QuerySelectorAll(".govuk-task-list__item").Select(li => li.TextContent.Trim())];

    [SkippableFact]
    public async Task CareWorker_IsAskedForReflectionsAndToReadGuidelines()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var careWorker = await app.NewClient().SignInAsync("careworker@oakfield.example");

        var tasks = Tasks(await careWorker.GetAsync("/tasks"));

        Assert.Contains(tasks, t => t.StartsWith("Write your reflection on an incident") && t.Contains("Joyce Turner") && t.Contains("Overdue"));
        Assert.Contains(tasks, t => t.StartsWith("Read and confirm the guidelines"));
        Assert.DoesNotContain(tasks, t => t.StartsWith("Review"));
    }

    [SkippableFact]
    public async Task Manager_SeesReviewsIncidentsAndTraining_OverdueFirst()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");

        var tasks = Tasks(await manager.GetAsync("/tasks"));

        Assert.Contains(tasks, t => t.StartsWith("Review an emergency with the person within 48 hours") && t.Contains("R10") && t.Contains("Overdue"));
        Assert.Contains(tasks, t => t.StartsWith("Review a practice early") && t.Contains("R8"));
        Assert.Contains(tasks, t => t.StartsWith("Review: Blood pressure medicine given covertly") && t.Contains("Overdue"));
        Assert.Contains(tasks, t => t.StartsWith("Hold the discussion for a proposed practice"));
        Assert.Contains(tasks, t => t.StartsWith("Refresher due: Restrictive interventions") && t.Contains("Overdue"));
        // Overdue tasks come before the rest, and undated ones last.
        var firstNotOverdue = tasks.FindIndex(t => !t.Contains("Overdue"));
        Assert.True(firstNotOverdue > 0);
        Assert.DoesNotContain(tasks.Skip(firstNotOverdue), t => t.Contains("Overdue"));
    }

    [SkippableFact]
    public async Task EmergencyReview_IsOverdueAt48HoursAndAMinute_NotAt47HoursAnd59Minutes()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var careWorker = await app.IdOfUserAsync("careworker@oakfield.example");
        var occurred = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1);
        await app.WithDatabaseAsync(async db =>
        {
            var liam = await db.People.SingleAsync(p => p.FamilyName == "O'Connor");
            db.Incidents.Add(new Incident
            {
                OrganisationId = liam.OrganisationId, ServiceId = liam.ServiceId, PersonId = liam.Id, OccurredAt = occurred, RecordedAt = occurred,
                RecordedById = careWorker, Location = "Kitchen", Kind = IncidentKind.Emergency, Reason = InterventionReason.PreventDangerousBehaviour,
                Antecedents = "a", DeEscalation = "b", HowUsed = "c", Outcome = "d", SubmissionKey = Guid.NewGuid(),
                Interventions = [new IncidentIntervention { Type = InterventionType.PhysicalStanding, StartedAt = occurred, EndedAt = occurred.AddMinutes(1) }],
            });
            await db.SaveChangesAsync();
        });
        async Task<string> LiamsReviewAsync()
        {
            // A sign-in made before the clock moved would have expired with it.
            using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
            return Tasks(await manager.GetAsync("/tasks")).Single(t => t.StartsWith("Review an emergency with the person within 48 hours") && t.Contains("O'Connor") && t.Contains(UkTime.Format(occurred)));
        }

        using (app.Clock.MoveOn(TimeSpan.FromHours(48) - TimeSpan.FromMinutes(2)))
        {
            Assert.DoesNotContain("Overdue", await LiamsReviewAsync());
        }
        using (app.Clock.MoveOn(TimeSpan.FromHours(48)))
        {
            Assert.Contains("Overdue", await LiamsReviewAsync());
        }
    }

    [SkippableFact]
    public async Task Tasks_AreGroupedByWhen_AndSayWhyBehindADetails_NotInTheLine()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");

        var page = await manager.GetAsync("/tasks");

        var groups = page.Document.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.StartsWith("Overdue", groups[0]);
        Assert.StartsWith("Later, or no date set", groups[^1]);
        var order = new[] { "Overdue", "Due today", "Due this week", "Later" };
        Assert.Equal(groups.Select(g => Array.FindIndex(order, g.StartsWith)).Order(), groups.Select(g => Array.FindIndex(order, g.StartsWith)));
        // Every task under "Overdue" is overdue, and none elsewhere.
        foreach (var list in page.Document.QuerySelectorAll("main ul.govuk-task-list"))
        {
            var heading = page.Document.GetElementById(list.GetAttribute("aria-labelledby")!)!.TextContent;
            Assert.All(list.QuerySelectorAll(".govuk-task-list__status"), s => Assert.Equal(heading.StartsWith("Overdue"), s.TextContent.Contains("Overdue")));
        }
        // The line says what to do and about whom; the rule's number and reason sit behind "Why".
        Assert.All(page.Document.QuerySelectorAll(".govuk-task-list__hint"), h => Assert.DoesNotContain("Rule", h.TextContent));
        var emergency = page.Document.QuerySelectorAll(".govuk-task-list__item").First(li => li.TextContent.Contains("Review an emergency with the person within 48 hours"));
        Assert.Contains("talks it through with the person within 48 hours", emergency.QuerySelector("details")!.TextContent);
        Assert.Contains("(rule R10)", emergency.QuerySelector("details")!.TextContent);
    }

    [SkippableFact]
    public async Task Inspector_HasNoTasks()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var inspector = await app.NewClient().SignInAsync("inspector@oakfield.example");

        var page = await inspector.GetAsync("/tasks");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("You have nothing to do at the moment", page.Body);
    }
}

public sealed class MyTasksOnSqlite(SqliteApp app) : MyTasksTests(app), IClassFixture<SqliteApp>;

public sealed class MyTasksOnPostgres(PostgresApp app) : MyTasksTests(app), IClassFixture<PostgresApp>;
