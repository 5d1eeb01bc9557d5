using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Data;

/// <summary>
/// The hand-written migrations must build exactly the schema EF would create from the model (docs/architecture.md).
/// One empty database is migrated, another created from the model, and their catalogues compared.
/// </summary>
public abstract class SchemaDriftTests(DatabaseProvider provider)
{
    [SkippableFact]
    public async Task Migrations_BuildTheSameSchemaAsTheModel()
    {
        Skip.If(provider == DatabaseProvider.Postgres && !TestDatabase.PostgresAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var migratedDb = new TestDatabase(provider);
        using var createdDb = new TestDatabase(provider);

        await using (var migrated = new ProportionDbContext(DatabaseSetup.Options(provider, migratedDb.ConnectionString)))
        {
            await migrated.Database.MigrateAsync();
        }
        await using (var created = new ProportionDbContext(DatabaseSetup.Options(provider, createdDb.ConnectionString)))
        {
            await created.Database.EnsureCreatedAsync();
        }

        var fromMigrations = await DescribeAsync(migratedDb.ConnectionString);
        var fromModel = await DescribeAsync(createdDb.ConnectionString);
        Assert.NotEmpty(fromModel);
        var missing = fromModel.Except(fromMigrations).ToList();
        var extra = fromMigrations.Except(fromModel).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            "The migrations and the model disagree.\nIn the model but not the migrations:\n  " + string.Join("\n  ", missing)
            + "\nIn the migrations but not the model:\n  " + string.Join("\n  ", extra));
    }

    [SkippableFact]
    public async Task Migrate_OnAnUpToDateDatabase_ChangesNothing()
    {
        Skip.If(provider == DatabaseProvider.Postgres && !TestDatabase.PostgresAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var database = new TestDatabase(provider);
        await using var db = new ProportionDbContext(DatabaseSetup.Options(provider, database.ConnectionString));
        await db.Database.MigrateAsync();
        var before = await DescribeAsync(database.ConnectionString);

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(before, await DescribeAsync(database.ConnectionString));
    }

    private async Task<List<string>> DescribeAsync(string connectionString)
    {
        await using var db = new ProportionDbContext(DatabaseSetup.Options(provider, connectionString));
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var sql = provider == DatabaseProvider.Sqlite ? SqliteCatalogue : PostgresCatalogue;
        var lines = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(Row(reader));
        }
        return [.. lines.Order(StringComparer.Ordinal)];
    }

    private static string Row(DbDataReader reader) =>
        string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : reader.GetValue(i).ToString()));

    private const string SqliteCatalogue = """
        SELECT 'column', m.name, c.name, c.type, c."notnull", c.pk, coalesce(c.dflt_value, '')
        FROM sqlite_master m JOIN pragma_table_info(m.name) c
        WHERE m.type = 'table' AND m.name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock', 'sqlite_sequence')
        UNION ALL
        SELECT 'index', m.name, il.name, il."unique", group_concat(ii.name, ','), '', ''
        FROM sqlite_master m JOIN pragma_index_list(m.name) il JOIN pragma_index_info(il.name) ii
        WHERE m.type = 'table' AND m.name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock', 'sqlite_sequence')
        GROUP BY m.name, il.name, il."unique"
        UNION ALL
        SELECT 'foreign key', m.name, fk."from", fk."table", fk."to", fk.on_delete, ''
        FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) fk
        WHERE m.type = 'table'
        UNION ALL
        SELECT 'autoincrement', name, '', '', '', '', '' FROM sqlite_master WHERE type = 'table' AND sql LIKE '%AUTOINCREMENT%'
        """;

    private const string PostgresCatalogue = """
        SELECT 'column', table_name, column_name, data_type, coalesce(character_maximum_length, 0)::text, is_nullable, is_identity || coalesce(identity_generation, '')
        FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock')
        UNION ALL
        SELECT 'index', tablename, indexname, indexdef, '', '', ''
        FROM pg_indexes
        WHERE schemaname = 'public' AND tablename NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock')
        UNION ALL
        SELECT 'constraint', cl.relname, co.conname, pg_get_constraintdef(co.oid), '', '', ''
        FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid JOIN pg_namespace n ON n.oid = cl.relnamespace
        WHERE n.nspname = 'public' AND cl.relname NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock')
        """;
}

public sealed class SchemaDriftOnSqlite() : SchemaDriftTests(DatabaseProvider.Sqlite);

public sealed class SchemaDriftOnPostgres() : SchemaDriftTests(DatabaseProvider.Postgres);
