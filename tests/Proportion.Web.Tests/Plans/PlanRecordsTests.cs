using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.Profiles;
using Proportion.Core.Scoping;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Plans;

/// <summary>
/// The one write path of every kind of plan (R19) on a real database: agreed versions never change, a
/// revision keeps the old one readable, stale and closed writes are refused, one open profile per person,
/// a reading confirmed once, and every write audited.
/// </summary>
public abstract class PlanRecordsTests(AppFixture app)
{
    internal static readonly ProfileContent Complete = new()
    {
        WhatMattersToMe = "My dog Bess", StrengthsAndSkills = "Cooking", WhatTriggersDistress = "Crowds", EarlyWarningSigns = "Goes quiet",
        WhatHelpsMeFeelSafe = "A quiet room", HowICommunicate = "Speech", HowThisWasWritten = "With me and my sister",
    };

    private DateOnly Today => UkTime.Today(app.Clock);

    /// <summary>A person of Oakfield House of this test's own, so tests do not share plans.</summary>
    internal static async Task<Guid> NewPersonAsync(AppFixture app, string family) => await app.WithDatabaseAsync(async db =>
    {
        var house = await db.Services.SingleAsync(s => s.Name == "Oakfield House");
        var person = new Person
        {
            OrganisationId = house.OrganisationId, ServiceId = house.Id, GivenName = "Test", FamilyName = family + Guid.NewGuid().ToString("N")[..6],
            DateOfBirth = new DateOnly(1960, 1, 1), CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
        };
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    });

    private async Task<T> AsSystemAsync<T>(Func<PlanRecords, ProportionDbContext, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProportionDbContext>();
        // Everything in scope, as the demo's senior manager (who drafts, agrees and reads must be a real user).
        var senior = await db.Users.Where(u => u.Email == "senior@oakfield.example").Select(u => u.Id).SingleAsync();
        db.Scope = new UserScope { Everything = true, UserId = senior, UserName = "Helen Price" };
        return await work(scope.ServiceProvider.GetRequiredService<PlanRecords>(), db);
    }

    private Task AsSystemAsync(Func<PlanRecords, ProportionDbContext, Task> work) => AsSystemAsync(async (p, d) => { await work(p, d); return true; });

    private Task<Plan> PlanAsync(Guid id) => AsSystemAsync((_, db) => db.Plans.AsNoTracking().SingleAsync(p => p.Id == id));

    [SkippableFact]
    public async Task AnAgreedVersion_NeverChanges_AndARevisionKeepsItReadable()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var person = await NewPersonAsync(app, "Agreed");
        var plan = await AsSystemAsync((p, _) => p.StartAsync(person, "Knowing them", Complete));
        await AsSystemAsync((p, _) => p.AgreeAsync(plan.Id, 1, Today.AddMonths(3)));
        // An agreed version has no draft to change.
        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => AsSystemAsync((p, _) => p.SaveDraftAsync(plan.Id, 2, "Knowing them", Complete with { WhatMattersToMe = "Changed" })));
        Assert.Contains("no draft", refused.Errors["Plan"]);

        Assert.Equal(2, await AsSystemAsync((p, _) => p.ReviseAsync(plan.Id, 2, "She told us she has a new dog")));
        await AsSystemAsync((p, _) => p.SaveDraftAsync(plan.Id, 3, "Knowing them", Complete with { WhatMattersToMe = "My new dog Rex" }));

        var current = await PlanAsync(plan.Id);
        Assert.Equal(1, current.AgreedVersion);
        Assert.True(current.HasDraft);
        var (first, second) = await AsSystemAsync(async (p, _) => ((ProfileContent)(await p.ContentAsync(current, 1))!, (ProfileContent)(await p.ContentAsync(current, 2))!));
        Assert.Equal("My dog Bess", first.WhatMattersToMe);
        Assert.Equal("My new dog Rex", second.WhatMattersToMe);
        var overview = await AsSystemAsync((p, _) => p.OverviewAsync(current));
        Assert.Equal(PlanVersionState.InForce, overview.Versions.Single(v => v.Number == 1).State);
        Assert.Equal("She told us she has a new dog", overview.Draft!.ChangeReason);

        await AsSystemAsync((p, _) => p.AgreeAsync(plan.Id, 4, Today.AddMonths(3)));
        overview = await AsSystemAsync(async (p, _) => await p.OverviewAsync(await PlanAsync(plan.Id)));
        Assert.Equal(PlanVersionState.Replaced, overview.Versions.Single(v => v.Number == 1).State);
        Assert.Equal(PlanVersionState.InForce, overview.Versions.Single(v => v.Number == 2).State);
        Assert.Equal("My dog Bess", ((ProfileContent)(await AsSystemAsync((p, _) => p.ContentAsync(current, 1)))!).WhatMattersToMe);
    }

    [SkippableFact]
    public async Task AStaleWrite_IsRefusedWithTheStaleMessage()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var person = await NewPersonAsync(app, "Stale");
        var plan = await AsSystemAsync((p, _) => p.StartAsync(person, "Knowing them", Complete));
        await AsSystemAsync((p, _) => p.SaveDraftAsync(plan.Id, 1, "Knowing them", Complete with { StrengthsAndSkills = "Baking" }));
        var stale = await Assert.ThrowsAsync<StaleEditException>(() => AsSystemAsync((p, _) => p.SaveDraftAsync(plan.Id, 1, "Knowing them", Complete)));
        Assert.Contains("Someone else changed this record", stale.Message);
        Assert.Equal("Baking", (await AsSystemAsync(async (p, _) => await p.LatestContentAsync<ProfileContent>(await PlanAsync(plan.Id)))).StrengthsAndSkills);
    }

    [SkippableFact]
    public async Task AClosedPlan_RefusesEveryWrite_AndStaysReadable()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var person = await NewPersonAsync(app, "Closed");
        var plan = await AsSystemAsync((p, _) => p.StartAsync(person, "Knowing them", Complete));
        await AsSystemAsync((p, _) => p.AgreeAsync(plan.Id, 1, Today.AddMonths(3)));
        await AsSystemAsync((p, _) => p.CloseAsync(plan.Id, 2, "Moved to another provider"));
        foreach (var write in new Func<PlanRecords, Task>[]
        {
            p => p.ReviseAsync(plan.Id, 3, "A reason"),
            p => p.CloseAsync(plan.Id, 3, "Again"),
            p => p.RecordReviewAsync(plan.Id, 3, PlanReviewOutcome.Keep, "Fine", Today.AddMonths(3)),
            p => p.AgreeAsync(plan.Id, 3, Today.AddMonths(3)),
        })
        {
            var refused = await Assert.ThrowsAsync<RuleViolationException>(() => AsSystemAsync((p, _) => write(p)));
            Assert.Contains("This plan is closed", refused.Errors["Plan"]);
        }
        var closed = await PlanAsync(plan.Id);
        Assert.Equal(PlanStatus.Closed, closed.Status);
        Assert.Equal("Moved to another provider", closed.ClosedReason);
        Assert.NotNull(await AsSystemAsync((p, _) => p.ContentAsync(closed, 1)));
        // Closed, a new profile may be started.
        Assert.NotNull(await AsSystemAsync((p, _) => p.StartAsync(person, "Knowing them again", Complete)));
    }

    [SkippableFact]
    public async Task APerson_HasOneOpenProfile()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var person = await NewPersonAsync(app, "OneProfile");
        await AsSystemAsync((p, _) => p.StartAsync(person, "Knowing them", new ProfileContent()));
        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => AsSystemAsync((p, _) => p.StartAsync(person, "Another", new ProfileContent())));
        Assert.Contains("already has a profile", refused.Errors["Title"]);
    }

    [SkippableFact]
    public async Task AReading_IsConfirmedOncePerVersion()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var person = await NewPersonAsync(app, "Reading");
        var plan = await AsSystemAsync((p, _) => p.StartAsync(person, "Knowing them", Complete));
        await AsSystemAsync((p, _) => p.AgreeAsync(plan.Id, 1, Today.AddMonths(3)));
        await AsSystemAsync((p, _) => p.ConfirmReadingAsync(plan.Id));
        await AsSystemAsync((p, _) => p.ConfirmReadingAsync(plan.Id));
        Assert.Equal(1, await AsSystemAsync((_, db) => db.PlanReadings.CountAsync(r => r.PlanId == plan.Id)));
    }

    [SkippableFact]
    public async Task EveryWrite_IsAudited()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var person = await NewPersonAsync(app, "Audited");
        var plan = await AsSystemAsync((p, _) => p.StartAsync(person, "Knowing them", Complete));
        await AsSystemAsync((p, _) => p.SaveDraftAsync(plan.Id, 1, "Knowing them", Complete));
        await AsSystemAsync((p, _) => p.AgreeAsync(plan.Id, 2, Today.AddMonths(3)));
        await AsSystemAsync((p, _) => p.ConfirmReadingAsync(plan.Id));
        await AsSystemAsync((p, _) => p.RecordReviewAsync(plan.Id, 3, PlanReviewOutcome.Keep, "Still right", Today.AddMonths(3)));
        await AsSystemAsync((p, _) => p.ReviseAsync(plan.Id, 4, "New job"));
        await AsSystemAsync((p, _) => p.CloseAsync(plan.Id, 5, "No longer needed"));
        // Written in one test clock instant, so checked as a set: one event for each write.
        var summaries = await AsSystemAsync((_, db) => db.AuditEvents.Where(a => a.EntityId == plan.Id).Select(a => a.Summary).ToListAsync());
        Assert.Equal(7, summaries.Count);
        foreach (var expected in new[] { "Started a profile", "Changed the draft", "Agreed version 1", "Confirmed reading version 1", "Reviewed", "Started version 2", "Closed" })
        {
            Assert.Single(summaries, s => s.StartsWith(expected));
        }
    }
}

public sealed class PlanRecordsOnSqlite(SqliteApp app) : PlanRecordsTests(app), IClassFixture<SqliteApp>;

public sealed class PlanRecordsOnPostgres(PostgresApp app) : PlanRecordsTests(app), IClassFixture<PostgresApp>;
