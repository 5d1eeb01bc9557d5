using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using System.CommandLine;
using Proportion.Core.Data;
using Proportion.Core.Organisations;
using Proportion.Core.Scoping;

namespace Proportion.Web.Infrastructure;

/// <summary>
/// The commands an operator runs instead of starting the web app, as
/// <c>dotnet run --project src/Proportion.Web -- COMMAND</c> or <c>dotnet Proportion.Web.dll COMMAND</c>:
/// <c>migrate</c> brings the database up to date; <c>create-organisation</c> also creates the first
/// provider organisation and its administrator (README: Deploying); <c>verify-audit</c> seals and checks
/// every organisation's audit trail (ADR 0012). Every command is here, in one place.
/// </summary>
public static class ProportionCommands
{
    private static readonly string[] Names = ["migrate", "create-organisation", "verify-audit"];

    /// <summary>Anything else (no arguments, or host settings such as --urls) starts the web app.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && Names.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var migrate = new Command("migrate", "Bring the database up to date, then exit.");
        migrate.SetAction(async (_, _) =>
        {
            await app.MigrateDatabaseAsync(seedDemoData: false);
            return 0;
        });

        var name = new Option<string>("--name") { Description = "The provider organisation's name", Required = true };
        var adminEmail = new Option<string>("--admin-email") { Description = "The organisation administrator's email address", Required = true };
        var adminName = new Option<string>("--admin-name") { Description = "The organisation administrator's name", Required = true };
        var createOrganisation = new Command("create-organisation",
            "Bring the database up to date, then create a provider organisation and its organisation administrator with a one-time password.")
        {
            name, adminEmail, adminName,
        };
        createOrganisation.SetAction(async (parsed, ct) =>
        {
            await app.MigrateDatabaseAsync(seedDemoData: false);
            return await CreateOrganisationAsync(app.Services, parsed.GetRequiredValue(name), parsed.GetRequiredValue(adminEmail),
                parsed.GetRequiredValue(adminName), Console.Out, Console.Error, ct);
        });

        var verifyAudit = new Command("verify-audit",
            "Seal the audit entries waiting, then check every organisation's audit trail: exit 0 when intact, 1 when not, 2 when the database needs migrating.");
        verifyAudit.SetAction((_, ct) => VerifyAuditTrailAsync(app.Services, Console.Out, ct));

        return await new RootCommand("Proportion") { migrate, createOrganisation, verifyAudit }.Parse(args).InvokeAsync();
    }

    /// <summary>
    /// Creates the organisation and prints the administrator's one-time password, once: it is not
    /// stored anywhere else, and it stops working when they choose their own at first sign-in.
    /// </summary>
    public static async Task<int> CreateOrganisationAsync(IServiceProvider services, string name, string adminEmail, string adminName,
        TextWriter output, TextWriter errors, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ProportionDbContext>().Scope = UserScope.System;
        try
        {
            var created = await scope.ServiceProvider.GetRequiredService<OrganisationSetup>()
                .CreateProviderAsync(name, adminEmail, adminName, ct);
            await output.WriteLineAsync($"""

                Created the organisation {name.Trim()}.
                Its organisation administrator, {adminName.Trim()}, signs in as {adminEmail.Trim()} with this one-time password:

                    {created.OneTimePassword}

                It is shown only now. They will be asked to choose their own password when they first sign in.
                """);
            return 0;
        }
        catch (RuleViolationException refused)
        {
            foreach (var (field, message) in refused.Errors)
            {
                await errors.WriteLineAsync($"--{field}: {message}.");
            }
            await errors.WriteLineAsync("Nothing was created.");
            return 1;
        }
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
