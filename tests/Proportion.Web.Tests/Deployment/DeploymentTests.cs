using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Proportion.Core.Data;
using Proportion.Core.Scoping;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Deployment;

/// <summary>
/// Safe to deploy (ADR 0008): no demo data in Production, the create-organisation command, forwarded
/// headers believed only from the proxy, and data-protection keys encrypted at rest with a certificate.
/// Each test starts its own app on its own empty database.
/// </summary>
public abstract class DeploymentTests(DatabaseProvider provider)
{
    [SkippableFact]
    public async Task AProductionStart_OnAnEmptyDatabase_LoadsNoDemoData_EvenWhenAskedTo()
    {
        SkipWithoutDatabase();
        using var database = new TestDatabase(provider);
        await using (var app = new DeployedApp(provider, database.ConnectionString, "Production", new() { ["Demo:Seed"] = "true" }))
        {
            using var client = app.CreateClient(new() { BaseAddress = new Uri("https://proportion.example") });
            Assert.Equal("Healthy", await client.GetStringAsync("/health"));
        }

        await using var db = Open(database);
        Assert.False(await db.Organisations.AnyAsync());
        Assert.False(await db.Users.AnyAsync());
        Assert.Equal(9, await db.Roles.CountAsync()); // the eight of the procedure and the council's safeguarding adults officer
    }

    [SkippableFact]
    public async Task CreateOrganisationCommand_CreatesTheAdministrator_PrintsTheirPasswordOnce_AndRefusesTheSameEmailAgain()
    {
        SkipWithoutDatabase();
        using var database = new TestDatabase(provider);

        var (created, output) = await RunAppAsync(database, "create-organisation", "--name", "Hillside Care", "--admin-email", "admin@hillside.example", "--admin-name", "Ada Lovelace");
        var (again, refusal) = await RunAppAsync(database, "create-organisation", "--name", "Hillside Care Two", "--admin-email", "admin@hillside.example", "--admin-name", "Ada Lovelace");
        var (missing, usage) = await RunAppAsync(database, "create-organisation", "--name", "Hillside Care Three");

        Assert.True(created == 0, output);
        Assert.Contains("one-time password", output);
        Assert.Equal(1, again);
        Assert.Contains("A user with the email address admin@hillside.example already exists", refusal);
        Assert.NotEqual(0, missing);
        Assert.Contains("--admin-email", usage);
        await using var db = Open(database);
        var organisation = await db.Organisations.SingleAsync();
        Assert.Equal("Hillside Care", organisation.Name);
        var administrator = await db.Users.SingleAsync();
        Assert.True(administrator.MustChangePassword);
        Assert.Equal(organisation.Id, administrator.OrganisationId);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [SkippableFact]
    public async Task ForwardedHeaders_AreBelievedFromTheKnownProxy_AndFromNobodyElse()
    {
        SkipWithoutDatabase();
        using var database = new TestDatabase(provider);
        await using var app = new DeployedApp(provider, database.ConnectionString, "Production", new() { ["Proxy:KnownProxies"] = "10.0.0.5" });
        using var client = app.CreateClient(new() { BaseAddress = new Uri("http://proportion.example"), AllowAutoRedirect = false });

        using var fromProxy = await GetSignInAsync(client, from: "10.0.0.5");
        using var fromElsewhere = await GetSignInAsync(client, from: "10.0.0.9");

        Assert.True(fromProxy.Headers.Contains("Strict-Transport-Security"), "HTTPS at the proxy should bring HSTS");
        Assert.Contains("secure", Antiforgery(fromProxy));
        Assert.False(fromElsewhere.Headers.Contains("Strict-Transport-Security"), "a forwarded header from an unknown address must be ignored");
        Assert.DoesNotContain("secure", Antiforgery(fromElsewhere));
    }

    [SkippableFact]
    public async Task WithACertificate_KeysAreStoredEncrypted_AndAnotherInstanceCanStillReadThem()
    {
        SkipWithoutDatabase();
        using var database = new TestDatabase(provider);
        var pfx = Path.Combine(Path.GetTempPath(), $"proportion-keys-{Guid.NewGuid():N}.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Proportion data protection test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "test-pass"));
        }
        try
        {
            var settings = new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = pfx, ["DataProtection:CertificatePassword"] = "test-pass" };
            await using var first = new DeployedApp(provider, database.ConnectionString, "Testing", settings);
            await using var second = new DeployedApp(provider, database.ConnectionString, "Testing", settings);
            var noCookies = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false };
            using var toFirst = first.CreateClient(noCookies);
            using var toSecond = second.CreateClient(noCookies);
            using var form = await toFirst.GetAsync("/sign-in");

            await using (var db = Open(database))
            {
                var keys = await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync();
                Assert.NotEmpty(keys);
                Assert.All(keys, xml =>
                {
                    Assert.Contains("EncryptedData", xml);
                    Assert.Contains("encryptedKey", xml, StringComparison.OrdinalIgnoreCase);
                    Assert.DoesNotContain("<value>", xml);
                });
            }

            // The second instance must decrypt the stored key to accept the first one's antiforgery
            // token: the form then refuses the unknown account, rather than antiforgery refusing the post (400).
            var token = AppClient.TokenOf(new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await form.Content.ReadAsStringAsync()));
            using var post = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Input.Email"] = "nobody@example.org", ["Input.Password"] = "not a password", ["__RequestVerificationToken"] = token!,
                }),
            };
            post.Headers.Add("Cookie", string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
            using var refused = await toSecond.SendAsync(post);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Enter a correct email address and password", await refused.Content.ReadAsStringAsync());
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    [SkippableFact]
    public async Task Upgrading_KeepsTheKeysOfTheOldKeyStore()
    {
        SkipWithoutDatabase();
        using var database = new TestDatabase(provider);
        await using var db = Open(database);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("20261201000010_ReviewsAndMonitoring");
        await db.Database.ExecuteSqlRawAsync("""INSERT INTO "DataProtectionKeys" ("Id", "FriendlyName", "Xml") VALUES ({0}, {1}, {2})""",
            Guid.CreateVersion7(), "key-1", "<key id=\"1\" />");

        await db.Database.MigrateAsync();

        var key = await db.DataProtectionKeys.SingleAsync();
        Assert.Equal(("key-1", "<key id=\"1\" />"), (key.FriendlyName, key.Xml));
    }

    private void SkipWithoutDatabase() =>
        Skip.If(provider == DatabaseProvider.Postgres && !TestDatabase.PostgresAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");

    private ProportionDbContext Open(TestDatabase database) =>
        new(DatabaseSetup.Options(provider, database.ConnectionString)) { Scope = UserScope.System };

    private static async Task<HttpResponseMessage> GetSignInAsync(HttpClient client, string from)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sign-in");
        request.Headers.Add(DeployedApp.RemoteAddressHeader, from);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private static List<string> Antiforgery(HttpResponseMessage response) =>
        [.. response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery")).ToLowerInvariant().Split(';').Select(a => a.Trim())];

    /// <summary>Runs the built app as an operator would, with the given command line; returns its exit code and everything it printed.</summary>
    private async Task<(int ExitCode, string Output)> RunAppAsync(TestDatabase database, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Proportion.Web.dll"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["Database__Provider"] = provider.ToString();
        start.Environment["ConnectionStrings__Proportion"] = database.ConnectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(90)), "the command did not exit");
        return (process.ExitCode, await output + await errors);
    }
}

/// <summary>
/// The app on a database of its own, in the environment given. A request's client address can be set
/// with a test header, standing in for the TCP connection a proxy would make.
/// </summary>
internal sealed class DeployedApp(DatabaseProvider provider, string connectionString, string environment, Dictionary<string, string?> settings)
    : WebApplicationFactory<Program>
{
    public const string RemoteAddressHeader = "X-Test-Remote-Address";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Database:Provider", provider.ToString());
        builder.UseSetting("ConnectionStrings:Proportion", connectionString);
        builder.UseSetting("Reminders:Enabled", "false");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter, RemoteAddressFromHeader>());
    }

    private sealed class RemoteAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(RemoteAddressHeader, out var address))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public sealed class DeploymentOnSqlite() : DeploymentTests(DatabaseProvider.Sqlite);

public sealed class DeploymentOnPostgres() : DeploymentTests(DatabaseProvider.Postgres);
