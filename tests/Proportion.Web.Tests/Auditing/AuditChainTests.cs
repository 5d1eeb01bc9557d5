using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Scoping;
using Proportion.Web.Infrastructure;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Auditing;

/// <summary>
/// The audit trail's hash chain (ADR 0012) on the real database: sealing, verification, the triggers that
/// refuse changes, and what verification finds when someone with the owner's rights goes round them.
/// Each test writes to an organisation of its own, so a chain broken on purpose breaks no other test.
/// </summary>
public abstract class AuditChainTests(AppFixture app)
{
    private const string Skipped = "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).";

    /// <summary>Records entries the way the app does, through AuditTrail, unsealed.</summary>
    private async Task RecordAsync(Guid organisationId, int count, string prefix = "Entry")
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProportionDbContext>();
        db.Scope = UserScope.System with { UserId = Guid.NewGuid(), UserName = "Zoë O'Brien" };
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        for (var i = 1; i <= count; i++)
        {
            audit.Record(organisationId, AuditAction.Updated, nameof(Person), Guid.NewGuid(), $"{prefix} {i}: “Front door” locked — café…",
                personId: i % 2 == 0 ? Guid.NewGuid() : null, changes: new ChangeSet().Track("Name", "Before", $"After {i}"),
                reason: i % 3 == 0 ? "Line one\nLine two" : null);
        }
        await db.SaveChangesAsync();
    }

    private Task<int?> SealAsync(string holder = "test-sealer") =>
        ReminderService.SealAuditTrailAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), holder);

    private Task<AuditChainReport> VerifyAsync(Guid organisationId) =>
        app.WithDatabaseAsync(db => new AuditChain(db, TimeProvider.System).VerifyAsync(organisationId));

    private Task<List<AuditEvent>> EntriesAsync(Guid organisationId) =>
        app.WithDatabaseAsync(db => db.AuditEvents.AsNoTracking().Where(a => a.OrganisationId == organisationId)
            .OrderBy(a => a.Sequence).ToListAsync());

    [SkippableFact]
    public async Task Sealed_ThenVerified_IsIntact_AndTheChainCarriesOn()
    {
        Skip.IfNot(app.IsAvailable, Skipped);
        var organisation = Guid.NewGuid();
        await RecordAsync(organisation, 5);
        Assert.Equal(5, (await VerifyAsync(organisation)).UnsealedEntries);

        Assert.True(await SealAsync() >= 5);
        await RecordAsync(organisation, 3, "Later");
        Assert.True(await SealAsync() >= 3);

        var report = await VerifyAsync(organisation);
        Assert.True(report.IsIntact);
        Assert.Equal(8, report.VerifiedEntries);
        Assert.Equal(0, report.UnsealedEntries);
        var entries = await EntriesAsync(organisation);
        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long?)i), entries.Select(e => e.Sequence));
        Assert.Equal(entries[^1].Hash, report.HeadHash);
        // In order of time: the later entries follow the first ones.
        Assert.All(entries.Take(5), e => Assert.StartsWith("Entry", e.Summary));
        Assert.All(entries.Skip(5), e => Assert.StartsWith("Later", e.Summary));
    }

    [SkippableFact]
    public async Task AnEntryReadBack_HashesExactlyAsItWasWritten()
    {
        Skip.IfNot(app.IsAvailable, Skipped);
        // Ticks below a microsecond: PostgreSQL keeps microseconds, SQLite keeps the ticks; the hash must not care.
        var written = new AuditEvent
        {
            OrganisationId = Guid.NewGuid(), At = new DateTime(2026, 12, 2, 10, 4, 5, DateTimeKind.Utc).AddTicks(1_234_567),
            UserId = Guid.NewGuid(), UserName = "Zoë O'Brien", Action = AuditAction.Ended, EntityType = nameof(RestrictivePractice),
            EntityId = Guid.NewGuid(), PersonId = Guid.NewGuid(), Summary = "Ended practice: “Front door” locked…",
            Changes = new ChangeSet().Track("Status", "Agreed", "Ended").ToJson(), Reason = "No longer needed\r\nSee the review 𝄞",
        };
        await app.WithDatabaseAsync(async db => { db.AuditEvents.Add(written); await db.SaveChangesAsync(); });

        var readBack = await app.WithDatabaseAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(a => a.Id == written.Id));

        Assert.Equal(AuditChain.HashOf(written, AuditChain.GenesisHash), AuditChain.HashOf(readBack, AuditChain.GenesisHash));
    }

    [SkippableFact]
    public async Task TheDatabase_RefusesToChangeOrDeleteAnEntry_ExceptToSealItOnce()
    {
        Skip.IfNot(app.IsAvailable, Skipped);
        var organisation = Guid.NewGuid();
        await RecordAsync(organisation, 1, $"Sealed {organisation:N}");
        await SealAsync();
        // Two unsealed entries that differ in every column, so each column can be changed to the other's value.
        AuditEvent Unsealed(Guid organisationId, string summary, AuditAction action, int minutes) => new()
        {
            OrganisationId = organisationId, At = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(minutes), UserId = Guid.NewGuid(), UserName = summary,
            Action = action, EntityType = summary, EntityId = Guid.NewGuid(), PersonId = Guid.NewGuid(), Summary = summary,
            Changes = $"{{\"{summary}\":[null,\"x\"]}}", Reason = summary,
        };
        var target = Unsealed(organisation, $"Target {Guid.NewGuid():N}", AuditAction.Created, 1);
        var other = Unsealed(Guid.NewGuid(), $"Other {Guid.NewGuid():N}", AuditAction.Updated, 2);
        await app.WithDatabaseAsync(async db => { db.AuditEvents.AddRange(target, other); await db.SaveChangesAsync(); });

        await app.WithDatabaseAsync(async db =>
        {
            async Task RefusedAsync(string sql, params object[] parameters)
            {
                var refused = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync(sql, parameters));
                Assert.True(refused is DbException && refused.Message.Contains("refused"), $"Not refused: {sql}\n{refused}");
            }
            var sealedSummary = (await EntriesAsync(organisation)).Single(e => e.Sequence == 1).Summary;

            await RefusedAsync("""UPDATE "AuditEvents" SET "Summary" = 'Forged' WHERE "Summary" = {0}""", sealedSummary);
            await RefusedAsync("""UPDATE "AuditEvents" SET "Hash" = {0} WHERE "Summary" = {1}""", new string('a', 64), sealedSummary);
            await RefusedAsync("""DELETE FROM "AuditEvents" WHERE "Summary" = {0}""", sealedSummary);
            await RefusedAsync("""DELETE FROM "AuditEvents" WHERE "Summary" = {0}""", target.Summary);
            await RefusedAsync("""UPDATE "AuditEvents" SET "Summary" = 'Forged' WHERE "Summary" = {0}""", target.Summary);
            // Sealing may set the sequence and hash, and nothing else, whichever column is slipped in beside them.
            var columns = db.Model.FindEntityType(typeof(AuditEvent))!.GetProperties().Select(p => p.GetColumnName())
                .Except(["Sequence", "Hash"]).ToList();
            Assert.Contains("Summary", columns);
            foreach (var column in columns)
            {
                await RefusedAsync($$"""
                    UPDATE "AuditEvents" SET "Sequence" = 999999, "Hash" = 'forged',
                        "{{column}}" = (SELECT o."{{column}}" FROM "AuditEvents" o WHERE o."Summary" = {1})
                    WHERE "Summary" = {0}
                    """, target.Summary, other.Summary);
            }
            if (db.Database.IsNpgsql())
            {
                await RefusedAsync("""TRUNCATE "AuditEvents" """);
            }
        });
        var inserted = await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDatabaseAsync(async db =>
        {
            db.AuditEvents.Add(new AuditEvent
            {
                OrganisationId = organisation, At = app.Clock.GetUtcNow().UtcDateTime, UserName = "x", EntityType = "x", Summary = "Arrived sealed",
                Sequence = 2, Hash = new string('b', 64),
            });
            await db.SaveChangesAsync();
        }));
        Assert.Contains("refused", inserted.InnerException?.Message);

        Assert.True(await SealAsync() >= 2);
        var entries = await EntriesAsync(organisation);
        Assert.Equal(2, entries.Count);
        Assert.Equal(target.Summary, entries.Single(e => e.Id == target.Id).Summary);
        Assert.True((await VerifyAsync(organisation)).IsIntact);
    }

    [SkippableFact]
    public async Task AChangedEntry_FailsVerificationAtThatEntry_AndRehashingItMovesTheFailureOn()
    {
        Skip.IfNot(app.IsAvailable, Skipped);
        var organisation = Guid.NewGuid();
        await RecordAsync(organisation, 5);
        await SealAsync();
        var third = (await EntriesAsync(organisation)).Single(e => e.Sequence == 3);

        await app.WithDatabaseAsync(db => AuditTampering.WithoutTriggersAsync(db, () =>
            db.AuditEvents.Where(a => a.Id == third.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Summary, "Nothing happened"))));

        var report = await VerifyAsync(organisation);
        Assert.False(report.IsIntact);
        Assert.Equal(AuditChainProblem.Altered, report.FirstBreak!.Problem);
        Assert.Equal(3, report.FirstBreak.Sequence);
        Assert.Equal(third.Id, report.FirstBreak.EntryId);
        Assert.Equal(2, report.VerifiedEntries);
        Assert.Null(report.HeadHash);
        Assert.Contains("entry 3", report.FirstBreak.Describe());
        Assert.Contains("Nothing happened", report.FirstBreak.Describe());

        // A forger who also recomputes the changed entry's hash is caught at the next entry.
        var forged = (await EntriesAsync(organisation)).Single(e => e.Sequence == 3);
        var second = (await EntriesAsync(organisation)).Single(e => e.Sequence == 2);
        var rehashed = AuditChain.HashOf(forged, second.Hash!);
        await app.WithDatabaseAsync(db => AuditTampering.WithoutTriggersAsync(db, () =>
            db.AuditEvents.Where(a => a.Id == third.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Hash, rehashed))));

        report = await VerifyAsync(organisation);
        Assert.Equal(AuditChainProblem.Altered, report.FirstBreak!.Problem);
        Assert.Equal(4, report.FirstBreak.Sequence);
    }

    [SkippableFact]
    public async Task ADeletedEntry_IsReportedAsAGap()
    {
        Skip.IfNot(app.IsAvailable, Skipped);
        var organisation = Guid.NewGuid();
        await RecordAsync(organisation, 5);
        await SealAsync();
        var entries = await EntriesAsync(organisation);

        await app.WithDatabaseAsync(db => AuditTampering.WithoutTriggersAsync(db, () =>
            db.AuditEvents.Where(a => a.Id == entries[1].Id).ExecuteDeleteAsync()));

        var report = await VerifyAsync(organisation);
        Assert.Equal(AuditChainProblem.Missing, report.FirstBreak!.Problem);
        Assert.Equal(2, report.FirstBreak.ExpectedSequence);
        Assert.Equal(3, report.FirstBreak.Sequence);
        Assert.Equal(entries[2].Id, report.FirstBreak.EntryId);
        Assert.StartsWith("Entry 2 is missing", report.FirstBreak.Describe());
    }

    [SkippableFact]
    public async Task TwoSealersAtOnce_DoNotFork()
    {
        Skip.IfNot(app.IsAvailable, Skipped);
        var organisation = Guid.NewGuid();
        for (var round = 0; round < 5; round++)
        {
            await RecordAsync(organisation, 40, $"Round {round}");
            var results = await Task.WhenAll(SealAsync("instance-a"), SealAsync("instance-b"));
            Assert.Contains(results, r => r > 0);
        }

        var entries = await EntriesAsync(organisation);
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long?)i), entries.Select(e => e.Sequence));
        var report = await VerifyAsync(organisation);
        Assert.True(report.IsIntact);
        Assert.Equal(200, report.VerifiedEntries);
    }

    [SkippableFact]
    public async Task ASealerWithoutTheLease_CannotNumberAPlaceTwice_NorResealAnEntry()
    {
        Skip.IfNot(app.IsAvailable, Skipped);
        var organisation = Guid.NewGuid();
        await RecordAsync(organisation, 2);
        await SealAsync();
        await RecordAsync(organisation, 1, "Late");

        // A sealer that read the head before another sealed would give the new entry a place already taken.
        await app.WithDatabaseAsync(async db =>
        {
            var late = await db.AuditEvents.SingleAsync(a => a.OrganisationId == organisation && a.Sequence == null);
            late.Sequence = 2;
            late.Hash = new string('c', 64);
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        });
        // A sealer holding an entry another has sealed since cannot seal it again.
        await app.WithDatabaseAsync(async db =>
        {
            var late = await db.AuditEvents.SingleAsync(a => a.OrganisationId == organisation && a.Sequence == null);
            await SealAsync();
            late.Sequence = 4;
            late.Hash = new string('d', 64);
            await Assert.ThrowsAsync<StaleEditException>(() => db.SaveChangesAsync());
        });

        Assert.Equal(3, (await VerifyAsync(organisation)).VerifiedEntries);
    }
}

public sealed class AuditChainOnSqlite(SqliteApp app) : AuditChainTests(app), IClassFixture<SqliteApp>;

public sealed class AuditChainOnPostgres(PostgresApp app) : AuditChainTests(app), IClassFixture<PostgresApp>;
