using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Proportion.Core.Data;
using Proportion.Web.Infrastructure;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Reminders;

/// <summary>The app on SQLite with SMTP pointed at a sink, so the reminder job's emails can be read.</summary>
public sealed class SqliteAppWithEmail : AppFixture
{
    public SmtpSink Sink { get; } = new();

    public SqliteAppWithEmail() : base(DatabaseProvider.Sqlite) { }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Email:SmtpHost", "127.0.0.1");
        builder.UseSetting("Email:SmtpPort", Sink.Port.ToString());
        builder.UseSetting("Email:BaseUrl", "https://proportion.oakfield.example");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Sink.Dispose();
        }
    }
}

/// <summary>
/// The reminder job emails each reminder it sends when SMTP is configured. Email is the same on either
/// database, so this runs on SQLite only.
/// </summary>
public sealed class ReminderEmailTests(SqliteAppWithEmail app) : IClassFixture<SqliteAppWithEmail>
{
    [Fact]
    public async Task EachReminder_IsAlsoEmailed_OnceADay()
    {
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        // The demo's incidents were recorded days ago: the care worker owes two reflections, the manager one.
        var now = DateTime.UtcNow.Date.AddHours(12);

        var first = await ReminderService.RunOnceAsync(scopes, "instance-a", now, TimeSpan.FromMinutes(30));
        var again = await ReminderService.RunOnceAsync(scopes, "instance-a", now.AddMinutes(15), TimeSpan.FromMinutes(30));

        Assert.Equal(3, first);
        Assert.Equal(0, again);
        Assert.Equal(3, app.Sink.Messages.Count);
        Assert.Equal(2, app.Sink.Messages.Count(m => m.Contains("To: careworker@oakfield.example")));
        Assert.Single(app.Sink.Messages, m => m.Contains("To: manager@oakfield.example"));
    }
}
