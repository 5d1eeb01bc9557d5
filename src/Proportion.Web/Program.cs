using Proportion.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddProportion();

var app = builder.Build();

// `migrate`, `create-organisation` and `verify-audit` do their work and exit (README: Deploying).
if (ProportionCommands.IsCommand(args))
{
    return await ProportionCommands.RunAsync(app, args);
}

// Routes first: the demo data's messages link to pages, and a link is built from the mapped routes.
app.UseProportion();
var demoDataInUse = await app.MigrateDatabaseAsync(seedDemoData: app.DemoDataWanted());
app.WarnIfKeysAreNotEncrypted();
app.PrintWelcomeOnStart(demoDataInUse);
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
