using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Reminders;
using Proportion.Core.Scoping;

namespace Proportion.Core.Tests.Reminders;

/// <summary>
/// The reminder job's "send once" on a real SQLite database, at the size of a large organisation's first round:
/// more reminders than SQLite allows parameters in one statement (32,766), under the job's one-organisation scope.
/// </summary>
public sealed class ReminderOutboxTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly DbContextOptions<ProportionDbContext> _options;
    private readonly Guid _organisationId;
    private readonly Guid _managerId;

    public ReminderOutboxTests()
    {
        _connection.Open();
        _options = new DbContextOptionsBuilder<ProportionDbContext>().UseSqlite(_connection).Options;
        using var db = new ProportionDbContext(_options) { Scope = UserScope.System };
        db.Database.Migrate();
        var organisation = new Organisation { Name = "Test Care", Kind = OrganisationKind.Provider };
        var manager = new AppUser { DisplayName = "Test Manager", OrganisationId = organisation.Id, UserName = "m@test.example", Email = "m@test.example" };
        db.AddRange(organisation, manager);
        db.SaveChanges();
        (_organisationId, _managerId) = (organisation.Id, manager.Id);
    }

    [Fact]
    public async Task FortyThousandReminders_AreSavedOnce_AndASecondRoundSendsNone()
    {
        const int count = 40_000;
        List<Notification> Wanted() => [.. Enumerable.Range(0, count).Select(n => new Notification
        {
            OrganisationId = _organisationId, UserId = _managerId, CreatedAt = DateTime.UtcNow,
            ReminderKey = $"PracticeReview:{n:D8}:2026-12-04:due", Message = $"Due: review {n}", Link = $"/practices/{n}",
        })];

        await using (var first = new ProportionDbContext(_options) { Scope = UserScope.SystemForOrganisation(_organisationId) })
        {
            Assert.Equal(count, (await ReminderOutbox.SendOnceAsync(first, Wanted(), CancellationToken.None)).Count);
        }
        await using (var second = new ProportionDbContext(_options) { Scope = UserScope.SystemForOrganisation(_organisationId) })
        {
            // The job has no user, so the check must see the manager's notifications past the per-user filter: else
            // it would try to send all 40,000 again, the unique index would refuse the batch, and the one new reminder
            // would be lost with it.
            var wanted = Wanted();
            wanted.Add(new Notification
            {
                OrganisationId = _organisationId, UserId = _managerId, CreatedAt = DateTime.UtcNow,
                ReminderKey = "PracticeReview:new:2026-12-05:due", Message = "Due: a new review", Link = "/practices/new",
            });
            var sent = Assert.Single(await ReminderOutbox.SendOnceAsync(second, wanted, CancellationToken.None));
            Assert.Equal("PracticeReview:new:2026-12-05:due", sent.ReminderKey);
        }
        await using var check = new ProportionDbContext(_options) { Scope = UserScope.System };
        Assert.Equal(count + 1, await check.Notifications.CountAsync());
    }

    public void Dispose() => _connection.Dispose();
}
