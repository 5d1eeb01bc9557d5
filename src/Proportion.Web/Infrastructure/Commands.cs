using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Scoping;

namespace Proportion.Web.Infrastructure;

/// <summary>
/// What the app can be asked to do instead of serving, each with its exit code:
/// <c>dotnet run --project src/Proportion.Web -- &lt;command&gt;</c>. Every command is listed here, in one place.
/// </summary>
public static class Commands
{
    private static readonly Dictionary<string, Func<WebApplication, Task<int>>> All = new()
    {
        // Brings an existing database up to date and exits.
        ["migrate"] = async app =>
        {
            await app.MigrateDatabaseAsync(seedDemoData: false);
            return 0;
        },
        // Seals what is waiting, then checks every organisation's audit trail: 0 when intact, 1 when not (ADR 0012).
        ["verify-audit"] = app => VerifyAuditTrailAsync(app.Services, Console.Out),
    };

    /// <returns>The exit code of the command named in <paramref name="args"/>, or null when none is: then the app serves.</returns>
    public static async Task<int?> RunCommandAsync(this WebApplication app, string[] args)
    {
        var command = args.FirstOrDefault(All.ContainsKey);
        return command is null ? null : await All[command](app);
    }

    /// <returns>0 when every organisation's chain is intact, 1 when one is not, 2 when the database is not up to date.</returns>
    public static async Task<int> VerifyAuditTrailAsync(IServiceProvider services, TextWriter output, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProportionDbContext>();
        db.Scope = UserScope.System;
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            await output.WriteLineAsync("The database is not up to date: run the migrate command first.");
            return 2;
        }
        var chain = scope.ServiceProvider.GetRequiredService<AuditChain>();
        var holder = $"verify-audit:{Environment.ProcessId}:{Guid.NewGuid():N}";
        // A running instance lets the lease go after each round, which takes well under a second.
        var sealedNow = await chain.SealAsync(holder, ct);
        for (var attempt = 1; sealedNow is null && attempt < 10; attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
            sealedNow = await chain.SealAsync(holder, ct);
        }
        await output.WriteLineAsync(sealedNow is { } count
            ? $"Sealed {count} new audit {(count == 1 ? "entry" : "entries")}."
            : "Another instance is sealing the audit trail: entries it has not sealed yet are shown as waiting.");

        var reports = await chain.VerifyEveryOrganisationAsync(ct);
        var ids = reports.Select(r => r.OrganisationId).ToList();
        var names = await db.Organisations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        foreach (var report in reports)
        {
            var organisation = $"{names.GetValueOrDefault(report.OrganisationId, "Unknown organisation")} ({report.OrganisationId})";
            var waiting = report.UnsealedEntries > 0 ? $", {report.UnsealedEntries} waiting to be sealed" : "";
            await output.WriteLineAsync(report.FirstBreak is { } broken
                ? $"{organisation}: NOT INTACT. {broken.Describe()}"
                : $"{organisation}: intact, {report.VerifiedEntries} entries{waiting}. Latest hash {report.HeadHash}.");
        }
        if (reports.Count == 0)
        {
            await output.WriteLineAsync("There are no audit entries yet.");
        }
        return reports.All(r => r.IsIntact) ? 0 : 1;
    }
}
