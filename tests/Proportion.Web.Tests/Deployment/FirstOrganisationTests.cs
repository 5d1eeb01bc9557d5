using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Proportion.Web.Infrastructure;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Deployment;

/// <summary>
/// The first organisation of a new deployment: the code the create-organisation command runs, then
/// the administrator's first sign-in, which goes nowhere but the change-password page until they
/// have chosen their own password.
/// </summary>
public abstract partial class FirstOrganisationTests(AppFixture app)
{
    [SkippableFact]
    public async Task TheNewAdministrator_MustChooseTheirOwnPassword_BeforeAnythingElse()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var email = $"first-admin-{Guid.NewGuid():N}@newprovider.example";
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = await ProportionCommands.CreateOrganisationAsync(app.Services, $"New Provider {Guid.NewGuid():N}", email, "Grace Hopper", output, errors);

        Assert.True(exit == 0, errors.ToString());
        var oneTimePassword = OneTimePassword().Match(output.ToString()).Groups[1].Value;
        Assert.Equal(20, oneTimePassword.Length);
        using var client = await app.NewClient().SignInAsync(email, oneTimePassword);
        foreach (var path in new[] { "/", "/people", "/admin/users" })
        {
            var page = await client.GetAsync(path);
            Assert.True(page.Status == HttpStatusCode.Redirect && page.Location == "/account/password", $"{path}: {(int)page.Status} {page.Location}");
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/people")).Status);
        var form = await client.GetAsync("/account/password");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("You signed in with a one-time password", form.Document.QuerySelector(".govuk-inset-text")?.TextContent);

        // Every other page sends this user here, so the form's own token is posted back.
        var token = AppClient.TokenOf(form.Document);
        var same = await client.PostAsync("/account/password", new() { ["Input.CurrentPassword"] = oneTimePassword, ["Input.NewPassword"] = oneTimePassword }, token);
        Assert.Equal("Your new password must be different from your current password", same.FieldError("Input_NewPassword"));
        var changed = await client.PostAsync("/account/password", new() { ["Input.CurrentPassword"] = oneTimePassword, ["Input.NewPassword"] = "Grace's own password 2026" }, token);
        Assert.Equal(HttpStatusCode.Redirect, changed.Status);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).Status);
        Assert.False(await app.WithDatabaseAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.MustChangePassword).SingleAsync()));
        using var again = app.NewClient();
        var withOneTimePassword = await again.PostAsync("/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = oneTimePassword });
        Assert.Equal(HttpStatusCode.OK, withOneTimePassword.Status);
        await again.SignInAsync(email, "Grace's own password 2026");
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/")).Status);
    }

    [SkippableFact]
    public async Task AnEmailAlreadyInUse_IsRefused_AndNothingIsCreated()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var before = await app.WithDatabaseAsync(db => db.Organisations.CountAsync());
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = await ProportionCommands.CreateOrganisationAsync(app.Services, "Another Oakfield", "manager@oakfield.example", "Someone", output, errors);

        Assert.Equal(1, exit);
        Assert.Contains("--admin-email: A user with the email address manager@oakfield.example already exists", errors.ToString());
        Assert.Empty(output.ToString());
        Assert.Equal(before, await app.WithDatabaseAsync(db => db.Organisations.CountAsync()));
    }

    [GeneratedRegex(@"one-time password:\s+(\S+)")]
    private static partial Regex OneTimePassword();
}

public sealed class FirstOrganisationOnSqlite(SqliteApp app) : FirstOrganisationTests(app), IClassFixture<SqliteApp>;

public sealed class FirstOrganisationOnPostgres(PostgresApp app) : FirstOrganisationTests(app), IClassFixture<PostgresApp>;
