using System.Net;
using Microsoft.EntityFrameworkCore;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Account;

public abstract class SignInTests(AppFixture app)
{
    [SkippableFact]
    public async Task WrongPassword_SaysSoWithoutRevealingWhetherTheAccountExists()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var client = app.NewClient();

        var wrong = await client.PostAsync("/sign-in", new() { ["Input.Email"] = "board@oakfield.example", ["Input.Password"] = "not the password" });
        var nobody = await client.PostAsync("/sign-in", new() { ["Input.Email"] = "nobody@oakfield.example", ["Input.Password"] = "not the password" });

        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Equal(wrong.ErrorSummary, nobody.ErrorSummary);
        Assert.Equal("board@oakfield.example", wrong.ValueOf("Input.Email"));
    }

    [SkippableFact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenAgainstTheRightOne()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var email = await app.NewCareWorkerAsync("lockout");
        using var client = app.NewClient();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsync("/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = "guess number " + i });
        }

        var right = await client.PostAsync("/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = AppFixture.NewUserPassword });

        Assert.Equal(HttpStatusCode.OK, right.Status);
        Assert.Contains(right.ErrorSummary, e => e.StartsWith("Enter a correct email address and password. After 5 wrong tries"));
    }

    [SkippableFact]
    public async Task TwoFactor_OnceTurnedOn_IsAskedForAtSignIn_AndAWrongCodeIsRefused()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var email = await app.NewCareWorkerAsync("twofactor");
        using var client = await app.NewClient().SignInAsync(email, AppFixture.NewUserPassword);
        var setup = await client.GetAsync("/account/two-factor");
        var key = setup.Document.QuerySelector(".app-code")!.TextContent.Replace(" ", "").ToUpperInvariant();

        var wrong = await client.PostAsync("/account/two-factor?handler=Enable", new() { ["Input.Code"] = "000000" == Totp(key) ? "111111" : "000000" });
        Assert.Contains("The code is not right. Enter the code your authenticator app shows now", wrong.ErrorSummary);
        var enabled = await client.PostAsync("/account/two-factor?handler=Enable", new() { ["Input.Code"] = Totp(key) });
        Assert.Equal(HttpStatusCode.Redirect, enabled.Status);

        using var next = app.NewClient();
        var first = await next.PostAsync("/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = AppFixture.NewUserPassword });
        Assert.StartsWith("/sign-in/two-factor", first.Location);
        Assert.Equal(HttpStatusCode.Redirect, (await next.GetAsync("/people")).Status);
        // The code that turned two-factor on has been used; the app shows the next one 30 seconds later.
        using (app.Clock.MoveOn(TimeSpan.FromSeconds(30)))
        {
            var code = await next.PostAsync("/sign-in/two-factor", new() { ["Input.Code"] = Totp(key) });
            Assert.Equal(HttpStatusCode.Redirect, code.Status);
        }
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("/account/two-factor")).Status);
    }

    [SkippableFact]
    public async Task LockedOutUser_GivenANewPasswordByTheAdministrator_CanSignInWithIt()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var email = await app.NewCareWorkerAsync("forgetful");
        using var client = app.NewClient();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsync("/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = "guess number " + i });
        }
        var id = await app.IdOfUserAsync(email);
        using var admin = await app.NewClient().SignInAsync("admin@oakfield.example");

        var stamp = (await admin.GetAsync($"/admin/users/{id}/password")).ValueOf("ConcurrencyStamp")!;
        var tooShort = await admin.PostAsync($"/admin/users/{id}/password", new() { ["ConcurrencyStamp"] = stamp, ["Input.Password"] = "short" });
        Assert.Contains("Password must be 12 characters or more", tooShort.ErrorSummary);
        Assert.True(string.IsNullOrEmpty(tooShort.ValueOf("Input.Password")));
        var set = await admin.PostAsync($"/admin/users/{id}/password", new() { ["ConcurrencyStamp"] = stamp, ["Input.Password"] = "A brand new password" });
        Assert.Equal(HttpStatusCode.Redirect, set.Status);

        using var again = await app.NewClient().SignInAsync(email, "A brand new password");
        var changed = await again.PostAsync("/account/password", new() { ["Input.CurrentPassword"] = "wrong", ["Input.NewPassword"] = "Another new password" });
        Assert.Equal("Your current password is not right", changed.FieldError("Input_CurrentPassword"));
        var ok = await again.PostAsync("/account/password", new() { ["Input.CurrentPassword"] = "A brand new password", ["Input.NewPassword"] = "Another new password" });
        Assert.Equal(HttpStatusCode.Redirect, ok.Status);
        using var third = await app.NewClient().SignInAsync(email, "Another new password");
    }

    [SkippableFact]
    public async Task DeactivatedUser_CannotSignIn()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var email = await app.NewCareWorkerAsync("leaver");
        await app.WithDatabaseAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false)));
        using var client = app.NewClient();

        var page = await client.PostAsync("/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = AppFixture.NewUserPassword });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotEmpty(page.ErrorSummary);
    }

    private string Totp(string base32Key) => Authenticator.Code(base32Key, app.Clock.GetUtcNow());
}

public sealed class SignInOnSqlite(SqliteApp app) : SignInTests(app), IClassFixture<SqliteApp>;

public sealed class SignInOnPostgres(PostgresApp app) : SignInTests(app), IClassFixture<PostgresApp>;
