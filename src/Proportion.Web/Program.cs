using Proportion.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddProportion();

var app = builder.Build();

// `dotnet run --project src/Proportion.Web -- migrate` (or another command in Commands) does its job and exits.
if (await app.RunCommandAsync(args) is { } exitCode)
{
    return exitCode;
}

await app.MigrateDatabaseAsync(seedDemoData: app.Configuration.GetValue("Demo:Seed", true));
app.UseProportion();
app.PrintWelcomeOnStart();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
