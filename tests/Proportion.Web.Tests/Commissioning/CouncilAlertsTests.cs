using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proportion.Core.Analytics;
using Proportion.Core.Commissioning;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Commissioning;

/// <summary>
/// Alerts that reach the council (R27), raised by the reminder job run by hand on the app's clock: an emergency
/// restraint, a restriction agreed while the person lacks capacity, an overdue review and an overdue deprivation of
/// liberty deadline reach the funding council's commissioner and the person's social worker once, with a link they
/// can open; a rise across the people a council funds at one provider reaches its commissioner. Southshire never
/// hears of Northshire's people, nor Northshire of Southshire's.
/// </summary>
public abstract class CouncilAlertsTests(AppFixture app)
{
    private async Task<int?> RunJobAsync()
    {
        await app.WithDatabaseAsync(db => db.JobLeases.ExecuteDeleteAsync());
        return await ReminderService.RunOnceAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), "instance-a",
            app.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(30));
    }

    private async Task<List<Notification>> AlertsForAsync(string email)
    {
        var user = await app.IdOfUserAsync(email);
        return await app.WithDatabaseAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.UserId == user && n.ReminderKey != null && n.ReminderKey.StartsWith("council-")).ToListAsync());
    }

    /// <summary>An emergency incident with the person, recorded <paramref name="ago"/> before the clock, added to the tallies as the form does.</summary>
    private async Task AddEmergencyAsync(string familyName, DateTime occurred)
    {
        await app.WithDatabaseAsync(async db =>
        {
            var person = await db.People.SingleAsync(p => p.FamilyName == familyName);
            var recorder = await db.Users.Where(u => u.OrganisationId == person.OrganisationId).Select(u => u.Id).FirstAsync();
            var incident = new Incident
            {
                OrganisationId = person.OrganisationId, ServiceId = person.ServiceId, PersonId = person.Id, OccurredAt = occurred,
                RecordedAt = occurred.AddMinutes(30), RecordedById = recorder, Location = "The lounge", Kind = IncidentKind.Emergency,
                Reason = InterventionReason.PreventAccidentalInjury, Antecedents = "a", DeEscalation = "b", HowUsed = "c", Outcome = "d",
                SubmissionKey = Guid.NewGuid(), FollowUpRecordedAt = occurred.AddHours(2),
                Interventions = [new IncidentIntervention { Type = InterventionType.PhysicalStanding, StartedAt = occurred, EndedAt = occurred.AddMinutes(3) }],
            };
            db.Incidents.Add(incident);
            await RestraintTallies.AddAsync(db, incident);
            await db.SaveChangesAsync();
        });
    }

    [SkippableFact]
    public async Task EachEvent_ReachesTheFundingCouncilsCommissionerAndTheSocialWorker_Once_AndNobodyElse()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        await TwoCouncils.EnsureAsync(app);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var today = UkTime.Today(app.Clock);
        await AddEmergencyAsync("Marsh", now.AddHours(-3));
        await AddEmergencyAsync("Hughes", now.AddHours(-2));
        await app.WithDatabaseAsync(async db =>
        {
            // Peggy's restriction agreed an hour ago, on a finding that she lacks capacity to consent to it.
            var peggy = await db.People.SingleAsync(p => p.FamilyName == "Hughes");
            var decision = await db.Decisions.Include(d => d.Practice).FirstAsync(d => d.PersonId == peggy.Id && d.Status == DecisionStatus.Agreed);
            decision.CanUnderstand = false; decision.CanRetain = true; decision.CanUseOrWeigh = true; decision.CanCommunicate = true;
            decision.HasImpairmentOfMindOrBrain = true; decision.InabilityIsBecauseOfImpairment = true;
            decision.AgreedAt = now.AddHours(-1);
            // Eileen's authorisation ended ten days ago with nothing after it.
            var eileen = await db.People.SingleAsync(p => p.FamilyName == "Foster");
            db.LibertyAuthorisations.Add(new LibertyAuthorisation
            {
                OrganisationId = eileen.OrganisationId, PersonId = eileen.Id, Kind = LibertyAuthorisationKind.StandardAuthorisation,
                RequestedOn = today.AddDays(-400), Outcome = LibertyOutcome.Granted, StartsOn = today.AddDays(-375), ExpiresOn = today.AddDays(-10),
                OutcomeRecordedOn = today.AddDays(-375), CqcNotifiedOn = today.AddDays(-375), RecordedAt = now.AddDays(-375),
            });
            await db.SaveChangesAsync();
        });

        await RunJobAsync();
        await RunJobAsync();

        var north = await AlertsForAsync("commissioner@northshire.example");
        var northWorker = await AlertsForAsync("socialworker@northshire.example");
        var south = await AlertsForAsync("commissioner@southshire.example");
        var southWorker = await AlertsForAsync("socialworker@southshire.example");

        Assert.Single(south, n => n.Message.StartsWith("Owen Marsh was restrained in an emergency at Riverside Care Ltd"));
        Assert.Single(southWorker, n => n.Message.StartsWith("Owen Marsh was restrained in an emergency"));
        Assert.Single(north, n => n.Message.StartsWith("Peggy Hughes was restrained in an emergency at Oakfield Care"));
        Assert.Single(northWorker, n => n.Message.StartsWith("Peggy Hughes was restrained in an emergency"));
        Assert.Single(north, n => n.Message.StartsWith("A restriction was agreed for Peggy Hughes at Oakfield Care, who lacks capacity to consent"));
        Assert.Single(north, n => n.Message.StartsWith("A deprivation of liberty deadline is overdue for Eileen Foster"));
        Assert.Contains(north, n => n.Message.StartsWith("A review is overdue for"));
        // Each council hears only of its own people; nobody hears twice.
        Assert.DoesNotContain(north.Concat(northWorker), n => n.Message.Contains("Owen Marsh"));
        Assert.DoesNotContain(south.Concat(southWorker), n => n.Message.Contains("Peggy Hughes") || n.Message.Contains("Eileen Foster"));
        foreach (var alerts in new[] { north, northWorker, south, southWorker })
        {
            Assert.Equal(alerts.Count, alerts.Select(n => n.ReminderKey).Distinct().Count());
        }
        var providerStaff = await AlertsForAsync("senior@oakfield.example");
        Assert.Empty(providerStaff);

        // Each link opens for the person told.
        using var commissioner = await app.NewClient().SignInAsync("commissioner@northshire.example");
        foreach (var n in north.Where(n => !n.Message.Contains("rose more than chance")))
        {
            Assert.Equal(HttpStatusCode.OK, (await commissioner.GetAsync(n.Link)).Status);
        }
        using var worker = await app.NewClient().SignInAsync("socialworker@southshire.example");
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync(southWorker.Single(n => n.Message.StartsWith("Owen Marsh was restrained")).Link)).Status);
    }

    [SkippableFact]
    public async Task ARiseAcrossThePeopleACouncilFundsAtOneProvider_ReachesItsCommissionersOnce()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        await TwoCouncils.EnsureAsync(app);
        var today = UkTime.Today(app.Clock);
        var lastMonth = Periods.StartOf(today, ChartPeriod.Month).AddMonths(-1);
        // Owen at Riverside: one emergency a month for most of two years, then a dozen in each of the last two whole months.
        for (var monthsBack = 2; monthsBack < CouncilAlerts.Months; monthsBack++)
        {
            await AddEmergencyAsync("Marsh", UkTime.ToUtc(lastMonth.AddMonths(-monthsBack).AddDays(3), new TimeOnly(10, 0))!.Value);
        }
        foreach (var month in new[] { lastMonth.AddMonths(-1), lastMonth })
        {
            for (var i = 0; i < 12; i++)
            {
                await AddEmergencyAsync("Marsh", UkTime.ToUtc(month.AddDays(3 + i), new TimeOnly(10, 0))!.Value);
            }
        }

        await RunJobAsync();
        await RunJobAsync();

        var south = await AlertsForAsync("commissioner@southshire.example");
        var rise = Assert.Single(south, n => n.Message.StartsWith("Incidents for the people your council funds at Riverside Care Ltd rose more than chance would explain"));
        Assert.Contains("/charts", rise.Link);
        using var commissioner = await app.NewClient().SignInAsync("commissioner@southshire.example");
        Assert.Equal(HttpStatusCode.OK, (await commissioner.GetAsync(rise.Link)).Status);
        Assert.DoesNotContain(await AlertsForAsync("commissioner@northshire.example"), n => n.Message.Contains("rose more than chance"));
        // A provider's rise goes to commissioners only: the social worker hears of Owen's own chart instead.
        Assert.DoesNotContain(await AlertsForAsync("socialworker@southshire.example"), n => n.Message.Contains("your council funds at"));
    }
}

public sealed class CouncilAlertsOnSqlite(SqliteApp app) : CouncilAlertsTests(app), IClassFixture<SqliteApp>;

public sealed class CouncilAlertsOnPostgres(PostgresApp app) : CouncilAlertsTests(app), IClassFixture<PostgresApp>;
