using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Proportion.Core.Data;
using Proportion.Core.Scoping;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Authorisation;

/// <summary>
/// IgnoreQueryFilters turns off every filter of the whole query it appears in. It lives only where the
/// scope is built and in <see cref="Unscoped"/>, whose reads return counts; these tests hold both.
/// </summary>
public abstract class UnscopedReadsTests(AppFixture app)
{
    private static readonly string[] Allowed = ["Scoping/UserScopeFactory.cs", "Scoping/Unscoped.cs"];

    [Fact]
    public void IgnoreQueryFilters_IsUsedOnlyWhereTheScopeIsBuiltAndInUnscoped()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Where(f => Regex.IsMatch(File.ReadAllText(f), @"\.IgnoreQueryFilters\("))
            .Select(f => Path.GetRelativePath(Path.Combine(src, "Proportion.Core"), f).Replace('\\', '/'))
            .Where(f => !Allowed.Contains(f))
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void UnscopedReads_ReturnCountsNeverRows()
    {
        var returns = typeof(Unscoped).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Select(m => m.ReturnType).Distinct().ToList();
        Assert.Contains(typeof(Task<int>), returns);
        Assert.All(returns, t => Assert.True(t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Task<>) && IsCounts(t.GetGenericArguments()[0]),
            $"{t} is not a count, a record of counts, or counts keyed by the ids asked about"));
    }

    /// <summary>
    /// A count; the date of the earliest record (an aggregate, as a count is); a record of Unscoped's own made only of
    /// those; or such values keyed by the ids the caller named. Never an entity, a name or free text.
    /// </summary>
    private static bool IsCounts(Type t) =>
        t == typeof(int) || t == typeof(DateOnly?)
        || (t.DeclaringType == typeof(Unscoped) && t.GetProperties().Where(p => p.Name != "EqualityContract").All(p => IsCounts(p.PropertyType)))
        || (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Dictionary<,>) && t.GetGenericArguments()[0] == typeof(Guid) && IsCounts(t.GetGenericArguments()[1]));

    [SkippableFact]
    public async Task TheOtherProvidersScope_HoldsNoneOfOakfieldsServices()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var riverside = await app.IdOfUserAsync("manager@riverside.example");
        var house = await app.IdOfServiceAsync("Oakfield House");
        var beech = await app.IdOfServiceAsync("Beech Road");
        var lodge = await app.IdOfServiceAsync("Riverside Lodge");

        using var scope = app.Services.CreateScope();
        var scopeOf = await scope.ServiceProvider.GetRequiredService<UserScopeFactory>().BuildAsync(riverside);

        Assert.Equal([lodge], scopeOf.PeopleServiceIds);
        Assert.DoesNotContain(house, scopeOf.VisibleServiceIds);
        Assert.DoesNotContain(beech, scopeOf.VisibleServiceIds);
        Assert.False(scopeOf.AllPeopleInOrganisation || scopeOf.Everything);
    }

    [SkippableFact]
    public async Task PeopleInService_CountsOnlyThatService()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var house = await app.IdOfServiceAsync("Oakfield House");
        var expected = await app.WithDatabaseAsync(db => Task.FromResult(db.People.Count(p => p.ServiceId == house)));

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProportionDbContext>();
        db.Scope = UserScope.Anonymous;

        Assert.Equal(expected, await Unscoped.PeopleInServiceAsync(db, house));
        // The anonymous scope sees nothing through the filters, so the count above came from the service alone.
        Assert.Equal(0, db.People.Count());
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Proportion.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Proportion.slnx not found above " + AppContext.BaseDirectory);
    }
}

public sealed class UnscopedReadsOnSqlite(SqliteApp app) : UnscopedReadsTests(app), IClassFixture<SqliteApp>;

public sealed class UnscopedReadsOnPostgres(PostgresApp app) : UnscopedReadsTests(app), IClassFixture<PostgresApp>;
