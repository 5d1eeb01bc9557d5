using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Scoping;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Data;

/// <summary>What happens when Proportion starts: the migrate command, first-run demo data, and a second run.</summary>
public abstract class StartupTests(DatabaseProvider provider)
{
    [SkippableFact]
    public async Task MigrateCommand_BringsAnEmptyDatabaseUpToDate_WithoutDemoData_AndExits()
    {
        Skip.If(provider == DatabaseProvider.Postgres && !TestDatabase.PostgresAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var database = new TestDatabase(provider);
        var app = Path.Combine(AppContext.BaseDirectory, "Proportion.Web.dll");
        var start = new ProcessStartInfo("dotnet", [app, "migrate"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["Database__Provider"] = provider.ToString();
        start.Environment["ConnectionStrings__Proportion"] = database.ConnectionString;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(90)), "migrate did not exit");

        Assert.True(process.ExitCode == 0, await output + await errors);
        await using var db = new ProportionDbContext(DatabaseSetup.Options(provider, database.ConnectionString)) { Scope = UserScope.System };
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(await db.Organisations.AnyAsync());
        Assert.Equal(9, await db.Roles.CountAsync()); // the eight of the procedure and the council's safeguarding adults officer
    }

    [SkippableFact]
    public async Task ASecondRun_KeepsTheDataAndAddsNoSecondCopyOfTheDemo()
    {
        Skip.If(provider == DatabaseProvider.Postgres && !TestDatabase.PostgresAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var database = new TestDatabase(provider);
        for (var run = 0; run < 2; run++)
        {
            await using var app = new SharedDatabaseApp(provider, database.ConnectionString);
            using var client = app.CreateClient();
            Assert.Equal("Healthy", await client.GetStringAsync("/health"));
        }

        await using var db = new ProportionDbContext(DatabaseSetup.Options(provider, database.ConnectionString)) { Scope = UserScope.System };
        Assert.Equal(3, await db.Organisations.CountAsync());
        Assert.Equal(12, await db.People.CountAsync());
    }

    private sealed class SharedDatabaseApp(DatabaseProvider provider, string connectionString)
        : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.UseSetting("Database:Provider", provider.ToString());
            builder.UseSetting("ConnectionStrings:Proportion", connectionString);
            builder.UseSetting("Demo:Seed", "true");
        }
    }
}

public sealed class StartupOnSqlite() : StartupTests(DatabaseProvider.Sqlite);

public sealed class StartupOnPostgres() : StartupTests(DatabaseProvider.Postgres);
