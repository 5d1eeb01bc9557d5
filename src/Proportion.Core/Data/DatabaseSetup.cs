using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Proportion.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Chooses the provider from configuration (docs/architecture.md: Database:Provider), the one way to do it.</summary>
public static class DatabaseSetup
{
    public static DatabaseProvider ParseProvider(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{value}'."),
    };

    public static DbContextOptionsBuilder UseProportionDatabase(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            return options.UseNpgsql(connectionString);
        }
        EnsureSqliteFolderExists(connectionString);
        return options.UseSqlite(connectionString);
    }

    public static DbContextOptions<ProportionDbContext> Options(DatabaseProvider provider, string connectionString) =>
        (DbContextOptions<ProportionDbContext>)new DbContextOptionsBuilder<ProportionDbContext>()
            .UseProportionDatabase(provider, connectionString).Options;

    /// <summary>
    /// A relative SQLite path is taken from the app's content root, not from wherever it was started,
    /// so `dotnet run` and a published app find the same ./data/ folder.
    /// </summary>
    public static string AnchorSqlitePath(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && !Path.IsPathRooted(file))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, file));
        }
        return builder.ToString();
    }

    // SQLite creates the file but not its folder; a fresh clone has no ./data/ yet.
    private static void EnsureSqliteFolderExists(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(file) && file != ":memory:" && !string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
