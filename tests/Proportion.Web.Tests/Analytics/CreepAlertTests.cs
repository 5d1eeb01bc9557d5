using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proportion.Core.Analytics;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Analytics;

/// <summary>
/// Issue 12, R14: a clear rise in Peggy's incidents raises one alert, told once to Oakfield House's manager and
/// the senior manager with the chart behind the link and kept in their tasks until a manager acknowledges it;
/// nobody else sees it. On both providers, with the background job run by hand on the app's clock.
/// </summary>
public abstract class CreepAlertTests(AppFixture app)
{
    private const string Manager = "manager@oakfield.example";
    private const string Senior = "senior@oakfield.example";

    /// <summary>Incidents with Peggy on the Tuesday at ten of the week starting <paramref name="monday"/>, each added to the tallies as the form does.</summary>
    private async Task AddIncidentsAsync(DateOnly monday, int count)
    {
        var careWorker = await app.IdOfUserAsync("careworker@oakfield.example");
        await app.WithDatabaseAsync(async db =>
        {
            var peggy = await db.People.SingleAsync(p => p.FamilyName == "Hughes");
            for (var i = 0; i < count; i++)
            {
                var began = UkTime.ToUtc(monday.AddDays(1), new TimeOnly(10, 0))!.Value.AddMinutes(i * 20);
                var incident = new Incident
                {
                    OrganisationId = peggy.OrganisationId, ServiceId = peggy.ServiceId, PersonId = peggy.Id, OccurredAt = began,
                    RecordedAt = began.AddHours(1), RecordedById = careWorker, Location = "The hall", Kind = IncidentKind.Emergency,
                    Reason = InterventionReason.PreventAccidentalInjury, Antecedents = "a", DeEscalation = "b", HowUsed = "c", Outcome = "d",
                    SubmissionKey = Guid.NewGuid(), FollowUpRecordedAt = began.AddHours(2),
                    Interventions = [new IncidentIntervention { Type = InterventionType.PhysicalStanding, StartedAt = began, EndedAt = began.AddMinutes(3) }],
                };
                db.Incidents.Add(incident);
                await RestraintTallies.AddAsync(db, incident);
            }
            await db.SaveChangesAsync();
        });
    }

    private async Task<int?> RunJobAsync(DateTime nowUtc)
    {
        await app.WithDatabaseAsync(db => db.JobLeases.ExecuteDeleteAsync());
        return await ReminderService.RunOnceAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), "instance-a", nowUtc, TimeSpan.FromMinutes(30));
    }

    private Task<List<CreepAlert>> PeggysAlertsAsync(Guid peggy) =>
        app.WithDatabaseAsync(db => db.CreepAlerts.AsNoTracking().Where(a => a.PersonId == peggy).ToListAsync());

    [SkippableFact]
    public async Task AClearRise_IsToldOnceToTheManagers_StaysInTheirTasks_UntilOneAcknowledgesIt_AndNobodyElseSeesIt()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var peggy = await app.IdOfPersonAsync("Hughes");
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var thisWeek = Periods.StartOf(UkTime.Today(app.Clock), ChartPeriod.Week);
        var lastWeek = thisWeek.AddDays(-7);
        // Half a year of one incident a week, then twelve in each of the last two complete weeks.
        for (var weeksBack = 2; weeksBack < CreepAlerts.Weeks; weeksBack++)
        {
            await AddIncidentsAsync(lastWeek.AddDays(-7 * weeksBack), 1);
        }
        await AddIncidentsAsync(lastWeek.AddDays(-7), 12);
        await AddIncidentsAsync(lastWeek, 12);

        await RunJobAsync(now);

        var alerts = await PeggysAlertsAsync(peggy);
        var alert = Assert.Single(alerts, a => a.Measure == Measure.Incidents && a.Period == ChartPeriod.Week);
        Assert.Equal(lastWeek.AddDays(-7), alert.SignalStarts);
        Assert.Equal(lastWeek, alert.LatestStarts);
        Assert.Equal(12, alert.Value);
        Assert.True(alert.Causes.HasFlag(SpecialCause.BeyondLimit));
        // The week and the month under way never count, however many incidents they hold so far.
        Assert.All(alerts, a => Assert.True(a.LatestStarts < Periods.StartOf(UkTime.Today(app.Clock), a.Period)));

        var manager = await app.IdOfUserAsync(Manager);
        var senior = await app.IdOfUserAsync(Senior);
        var careWorker = await app.IdOfUserAsync("careworker@oakfield.example");
        Task<List<Notification>> Told() => app.WithDatabaseAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.ReminderKey == $"creep:{alert.Id:N}").ToListAsync());
        var told = await Told();
        var chart = app.Services.GetRequiredService<Proportion.Web.Infrastructure.Links>().RestrictionChart(new ChartSubject(ChartSubjectKind.Person, peggy), Measure.Incidents, ChartPeriod.Week);
        Assert.Single(told, n => n.UserId == manager);
        Assert.Single(told, n => n.UserId == senior);
        Assert.DoesNotContain(told, n => n.UserId == careWorker);
        Assert.All(told, n => Assert.Equal(chart, n.Link));
        Assert.All(told, n => Assert.StartsWith("Restriction is rising: incidents for Peggy Hughes at Oakfield House. 12 in the week of", n.Message));

        var link = $"/alerts/{alert.Id}";
        using var managerClient = await app.NewClient().SignInAsync(Manager);
        using var seniorClient = await app.NewClient().SignInAsync(Senior);
        var tasks = await managerClient.GetAsync("/tasks");
        Assert.Contains("Look at the rise in incidents for Peggy Hughes", tasks.Body);
        Assert.NotNull(tasks.Document.QuerySelector($"a[href='{link}']"));
        Assert.NotNull((await seniorClient.GetAsync("/tasks")).Document.QuerySelector($"a[href='{link}']"));

        // Again, and by another instance: nothing new.
        await RunJobAsync(now.AddMinutes(15));
        Assert.Equal(alerts.Count, (await PeggysAlertsAsync(peggy)).Count);
        Assert.Equal(told.Count, (await Told()).Count);

        // The rise goes on into the next week: the same signal, seen for longer, and nobody is told again.
        await AddIncidentsAsync(thisWeek, 12);
        await RunJobAsync(now.AddDays(7));
        var continued = Assert.Single(await PeggysAlertsAsync(peggy), a => a.Measure == Measure.Incidents && a.Period == ChartPeriod.Week);
        Assert.Equal(alert.Id, continued.Id);
        Assert.Equal(thisWeek, continued.LatestStarts);
        Assert.Equal(told.Count, (await Told()).Count);

        // Nobody outside the service's managers sees it or acknowledges it.
        using (var careWorkerClient = await app.NewClient().SignInAsync("careworker@oakfield.example"))
        {
            var page = await careWorkerClient.GetAsync(link);
            Assert.True(page.Status == HttpStatusCode.Forbidden || page.Location?.Contains("/access-denied") == true, $"{page.Status} {page.Location}");
            var post = await careWorkerClient.PostAsync(link + "?handler=Acknowledge", new() { ["Input.Note"] = "x", ["Input.Version"] = "1" });
            Assert.True(post.Status == HttpStatusCode.Forbidden || post.Location?.Contains("/access-denied") == true, $"{post.Status} {post.Location}");
            Assert.DoesNotContain(link, (await careWorkerClient.GetAsync("/tasks")).Body);
        }
        using (var otherManager = await app.NewClient().SignInAsync("manager@riverside.example"))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await otherManager.GetAsync(link)).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await otherManager.PostAsync(link + "?handler=Acknowledge", new() { ["Input.Note"] = "x", ["Input.Version"] = "1" })).Status);
        }
        using (var commissioner = await app.NewClient().SignInAsync("commissioner@northshire.example"))
        {
            var page = await commissioner.GetAsync(link);
            Assert.NotEqual(HttpStatusCode.OK, page.Status);
        }

        // The page shows the figures and the chart behind the signal; a note is needed to acknowledge it.
        var shown = await managerClient.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, shown.Status);
        Assert.NotNull(shown.Document.QuerySelector($"a[href='{chart}']"));
        Assert.Contains("above the upper process limit", shown.Body);
        var version = shown.ValueOf("Input.Version")!;
        var blank = await managerClient.PostAsync(link + "?handler=Acknowledge", new() { ["Input.Note"] = " ", ["Input.Version"] = version });
        Assert.Equal(HttpStatusCode.OK, blank.Status);
        Assert.Contains(CreepAlerts.NoteMissing, blank.ErrorSummary);

        var done = await managerClient.PostAsync(link + "?handler=Acknowledge",
            new() { ["Input.Note"] = "Reviewing Peggy's plan with her daughter this week", ["Input.Version"] = version });
        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        // The senior manager's form, opened before, is now stale.
        var late = await seniorClient.PostAsync(link + "?handler=Acknowledge", new() { ["Input.Note"] = "Me too", ["Input.Version"] = version });
        Assert.Equal(HttpStatusCode.OK, late.Status);
        Assert.Contains(late.ErrorSummary, e => e.Contains("Someone else changed this record"));

        var acknowledged = (await PeggysAlertsAsync(peggy)).Single(a => a.Id == alert.Id);
        Assert.Equal(manager, acknowledged.AcknowledgedById);
        Assert.Equal("Reviewing Peggy's plan with her daughter this week", acknowledged.AcknowledgementNote);
        Assert.True(await app.WithDatabaseAsync(db => db.AuditEvents.AnyAsync(e => e.EntityType == nameof(CreepAlert) && e.EntityId == alert.Id)));
        Assert.Null((await managerClient.GetAsync("/tasks")).Document.QuerySelector($"a[href='{link}']"));
        Assert.Null((await seniorClient.GetAsync("/tasks")).Document.QuerySelector($"a[href='{link}']"));
        var after = await managerClient.GetAsync(link);
        Assert.Contains("Reviewing Peggy&#x27;s plan with her daughter this week", after.Body);
        Assert.Null(after.Document.QuerySelector("form[action*='Acknowledge']"));
    }
}

public sealed class CreepAlertTestsOnSqlite(SqliteApp app) : CreepAlertTests(app), IClassFixture<SqliteApp>;

public sealed class CreepAlertTestsOnPostgres(PostgresApp app) : CreepAlertTests(app), IClassFixture<PostgresApp>;
