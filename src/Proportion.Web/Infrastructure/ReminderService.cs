using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Reminders;
using Proportion.Core.Scoping;

namespace Proportion.Web.Infrastructure;

/// <summary>
/// The app's background work, in every instance, each piece under its own lease in the database (ADR 0006):
/// every few minutes the holder of the "reminders" lease sends what is due, and every few seconds one
/// instance seals the audit trail's new entries (ADR 0012). Set Reminders:Enabled to false to turn both
/// off (the web tests do, and run them by hand with their own clock).
/// </summary>
public sealed class ReminderService(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<ReminderService> log)
    : BackgroundService
{
    public const string LeaseName = "reminders";

    /// <summary>This process's name on the leases.</summary>
    private readonly string _holder = $"{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Reminders:Enabled", true))
        {
            return;
        }
        var remindEvery = TimeSpan.FromMinutes(configuration.GetValue("Reminders:IntervalMinutes", 15));
        var sealEvery = TimeSpan.FromSeconds(configuration.GetValue("Audit:SealIntervalSeconds", 5));
        await Task.WhenAll(
            RepeatAsync(remindEvery, ct => RunOnceAsync(scopes, _holder, clock.GetUtcNow().UtcDateTime, remindEvery * 2, ct),
                "Sending reminders failed", stoppingToken),
            RepeatAsync(sealEvery, ct => SealAuditTrailAsync(scopes, _holder, ct), "Sealing the audit trail failed", stoppingToken));
    }

    private async Task RepeatAsync(TimeSpan every, Func<CancellationToken, Task> work, string failure, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(every, clock);
        do
        {
            try
            {
                await work(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed round is tried again at the next tick; the lease lapses if this instance has gone.
                log.LogError(e, "{Failure}", failure);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <returns>The number of audit entries sealed, or null when another instance is sealing.</returns>
    public static async Task<int?> SealAuditTrailAsync(IServiceScopeFactory scopes, string holder, CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProportionDbContext>();
        db.Scope = UserScope.System;
        return await scope.ServiceProvider.GetRequiredService<AuditChain>().SealAsync(holder, ct);
    }

    /// <returns>The number of reminders sent, or null when another instance holds the lease. Each is also emailed when SMTP is configured.</returns>
    public static async Task<int?> RunOnceAsync(IServiceScopeFactory scopes, string holder, DateTime nowUtc, TimeSpan leaseLength, CancellationToken ct = default)
    {
        List<Guid> organisations;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProportionDbContext>();
            db.Scope = UserScope.System;
            if (!await new JobLeases(db).TryTakeAsync(LeaseName, holder, nowUtc, leaseLength, ct))
            {
                return null;
            }
            organisations = await db.Organisations.Where(o => o.Kind == OrganisationKind.Provider).OrderBy(o => o.Id).Select(o => o.Id).ToListAsync(ct);
        }
        // One provider organisation at a time, each in its own context that is then let go: the due work of the
        // largest organisation is the most this holds in memory, however many organisations there are.
        var sent = 0;
        foreach (var organisationId in organisations)
        {
            sent += await RemindOrganisationAsync(scopes, organisationId, nowUtc, ct);
        }
        sent += await AlertAsync(scopes, nowUtc, ct);
        return sent;
    }

    /// <summary>One provider organisation's reflection reminders and due-work reminders, sent and emailed.</summary>
    public static async Task<int> RemindOrganisationAsync(IServiceScopeFactory scopes, Guid organisationId, DateTime nowUtc, CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProportionDbContext>();
        db.Scope = UserScope.SystemForOrganisation(organisationId);
        var links = scope.ServiceProvider.GetRequiredService<Proportion.Core.Links.IRecordLinks>();
        var rules = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Proportion.Core.Rules.RuleSettings>>();
        var reminders = (await new ReflectionReminders(db, links).SendAsync(nowUtc, ct)).Select(r => (Reminder: r, Subject: "Proportion: a reflection to write"))
            .Concat((await new OversightReminders(db, rules, links).SendAsync(nowUtc, ct))
                .Select(r => (Reminder: r, Subject: "Proportion: a review, monitoring or audit is due")))
            .ToList();
        await scope.ServiceProvider.GetRequiredService<EmailSender>().EmailAsync(db, reminders, ct: ct);
        return reminders.Count;
    }

    /// <summary>
    /// The alerts that look across organisations, under the same lease, so each is raised once: restriction
    /// creeping up (R14, ADR 0025), then news for the council that funds the person (R27), which includes those.
    /// </summary>
    private static async Task<int> AlertAsync(IServiceScopeFactory scopes, DateTime nowUtc, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProportionDbContext>();
        db.Scope = UserScope.System;
        var links = scope.ServiceProvider.GetRequiredService<Proportion.Core.Links.IRecordLinks>();
        var alerts = (await scope.ServiceProvider.GetRequiredService<Proportion.Core.Analytics.CreepAlerts>().RaiseAsync(nowUtc, ct))
                .Select(r => (Reminder: r, Subject: "Proportion: restriction is rising"))
            .Concat((await new Proportion.Core.Commissioning.CouncilAlerts(db, links).RaiseAsync(nowUtc, ct))
                .Select(r => (Reminder: r, Subject: "Proportion: news of someone your council funds")))
            .ToList();
        await scope.ServiceProvider.GetRequiredService<EmailSender>().EmailAsync(db, alerts, ct: ct);
        return alerts.Count;
    }
}
