using Proportion.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddProportion();

var app = builder.Build();

// `dotnet run --project src/Proportion.Web -- migrate` brings an existing database up to date and exits.
if (args.Contains("migrate"))
{
    await app.MigrateDatabaseAsync(seedDemoData: false);
    return;
}

// Routes first: the demo data's messages link to pages, and a link is built from the mapped routes.
app.UseProportion();
await app.MigrateDatabaseAsync(seedDemoData: app.Configuration.GetValue("Demo:Seed", true));
app.PrintWelcomeOnStart();
await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
