using System.Net;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Model;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.People;

public abstract class PersonPagesTests(AppFixture app)
{
    private const string Manager = "manager@oakfield.example";

    private async Task<Dictionary<string, string>> ValidPersonAsync(string familyName) => new()
    {
        ["Input.ServiceId"] = (await app.IdOfServiceAsync("Oakfield House")).ToString(),
        ["Input.GivenName"] = "Winifred",
        ["Input.FamilyName"] = familyName,
        ["Input.DateOfBirth.Day"] = "3",
        ["Input.DateOfBirth.Month"] = "9",
        ["Input.DateOfBirth.Year"] = "1941",
        ["Input.NhsNumber"] = "943 476 5919",
    };

    [SkippableFact]
    public async Task Add_WithNothingEntered_NamesEveryMissingAnswerAndSavesNothing()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var client = await app.NewClient().SignInAsync(Manager);
        var before = await app.WithDatabaseAsync(db => db.People.CountAsync());

        var page = await client.PostAsync("/people/new", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Select the service the person uses", page.ErrorSummary);
        Assert.Contains("Enter the person's first name", page.ErrorSummary);
        Assert.Contains("Enter the person's last name", page.ErrorSummary);
        Assert.Contains("Enter date of birth", page.ErrorSummary);
        Assert.Equal("Enter the person's first name", page.FieldError("Input_GivenName"));
        Assert.StartsWith("Error:", page.Document.Title);
        Assert.Equal(before, await app.WithDatabaseAsync(db => db.People.CountAsync()));
    }

    [SkippableFact]
    public async Task Add_WithAnImpossibleDateAndAWrongNhsNumber_SaysHowToFixThemAndKeepsWhatWasTyped()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var client = await app.NewClient().SignInAsync(Manager);
        var form = await ValidPersonAsync("Impossible");
        form["Input.DateOfBirth.Day"] = "31";
        form["Input.DateOfBirth.Month"] = "2";
        form["Input.NhsNumber"] = "943 476 5918";
        form["Input.CommunicationNeeds"] = "Likes to be greeted by name";

        var page = await client.PostAsync("/people/new", form);

        Assert.Contains(page.ErrorSummary, e => e.Contains("real date"));
        Assert.Contains(page.ErrorSummary, e => e.StartsWith("Enter a valid NHS number"));
        Assert.Equal("Winifred", page.ValueOf("Input.GivenName"));
        Assert.Equal("31", page.ValueOf("Input.DateOfBirth.Day"));
        Assert.Equal("943 476 5918", page.ValueOf("Input.NhsNumber"));
        Assert.Contains("Likes to be greeted by name", page.ValueOf("Input.CommunicationNeeds"));
        Assert.False(await app.WithDatabaseAsync(db => db.People.AnyAsync(p => p.FamilyName == "Impossible")));
    }

    [SkippableFact]
    public async Task Add_WithATooLongNameOrAFutureBirthDate_SaysTheLimit()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var client = await app.NewClient().SignInAsync(Manager);
        var form = await ValidPersonAsync(new string('x', 101));
        form["Input.DateOfBirth.Year"] = "2999";

        var page = await client.PostAsync("/people/new", form);

        Assert.Equal("Last name must be 100 characters or fewer", page.FieldError("Input_FamilyName"));
        Assert.Contains("Date of birth must be in the past", page.ErrorSummary);
        Assert.Equal(new string('x', 101), page.ValueOf("Input.FamilyName"));
    }

    [SkippableFact]
    public async Task Add_NamingAnotherOrganisationsService_IsRefusedAtThatField()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var client = await app.NewClient().SignInAsync(Manager);
        var form = await ValidPersonAsync("Tampered");
        form["Input.ServiceId"] = (await app.IdOfServiceAsync("Riverside Lodge")).ToString();

        var page = await client.PostAsync("/people/new", form);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Select a service from the list", page.FieldError("Input_ServiceId"));
        Assert.False(await app.WithDatabaseAsync(db => db.People.AnyAsync(p => p.FamilyName == "Tampered")));
    }

    [SkippableFact]
    public async Task Add_WithGoodAnswers_SavesThePersonAndRecordsWhoAddedThem()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var client = await app.NewClient().SignInAsync(Manager);
        var form = await ValidPersonAsync("Added");
        var body = form.ToList();
        body.Add(new("Input.CommunicationMethods", nameof(CommunicationMethods.Makaton)));
        body.Add(new("Input.CommunicationMethods", nameof(CommunicationMethods.Symbols)));

        var page = await client.PostAsync("/people/new", body);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        var person = await app.WithDatabaseAsync(db => db.People.SingleAsync(p => p.FamilyName == "Added"));
        Assert.Equal("9434765919", person.NhsNumber);
        Assert.Equal(new DateOnly(1941, 9, 3), person.DateOfBirth);
        Assert.Equal(CommunicationMethods.Makaton | CommunicationMethods.Symbols, person.CommunicationMethods);
        var audit = await app.WithDatabaseAsync(db => db.AuditEvents.SingleAsync(a => a.EntityId == person.Id && a.Action == AuditAction.Created));
        Assert.Equal("Daniel Okafor", audit.UserName);
        Assert.Contains("Winifred", audit.Changes);
        var shown = await client.GetAsync(page.Location!);
        Assert.Contains("Winifred Added has been added.", shown.Body);
        Assert.Contains("943 476 5919", shown.Body);
    }

    [SkippableFact]
    public async Task Edit_WhenSomeoneElseSavedFirst_SaysSoAndKeepsWhatWasTyped()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var client = await app.NewClient().SignInAsync(Manager);
        await client.PostAsync("/people/new", await ValidPersonAsync("Stale"));
        var id = await app.IdOfPersonAsync("Stale");
        var form = await ValidPersonAsync("Stale");
        form["Input.Version"] = "1";
        form["Input.PreferredName"] = "Freda";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"/people/{id}/edit", form)).Status);

        form["Input.PreferredName"] = "Winnie";
        var stale = await client.PostAsync($"/people/{id}/edit", form);

        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains(stale.ErrorSummary, e => e.StartsWith("Someone else changed this record"));
        Assert.Equal("Winnie", stale.ValueOf("Input.PreferredName"));
        var saved = await app.WithDatabaseAsync(db => db.People.SingleAsync(p => p.Id == id));
        Assert.Equal("Freda", saved.PreferredName);
        Assert.Equal(2, saved.Version);
    }

    [SkippableFact]
    public async Task Edit_RecordsWhatChangedFromAndTo_InTheHistory()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var client = await app.NewClient().SignInAsync(Manager);
        await client.PostAsync("/people/new", await ValidPersonAsync("Historic"));
        var id = await app.IdOfPersonAsync("Historic");
        var form = await ValidPersonAsync("Historic");
        form["Input.Version"] = "1";
        form["Input.GivenName"] = "Wendy";
        form["Input.ChangeReason"] = "Name corrected from her passport";
        await client.PostAsync($"/people/{id}/edit", form);

        var history = await client.GetAsync($"/people/{id}/history");

        Assert.Contains("Changed details of Wendy Historic", history.Body);
        Assert.Contains("From “Winifred” to “Wendy”", history.Body);
        Assert.Contains("Name corrected from her passport", history.Body);
        Assert.Contains("Daniel Okafor", history.Body);
    }

    [SkippableFact]
    public async Task MovingAPersonToAnotherService_TakesTheirPracticesInPlaceWithThem()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var client = await app.NewClient().SignInAsync(Manager);
        await client.PostAsync("/people/new", await ValidPersonAsync("Mover"));
        var id = await app.IdOfPersonAsync("Mover");
        var start = UkTime.Today(app.Clock).AddDays(-1);
        await client.PostAsync($"/people/{id}/practices/new", new()
        {
            ["Input.Category"] = nameof(PracticeCategory.SurveillanceAndMonitoring), ["Input.Description"] = "Door sensor for Mover",
            ["Input.RestrictedThing"] = nameof(RestrictedThing.SomethingElse), ["Input.RestrictedThingInOwnWords"] = "Leaving the bedroom unseen",
            ["Input.Kind"] = nameof(PracticeKind.Planned), ["Input.ProposalReason"] = "Falls at night",
            ["Input.StartDate.Day"] = start.Day.ToString(), ["Input.StartDate.Month"] = start.Month.ToString(), ["Input.StartDate.Year"] = start.Year.ToString(),
        });
        var beech = await app.IdOfServiceAsync("Beech Road");
        var form = await ValidPersonAsync("Mover");
        form["Input.ServiceId"] = beech.ToString();
        form["Input.Version"] = "1";

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"/people/{id}/edit", form)).Status);

        var practice = await app.WithDatabaseAsync(db => db.Practices.SingleAsync(p => p.Description == "Door sensor for Mover"));
        Assert.Equal(beech, practice.ServiceId);
        Assert.Contains("Door sensor for Mover", (await client.GetAsync($"/services/{beech}/practices")).Body);
    }

    [SkippableFact]
    public async Task ViewingARecord_IsLoggedWithWhoLooked()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var peggy = await app.IdOfPersonAsync("Hughes");
        using var client = await app.NewClient().SignInAsync("commissioner@northshire.example");

        await client.GetAsync($"/people/{peggy}/practices");

        var views = await app.WithDatabaseAsync(db => db.AuditEvents
            .Where(a => a.PersonId == peggy && a.Action == AuditAction.Viewed && a.UserName == "Fiona Walsh").ToListAsync());
        Assert.Contains(views, v => v.Summary == "Viewed register of restrictive practices");
    }

    [SkippableFact]
    public async Task AddRepresentative_WithNoName_SaysSo_AndWithOne_ShowsThemOnTheRecord()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var peggy = await app.IdOfPersonAsync("Hughes");
        using var client = await app.NewClient().SignInAsync(Manager);
        var version = await app.WithDatabaseAsync(db => db.People.Where(p => p.Id == peggy).Select(p => p.Version).SingleAsync());

        var missing = await client.PostAsync($"/people/{peggy}/representatives/new", new() { ["Input.Version"] = version.ToString() });
        Assert.Contains("Enter the representative's name", missing.ErrorSummary);

        var added = await client.PostAsync($"/people/{peggy}/representatives/new", new()
        {
            ["Input.Version"] = version.ToString(), ["Input.Name"] = "Northshire IMCA Service", ["Input.Relationship"] = "IMCA",
            ["Input.Roles"] = nameof(RepresentativeRoles.IndependentMentalCapacityAdvocate),
        });
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        var details = await client.GetAsync($"/people/{peggy}");
        Assert.Contains("Northshire IMCA Service", details.Body);
        Assert.Contains("Independent Mental Capacity Advocate (IMCA)", details.Body);
    }
}

public sealed class PersonPagesOnSqlite(SqliteApp app) : PersonPagesTests(app), IClassFixture<SqliteApp>;

public sealed class PersonPagesOnPostgres(PostgresApp app) : PersonPagesTests(app), IClassFixture<PostgresApp>;
