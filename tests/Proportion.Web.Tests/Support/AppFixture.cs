using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proportion.Core.Data;
using Proportion.Core.Scoping;

namespace Proportion.Web.Tests.Support;

/// <summary>
/// The real app, in process, on a real database of one provider, seeded with the demo data. One per
/// test class; tests that write make their own records so they do not depend on each other.
/// </summary>
public abstract class AppFixture : WebApplicationFactory<Program>
{
    private readonly DatabaseProvider _provider;
    private TestDatabase? _database;

    protected AppFixture(DatabaseProvider provider) => _provider = provider;

    public bool IsAvailable => _provider == DatabaseProvider.Sqlite || TestDatabase.PostgresAvailable;

    public DatabaseProvider Provider => _provider;

    /// <summary>The app's clock: tests move it to prove deadlines.</summary>
    public TestClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        _database = new TestDatabase(_provider);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", _provider.ToString());
        builder.UseSetting("ConnectionStrings:Proportion", _database.ConnectionString);
        builder.UseSetting("Demo:Seed", "true");
        // Reminders run on the real clock in the background; tests run them by hand with their own.
        builder.UseSetting("Reminders:Enabled", "false");
        // Council sign-in tests run a real OpenID Connect provider on a loopback port, over plain http.
        builder.UseSetting("CouncilSignIn:AllowHttpLoopback", "true");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see each answer.</summary>
    public AppClient NewClient() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Runs arrange or assert code against the database with no scope filter.</summary>
    public async Task<T> WithDatabaseAsync<T>(Func<ProportionDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProportionDbContext>();
        db.Scope = UserScope.System;
        return await work(db);
    }

    public Task WithDatabaseAsync(Func<ProportionDbContext, Task> work) =>
        WithDatabaseAsync(async db => { await work(db); return true; });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _database?.Dispose();
        }
    }

    /// <summary>The password of every care worker <see cref="NewCareWorkerAsync"/> adds.</summary>
    public const string NewUserPassword = "A long enough password";

    /// <summary>Adds a care worker through the administrator's page, as an administrator would; returns their email.</summary>
    public async Task<string> NewCareWorkerAsync(string name)
    {
        var email = $"{name}-{Guid.NewGuid():N}@oakfield.example";
        using var admin = await NewClient().SignInAsync("admin@oakfield.example");
        var added = await admin.PostAsync("/admin/users/new", new()
        {
            ["Input.DisplayName"] = "Test " + name, ["Input.Email"] = email, ["Input.Roles"] = "CareWorker", ["Input.Password"] = NewUserPassword,
        });
        if (added.Status != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Adding {email} failed: {added.Status} {string.Join("; ", added.ErrorSummary)}");
        }
        return email;
    }

    public async Task<Guid> IdOfPersonAsync(string familyName) =>
        await WithDatabaseAsync(db => db.People.Where(p => p.FamilyName == familyName).Select(p => p.Id).SingleAsync());

    public async Task<Guid> IdOfServiceAsync(string name) =>
        await WithDatabaseAsync(db => db.Services.Where(s => s.Name == name).Select(s => s.Id).SingleAsync());

    public async Task<Guid> IdOfUserAsync(string email) =>
        await WithDatabaseAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
}

public sealed class SqliteApp() : AppFixture(DatabaseProvider.Sqlite);

public sealed class PostgresApp() : AppFixture(DatabaseProvider.Postgres);
