using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Scoping;

namespace Proportion.Core.Tests.Data;

/// <summary>R16 on a real SQLite database: records of the procedure cannot be deleted, and a lost race is a stale edit.</summary>
public sealed class NothingIsDeletedTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly ProportionDbContext _db;
    private readonly Service _service;

    public NothingIsDeletedTests()
    {
        _connection.Open();
        _db = new ProportionDbContext(new DbContextOptionsBuilder<ProportionDbContext>().UseSqlite(_connection).Options) { Scope = UserScope.System };
        _db.Database.Migrate();
        var organisation = new Organisation { Name = "Test Care", Kind = OrganisationKind.Provider };
        _service = new Service { OrganisationId = organisation.Id, Name = "Test House", SettingType = SettingType.CareHome };
        _db.AddRange(organisation, _service);
        _db.SaveChanges();
    }

    [Fact]
    public async Task Deleting_AService_IsRefused_AndTheRowStays()
    {
        _db.Services.Remove(_service);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => _db.SaveChangesAsync());

        Assert.Contains("never deleted", refused.Message);
        _db.ChangeTracker.Clear();
        Assert.True(await _db.Services.AnyAsync(s => s.Id == _service.Id));
    }

    [Fact]
    public async Task TwoSavesFromTheSameVersion_TheSecondIsAStaleEdit()
    {
        var options = new DbContextOptionsBuilder<ProportionDbContext>().UseSqlite(_connection).Options;
        await using var first = new ProportionDbContext(options) { Scope = UserScope.System };
        await using var second = new ProportionDbContext(options) { Scope = UserScope.System };
        var a = await first.Services.SingleAsync(s => s.Id == _service.Id);
        var b = await second.Services.SingleAsync(s => s.Id == _service.Id);

        ProportionDbContext.ClaimVersion(a, 1);
        a.Name = "First";
        await first.SaveChangesAsync();
        // The second editor also started from version 1; the database catches it even past the in-memory check.
        b.Version = 2;
        b.Name = "Second";

        await Assert.ThrowsAsync<StaleEditException>(() => second.SaveChangesAsync());
        Assert.Throws<StaleEditException>(() => ProportionDbContext.ClaimVersion(a, 1));
    }

    public void Dispose()
    {
        _db.Dispose();
        _connection.Dispose();
    }
}
