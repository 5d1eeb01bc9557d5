using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Reminders;

/// <summary>
/// Reflection reminders (R13) from the background job, run by hand on a clock the test moves, against the
/// real database. Two instances share it as two app servers would: the lease lets one of them send.
/// </summary>
public abstract class ReminderTests(AppFixture app)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(30);

    /// <summary>An incident recorded at <paramref name="recordedAt"/> with the care worker involved, who owes a reflection.</summary>
    private async Task<(Guid Incident, Guid CareWorker)> IncidentRecordedAtAsync(DateTime recordedAt)
    {
        var careWorker = await app.IdOfUserAsync("careworker@oakfield.example");
        var liam = await app.WithDatabaseAsync(db => db.People.SingleAsync(p => p.FamilyName == "O'Connor"));
        var incident = new Incident
        {
            OrganisationId = liam.OrganisationId, ServiceId = liam.ServiceId, PersonId = liam.Id, OccurredAt = recordedAt.AddHours(-1),
            RecordedAt = recordedAt, RecordedById = careWorker, Location = "Kitchen", Kind = IncidentKind.Emergency,
            Reason = InterventionReason.PreventDangerousBehaviour, Antecedents = "a", DeEscalation = "b", HowUsed = "c", Outcome = "d",
            SubmissionKey = Guid.NewGuid(),
            Interventions = [new IncidentIntervention { Type = InterventionType.PhysicalStanding, StartedAt = recordedAt.AddHours(-1), EndedAt = recordedAt.AddMinutes(-58) }],
            Staff = [new IncidentStaffMember { UserId = careWorker, Name = "Amira Khan", Role = "Care worker" }],
        };
        await app.WithDatabaseAsync(async db => { db.Incidents.Add(incident); await db.SaveChangesAsync(); });
        return (incident.Id, careWorker);
    }

    private Task<int> RemindersAboutAsync(Guid incident) =>
        app.WithDatabaseAsync(db => db.Notifications.CountAsync(n => n.ReminderKey != null && n.ReminderKey.StartsWith($"reflection:{incident:N}:")));

    private Task<int?> RunAsync(string holder, DateTime now) =>
        ReminderService.RunOnceAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), holder, now, Lease);

    /// <summary>A clock days ahead of the demo data, with no lease left from another test (they share a database).</summary>
    private async Task<DateTime> ClockAsync(int daysAhead)
    {
        await app.WithDatabaseAsync(db => db.JobLeases.ExecuteDeleteAsync());
        return app.Clock.GetUtcNow().UtcDateTime.Date.AddDays(daysAhead).AddHours(12);
    }

    [SkippableFact]
    public async Task TwoInstancesAtOnce_SendEachReminderOnce()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var now = await ClockAsync(100);
        var (incident, _) = await IncidentRecordedAtAsync(now.AddDays(-2));

        var results = await Task.WhenAll(RunAsync("instance-a", now), RunAsync("instance-b", now));

        Assert.Single(results, r => r is null);
        Assert.Single(results, r => r is > 0);
        Assert.Equal(1, await RemindersAboutAsync(incident));
    }

    [SkippableFact]
    public async Task Reminder_ComesADayAfter_OnceADay_UntilTheReflectionIsWritten()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var recorded = await ClockAsync(200);
        var (incident, careWorker) = await IncidentRecordedAtAsync(recorded);

        await RunAsync("instance-a", recorded.AddHours(23).AddMinutes(59));
        Assert.Equal(0, await RemindersAboutAsync(incident));

        await RunAsync("instance-a", recorded.AddDays(1).AddMinutes(1));
        await RunAsync("instance-a", recorded.AddDays(1).AddHours(2));
        Assert.Equal(1, await RemindersAboutAsync(incident));

        await RunAsync("instance-a", recorded.AddDays(2).AddMinutes(1));
        Assert.Equal(2, await RemindersAboutAsync(incident));

        await app.WithDatabaseAsync(async db =>
        {
            var organisation = await db.Incidents.Where(i => i.Id == incident).Select(i => i.OrganisationId).SingleAsync();
            db.IncidentReflections.Add(new IncidentReflection { OrganisationId = organisation, IncidentId = incident, UserId = careWorker, Text = "Written", WrittenAt = recorded.AddDays(2) });
            await db.SaveChangesAsync();
        });
        await RunAsync("instance-a", recorded.AddDays(3).AddMinutes(1));
        Assert.Equal(2, await RemindersAboutAsync(incident));
    }

    [SkippableFact]
    public async Task ReviewReminders_GoToTheServiceManagerWhenDue_AndToTheSeniorManagerWhenOverdue_Once_WithTwoInstances()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        // A practice of Chloe's at Beech Road reviewed later than any other test's clock reaches, so only this test reminds of it.
        const string monitor = "Audio monitor in bedroom at night (reminder test)";
        var manager = await app.IdOfUserAsync("manager@oakfield.example");
        var senior = await app.IdOfUserAsync("senior@oakfield.example");
        var reviewDate = UkTime.Today(app.Clock).AddDays(500);
        var practice = await app.WithDatabaseAsync(async db =>
        {
            var chloe = await db.People.SingleAsync(p => p.GivenName == "Chloe");
            var added = new RestrictivePractice
            {
                OrganisationId = chloe.OrganisationId, ServiceId = chloe.ServiceId, PersonId = chloe.Id, Category = PracticeCategory.SurveillanceAndMonitoring,
                Description = monitor, Kind = PracticeKind.Planned, Status = PracticeStatus.Agreed, StartDate = reviewDate.AddDays(-300),
                ReviewDate = reviewDate, CreatedAt = app.Clock.GetUtcNow().UtcDateTime, CreatedById = manager,
            };
            db.Practices.Add(added);
            await db.SaveChangesAsync();
            return added.Id;
        });
        Task<List<Notification>> AboutMonitor() => app.WithDatabaseAsync(db => db.Notifications
            .Where(n => n.ReminderKey != null && n.ReminderKey.StartsWith($"PracticeReview:{practice:N}:")).ToListAsync());
        static DateTime Noon(DateOnly day) => day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        async Task RunFreshAsync(string holder, DateOnly day)
        {
            await app.WithDatabaseAsync(db => db.JobLeases.ExecuteDeleteAsync());
            await RunAsync(holder, Noon(day));
        }

        await RunFreshAsync("instance-a", reviewDate.AddDays(-8));
        Assert.Empty(await AboutMonitor());

        await app.WithDatabaseAsync(db => db.JobLeases.ExecuteDeleteAsync());
        await Task.WhenAll(RunAsync("instance-a", Noon(reviewDate.AddDays(-7))), RunAsync("instance-b", Noon(reviewDate.AddDays(-7))));
        await RunFreshAsync("instance-b", reviewDate.AddDays(-3));
        var due = await AboutMonitor();
        Assert.Single(due, n => n.UserId == manager);
        Assert.DoesNotContain(due, n => n.UserId == senior);
        Assert.StartsWith($"Due {UkTime.Format(reviewDate)}: Review: {monitor}", due.Single(n => n.UserId == manager).Message);

        await RunFreshAsync("instance-a", reviewDate.AddDays(1));
        await RunFreshAsync("instance-b", reviewDate.AddDays(2));
        var overdue = (await AboutMonitor()).Where(n => n.Message.StartsWith("Overdue")).ToList();
        Assert.Single(overdue, n => n.UserId == manager);
        Assert.Single(overdue, n => n.UserId == senior);
    }

    [SkippableFact]
    public async Task Lease_PassesToAnotherInstance_OnlyWhenItLapses()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var now = await ClockAsync(300);

        Assert.NotNull(await RunAsync("instance-a", now));
        Assert.Null(await RunAsync("instance-b", now + Lease - TimeSpan.FromMinutes(1)));
        Assert.NotNull(await RunAsync("instance-a", now + TimeSpan.FromMinutes(15)));
        Assert.NotNull(await RunAsync("instance-b", now + TimeSpan.FromMinutes(15) + Lease + TimeSpan.FromMinutes(1)));
    }
}

public sealed class RemindersOnSqlite(SqliteApp app) : ReminderTests(app), IClassFixture<SqliteApp>;

public sealed class RemindersOnPostgres(PostgresApp app) : ReminderTests(app), IClassFixture<PostgresApp>;
