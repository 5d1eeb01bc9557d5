using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Reminders;
using Proportion.Core.Scoping;

namespace Proportion.Web.Infrastructure;

/// <summary>
/// Background reminders (design.md). Every few minutes each instance tries to take the "reminders" lease;
/// the one that holds it sends what is due. Set Reminders:Enabled to false to turn it off (the tests do,
/// and run it by hand with their own clock).
/// </summary>
public sealed class ReminderService(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<ReminderService> log)
    : BackgroundService
{
    public const string LeaseName = "reminders";

    /// <summary>This process's name on the lease.</summary>
    private readonly string _holder = $"{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Reminders:Enabled", true))
        {
            return;
        }
        var every = TimeSpan.FromMinutes(configuration.GetValue("Reminders:IntervalMinutes", 15));
        using var timer = new PeriodicTimer(every, clock);
        do
        {
            try
            {
                await RunOnceAsync(scopes, _holder, clock.GetUtcNow().UtcDateTime, every * 2, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed round is tried again at the next tick; the lease lapses if this instance has gone.
                log.LogError(e, "Sending reminders failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <returns>The number of reminders sent, or null when another instance holds the lease. Each is also emailed when SMTP is configured.</returns>
    public static async Task<int?> RunOnceAsync(IServiceScopeFactory scopes, string holder, DateTime nowUtc, TimeSpan leaseLength, CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProportionDbContext>();
        db.Scope = UserScope.System;
        if (!await new JobLeases(db).TryTakeAsync(LeaseName, holder, nowUtc, leaseLength, ct))
        {
            return null;
        }
        var links = scope.ServiceProvider.GetRequiredService<Proportion.Core.Links.IRecordLinks>();
        var reminders = (await new ReflectionReminders(db, links).SendAsync(nowUtc, ct)).Select(r => (Reminder: r, Subject: "Proportion: a reflection to write"))
            .Concat((await new OversightReminders(db, scope.ServiceProvider.GetRequiredService<IConfiguration>(), links).SendAsync(nowUtc, ct))
                .Select(r => (Reminder: r, Subject: "Proportion: a review, monitoring or audit is due")))
            .ToList();
        var email = scope.ServiceProvider.GetRequiredService<EmailSender>();
        if (email.IsConfigured && reminders.Count > 0)
        {
            var userIds = reminders.Select(r => r.Reminder.UserId).Distinct().ToList();
            var addresses = await db.Users.Where(u => userIds.Contains(u.Id) && u.IsActive && u.Email != null)
                .ToDictionaryAsync(u => u.Id, u => u.Email!, ct);
            foreach (var (reminder, subject) in reminders.Where(r => addresses.ContainsKey(r.Reminder.UserId)))
            {
                await email.SendAsync(addresses[reminder.UserId], subject, reminder.Message, reminder.Link, ct);
            }
        }
        return reminders.Count;
    }
}
