using Npgsql;
using Proportion.Core.Data;

namespace Proportion.Web.Tests.Support;

/// <summary>
/// A fresh, real database for one fixture: a temporary SQLite file, or a new database on the PostgreSQL
/// server named by PROPORTION_TEST_POSTGRES (test.sh starts a throwaway one). Never a fake.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string PostgresVariable = "PROPORTION_TEST_POSTGRES";

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    private readonly string? _file;
    private readonly string? _postgresDatabase;

    public static bool PostgresAvailable => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable));

    public TestDatabase(DatabaseProvider provider)
    {
        Provider = provider;
        if (provider == DatabaseProvider.Sqlite)
        {
            _file = Path.Combine(Path.GetTempPath(), $"proportion-test-{Guid.NewGuid():N}.db");
            ConnectionString = $"Data Source={_file}";
            return;
        }
        var server = Environment.GetEnvironmentVariable(PostgresVariable)
            ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
        _postgresDatabase = $"proportion_test_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{_postgresDatabase}\"", connection);
            create.ExecuteNonQuery();
        }
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = _postgresDatabase }.ConnectionString;
    }

    public void Dispose()
    {
        if (_file is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" })
            {
                File.Delete(f);
            }
        }
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable));
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
    }
}
