using Microsoft.EntityFrameworkCore;
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
        // The demo also has reviews overdue and due, which the managers are reminded of (R9).
        var now = app.Clock.GetUtcNow().UtcDateTime.Date.AddHours(12);
        var inApp = await app.WithDatabaseAsync(db => db.Notifications.CountAsync(n => n.ReminderKey != null));

        var first = await ReminderService.RunOnceAsync(scopes, "instance-a", now, TimeSpan.FromMinutes(30));
        var again = await ReminderService.RunOnceAsync(scopes, "instance-a", now.AddMinutes(15), TimeSpan.FromMinutes(30));

        Assert.Equal(0, again);
        Assert.Equal(first, app.Sink.Messages.Count);
        Assert.Equal(first, await app.WithDatabaseAsync(db => db.Notifications.CountAsync(n => n.ReminderKey != null)) - inApp);
        var reflections = app.Sink.Messages.Where(m => m.Contains("Subject: Proportion: a reflection to write")).ToList();
        Assert.Equal(3, reflections.Count);
        Assert.Equal(2, reflections.Count(m => m.Contains("To: careworker@oakfield.example")));
        Assert.Single(reflections, m => m.Contains("To: manager@oakfield.example"));
        var oversight = app.Sink.Messages.Where(m => m.Contains("Subject: Proportion: a review, monitoring or audit is due")).ToList();
        Assert.Contains(oversight, m => m.Contains("To: manager@oakfield.example"));
        // Arthur's review is overdue, so it is escalated to the senior manager as well.
        Assert.Contains(oversight, m => m.Contains("To: senior@oakfield.example"));
        Assert.DoesNotContain(oversight, m => m.Contains("To: careworker@oakfield.example"));
    }
}
