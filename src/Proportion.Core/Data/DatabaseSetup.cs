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
            return options.UseNpgsql(PreparedStatements(connectionString));
        }
        EnsureSqliteFolderExists(connectionString);
        return options.UseSqlite(connectionString);
    }

    /// <summary>
    /// The statements Proportion runs are few and run constantly; unprepared, PostgreSQL plans each afresh, which
    /// was about 3 ms of the database's 8 ms per recorded incident. Npgsql prepares a statement once it has been
    /// run twice on a connection, keeping up to this many per connection (least recently used go first). A
    /// connection string that sets Max Auto Prepare itself keeps its own value.
    /// </summary>
    public const int MaxAutoPrepare = 250;

    public static string PreparedStatements(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)
            && !connectionString.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }
        return builder.ConnectionString;
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
