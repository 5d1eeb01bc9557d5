using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Scoping;
using Proportion.Web.Infrastructure;

namespace Proportion.Bench;

/// <summary>
/// Times the reminder job as the app runs it (<see cref="ReminderService.RunOnceAsync"/>, built from the app's own
/// services on this database), one provider organisation at a time: each organisation's time, the managed memory
/// still held after it (which stays flat if nothing is carried from one organisation to the next), and the
/// process's peak working set. Two rounds: the first sends every reminder due, the second finds them all sent.
/// </summary>
public static class RemindersBenchmark
{
    public static async Task<int> RunAsync(DueSettings s, CancellationToken ct)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory, ApplicationName = "Proportion.Web" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = s.Provider.ToString(),
            ["ConnectionStrings:Proportion"] = s.Connection,
            ["Reminders:Enabled"] = "false",
            ["Demo:Seed"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddProportion();
        await using var app = builder.Build();
        // Links are built from the mapped routes, as in the app.
        app.UseProportion();
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();

        int practices, organisations;
        await using (var db = new ProportionDbContext(DatabaseSetup.Options(s.Provider, s.Connection)) { Scope = UserScope.System })
        {
            practices = await db.Practices.CountAsync(ct);
            organisations = await db.Organisations.CountAsync(o => o.Kind == OrganisationKind.Provider, ct);
        }
        Console.WriteLine($"Provider {s.Provider}; {practices:N0} practices in {organisations} provider organisations.");
        Console.WriteLine();
        Console.WriteLine("| round | organisation | reminders sent | time (ms) | managed memory held after (MiB) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        var now = DateTime.UtcNow;
        for (var round = 1; round <= 2; round++)
        {
            var ids = await OrganisationsAsync(scopes, ct);
            var roundTime = Stopwatch.StartNew();
            var sent = 0;
            var held = new List<double>();
            for (var n = 0; n < ids.Count; n++)
            {
                var one = Stopwatch.StartNew();
                var count = await ReminderService.RemindOrganisationAsync(scopes, ids[n], now, ct);
                one.Stop();
                sent += count;
                held.Add(GC.GetTotalMemory(forceFullCollection: true) / 1048576.0);
                Console.WriteLine($"| {round} | {n + 1} | {count:N0} | {one.Elapsed.TotalMilliseconds:F0} | {held[^1]:F1} |");
            }
            roundTime.Stop();
            Console.WriteLine($"| {round} | all {ids.Count} | {sent:N0} | {roundTime.Elapsed.TotalMilliseconds:F0} | {held.Min():F1} to {held.Max():F1} |");
        }
        Console.WriteLine();
        Console.WriteLine($"Peak working set of this process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB.");
        var whole = Stopwatch.StartNew();
        var total = await ReminderService.RunOnceAsync(scopes, "bench", now, TimeSpan.FromMinutes(30), ct);
        Console.WriteLine($"A third round through RunOnceAsync (every organisation, then the alerts across them): {total:N0} sent in {whole.Elapsed.TotalMilliseconds:F0} ms.");
        return 0;
    }

    private static async Task<List<Guid>> OrganisationsAsync(IServiceScopeFactory scopes, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProportionDbContext>();
        db.Scope = UserScope.System;
        return await db.Organisations.Where(o => o.Kind == OrganisationKind.Provider).OrderBy(o => o.Id).Select(o => o.Id).ToListAsync(ct);
    }
}
