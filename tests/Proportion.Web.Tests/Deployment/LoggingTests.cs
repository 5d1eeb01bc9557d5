using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Proportion.Core.Data;
using Proportion.Web.Infrastructure;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Deployment;

/// <summary>
/// Secrets and NHS numbers never reach a log. Every line the app logs, at every level and from every
/// source (our own code, Identity, EF Core, MVC, the email sender), is captured while a user is
/// added with a password, signs in, changes their password, a person is added with an NHS number and
/// an email cannot be sent through an SMTP server that needs a password.
/// </summary>
public abstract class LoggingTests(LoggingTests.CapturingApp app)
{
    private const string InitialPassword = "Initial secret password 4417";
    private const string NewPassword = "Changed secret password 8823";
    private const string SmtpPassword = "smtp-secret-5521";
    private const string NhsNumber = "485 777 3457";

    [SkippableFact]
    public async Task NoLogLine_ContainsAPassword_OrAnNhsNumber()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        app.Lines.Clear();

        var email = $"logging-{Guid.NewGuid():N}@oakfield.example";
        using (var admin = await app.NewClient().SignInAsync("admin@oakfield.example"))
        {
            var added = await admin.PostAsync("/admin/users/new", new()
            {
                ["Input.DisplayName"] = "Logging Test", ["Input.Email"] = email, ["Input.Roles"] = "CareWorker", ["Input.Password"] = InitialPassword,
            });
            Assert.Equal(HttpStatusCode.Redirect, added.Status);
        }
        using (var user = await app.NewClient().SignInAsync(email, InitialPassword))
        {
            var wrong = await user.PostAsync("/account/password", new() { ["Input.CurrentPassword"] = NewPassword, ["Input.NewPassword"] = InitialPassword });
            Assert.Equal(HttpStatusCode.OK, wrong.Status);
            var changed = await user.PostAsync("/account/password", new() { ["Input.CurrentPassword"] = InitialPassword, ["Input.NewPassword"] = NewPassword });
            Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        }
        using (var failedSignIn = app.NewClient())
        {
            await failedSignIn.PostAsync("/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = InitialPassword });
        }
        using (var manager = await app.NewClient().SignInAsync("manager@oakfield.example"))
        {
            var person = await manager.PostAsync("/people/new", new()
            {
                ["Input.ServiceId"] = (await app.IdOfServiceAsync("Oakfield House")).ToString(),
                ["Input.GivenName"] = "Logged", ["Input.FamilyName"] = "Nowhere",
                ["Input.DateOfBirth.Day"] = "3", ["Input.DateOfBirth.Month"] = "9", ["Input.DateOfBirth.Year"] = "1941",
                ["Input.NhsNumber"] = NhsNumber,
            });
            Assert.Equal(HttpStatusCode.Redirect, person.Status);
        }
        var sent = await app.Services.GetRequiredService<EmailSender>().SendAsync("someone@oakfield.example", "A reminder", "Text", "/");
        Assert.False(sent);

        var lines = app.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("Could not email"));
        Assert.Contains(lines, l => l.Contains("Microsoft.EntityFrameworkCore.Database.Command"));
        var secrets = new[] { InitialPassword, NewPassword, SmtpPassword, NhsNumber, NhsNumber.Replace(" ", "") };
        var leaks = lines.Where(line => secrets.Any(secret => line.Contains(secret, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} of {lines.Count} log lines hold a secret:\n" + string.Join("\n", leaks.Take(5)));
    }

    /// <summary>The test app, logging everything at every level to a list, with an SMTP server that is not there.</summary>
    public abstract class CapturingApp(DatabaseProvider provider) : AppFixture(provider)
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Logging:LogLevel:Default", "Trace");
            builder.UseSetting("Logging:LogLevel:Microsoft", "Trace");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Trace");
            builder.UseSetting("Email:SmtpHost", "127.0.0.1");
            builder.UseSetting("Email:SmtpPort", ClosedPort().ToString());
            builder.UseSetting("Email:UserName", "proportion");
            builder.UseSetting("Email:Password", SmtpPassword);
            builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(new Capture(Lines)));
        }

        private static int ClosedPort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }

    private sealed class Capture(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                // The message, its structured values and any exception: whatever a log sink could write.
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {values} {exception}");
            }
        }
    }
}

public sealed class SqliteCapturingApp() : LoggingTests.CapturingApp(DatabaseProvider.Sqlite);

public sealed class PostgresCapturingApp() : LoggingTests.CapturingApp(DatabaseProvider.Postgres);

public sealed class LoggingOnSqlite(SqliteCapturingApp app) : LoggingTests(app), IClassFixture<SqliteCapturingApp>;

public sealed class LoggingOnPostgres(PostgresCapturingApp app) : LoggingTests(app), IClassFixture<PostgresCapturingApp>;
