using System.CommandLine;
using Proportion.Core.Data;
using Proportion.Core.Organisations;
using Proportion.Core.Scoping;

namespace Proportion.Web.Infrastructure;

/// <summary>
/// The commands an operator runs instead of starting the web app, as
/// <c>dotnet run --project src/Proportion.Web -- COMMAND</c> or <c>dotnet Proportion.Web.dll COMMAND</c>:
/// <c>migrate</c> brings the database up to date; <c>create-organisation</c> also creates the first
/// provider organisation and its administrator (README: Deploying).
/// </summary>
public static class ProportionCommands
{
    private static readonly string[] Names = ["migrate", "create-organisation"];

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

        return await new RootCommand("Proportion") { migrate, createOrganisation }.Parse(args).InvokeAsync();
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
}
