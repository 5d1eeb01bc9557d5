using System.Net;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Model;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Admin;

public abstract class AdministrationTests(AppFixture app)
{
    private const string Admin = "admin@oakfield.example";

    [SkippableFact]
    public async Task AddUser_WithAShortPasswordAndAnInventedRole_SaysHowToFixEach()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var client = await app.NewClient().SignInAsync(Admin);

        var page = await client.PostAsync("/admin/users/new", new()
        {
            ["Input.DisplayName"] = "Sam Short", ["Input.Email"] = "short@oakfield.example",
            ["Input.Roles"] = "SuperAdministrator", ["Input.Password"] = "short",
        });

        Assert.Contains("Select roles from the list", page.ErrorSummary);
        Assert.Equal("Sam Short", page.ValueOf("Input.DisplayName"));
        Assert.True(string.IsNullOrEmpty(page.ValueOf("Input.Password")), "A password is never sent back to the browser");

        var weak = await client.PostAsync("/admin/users/new", new()
        {
            ["Input.DisplayName"] = "Sam Short", ["Input.Email"] = "short@oakfield.example",
            ["Input.Roles"] = "CareWorker", ["Input.Password"] = "short",
        });
        Assert.Contains("Password must be 12 characters or more", weak.ErrorSummary);
        Assert.False(await app.WithDatabaseAsync(db => db.Users.AnyAsync(u => u.Email == "short@oakfield.example")));
    }

    [SkippableFact]
    public async Task AddUser_WithAnEmailAlreadyInUse_IsRefused()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var client = await app.NewClient().SignInAsync(Admin);

        var page = await client.PostAsync("/admin/users/new", new()
        {
            ["Input.DisplayName"] = "Copy", ["Input.Email"] = "MANAGER@oakfield.example",
            ["Input.Roles"] = "CareWorker", ["Input.Password"] = "A long enough password",
        });

        Assert.Equal("A user with this email address already exists", page.FieldError("Input_Email"));
    }

    [SkippableFact]
    public async Task AddUser_AssignedToAService_SeesThatServicesPeopleOnly()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var admin = await app.NewClient().SignInAsync(Admin);
        var beech = await app.IdOfServiceAsync("Beech Road");
        var email = $"beech-{Guid.NewGuid():N}@oakfield.example";

        var added = await admin.PostAsync("/admin/users/new", new()
        {
            ["Input.DisplayName"] = "Bea Beech", ["Input.Email"] = email, ["Input.Roles"] = "CareWorker",
            ["Input.ServiceIds"] = beech.ToString(), ["Input.Password"] = "A long enough password",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.Status);

        using var worker = await app.NewClient().SignInAsync(email, "A long enough password");
        var people = (await worker.GetAsync("/people")).Body;
        Assert.Contains("Adeyemi", people);
        Assert.DoesNotContain("Hughes", people);
        var audit = await app.WithDatabaseAsync(db => db.AuditEvents.AnyAsync(a => a.EntityType == "User" && a.Summary == "Added user Bea Beech"));
        Assert.True(audit);
    }

    [SkippableFact]
    public async Task ARoleTakenAway_StopsWorkingOnTheUsersNextRequest()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var admin = await app.NewClient().SignInAsync(Admin);
        var email = $"demoted-{Guid.NewGuid():N}@oakfield.example";
        await admin.PostAsync("/admin/users/new", new()
        {
            ["Input.DisplayName"] = "Dee Moted", ["Input.Email"] = email, ["Input.Roles"] = "ServiceManager",
            ["Input.Password"] = "A long enough password",
        });
        using var user = await app.NewClient().SignInAsync(email, "A long enough password");
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/people/new")).Status);
        var id = await app.IdOfUserAsync(email);
        var edit = await admin.GetAsync($"/admin/users/{id}");

        var changed = await admin.PostAsync($"/admin/users/{id}", new()
        {
            ["ConcurrencyStamp"] = edit.ValueOf("ConcurrencyStamp")!, ["IsActive"] = "true",
            ["Input.DisplayName"] = "Dee Moted", ["Input.Email"] = email, ["Input.Roles"] = "CareWorker",
        });

        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        var after = await user.GetAsync("/people/new");
        Assert.Equal(HttpStatusCode.Redirect, after.Status);
        Assert.Contains("/access-denied", after.Location);
    }

    [SkippableFact]
    public async Task AddService_WithABadCqcLocationId_SaysTheFormat_AndWithAGoodOne_IsListed()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var client = await app.NewClient().SignInAsync(Admin);

        var bad = await client.PostAsync("/services/new", new()
        {
            ["Input.Name"] = "Willow Court", ["Input.SettingType"] = nameof(SettingType.DayService), ["Input.CqcLocationId"] = "ABC",
        });
        Assert.Equal("Enter a CQC location id in the format 1-123456789, or leave it blank", bad.FieldError("Input_CqcLocationId"));
        Assert.Equal("Willow Court", bad.ValueOf("Input.Name"));

        var good = await client.PostAsync("/services/new", new()
        {
            ["Input.Name"] = "Willow Court", ["Input.SettingType"] = nameof(SettingType.DayService), ["Input.CqcLocationId"] = "1-555666777",
        });
        Assert.Equal(HttpStatusCode.Redirect, good.Status);
        Assert.Contains("Willow Court", (await client.GetAsync("/services")).Body);
    }

    [SkippableFact]
    public async Task InspectorAccess_EndingInThePast_IsRefused()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var client = await app.NewClient().SignInAsync(Admin);
        var inspector = await app.IdOfUserAsync("inspector@oakfield.example");
        var house = await app.IdOfServiceAsync("Oakfield House");

        var page = await client.PostAsync($"/admin/users/{inspector}/inspector-access", new()
        {
            ["Input.ServiceId"] = house.ToString(), ["Input.ExpiresOn.Day"] = "1", ["Input.ExpiresOn.Month"] = "1", ["Input.ExpiresOn.Year"] = "2020",
        });

        Assert.Equal("Date access ends must be after today and within 90 days", page.FieldError("Input_ExpiresOn"));
    }

    [SkippableFact]
    public async Task InspectorAccess_EndingMoreThan90DaysAhead_IsRefused()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var client = await app.NewClient().SignInAsync(Admin);
        var inspector = await app.IdOfUserAsync("inspector@oakfield.example");
        var house = await app.IdOfServiceAsync("Oakfield House");
        var tooLate = Proportion.Core.Model.UkTime.Today(app.Clock).AddDays(91);

        var page = await client.PostAsync($"/admin/users/{inspector}/inspector-access", new()
        {
            ["Input.ServiceId"] = house.ToString(), ["Input.ExpiresOn.Day"] = tooLate.Day.ToString(),
            ["Input.ExpiresOn.Month"] = tooLate.Month.ToString(), ["Input.ExpiresOn.Year"] = tooLate.Year.ToString(),
        });

        Assert.Equal("Date access ends must be after today and within 90 days", page.FieldError("Input_ExpiresOn"));
    }
}

public sealed class AdministrationOnSqlite(SqliteApp app) : AdministrationTests(app), IClassFixture<SqliteApp>;

public sealed class AdministrationOnPostgres(PostgresApp app) : AdministrationTests(app), IClassFixture<PostgresApp>;
