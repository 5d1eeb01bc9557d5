using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proportion.Core.Auditing;
using Proportion.Core.Model;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Account;

/// <summary>
/// Sign-in throttling, answers that do not tell who has an account, authenticator codes that work once,
/// fresh proof to turn two-factor off, and the audit of all of it. Each test signs in from its own
/// address, so the throttle's counts of one test do not reach another.
/// </summary>
public abstract partial class AccountSecurityTests(AppFixture app)
{
    private const string Password = AppFixture.NewUserPassword;
    private const string WrongAnswer = "Enter a correct email address and password. After 5 wrong tries in a row, an account is locked for 15 minutes";
    private const string WrongCode = "The code is not right. Enter the code your authenticator app shows now";
    private static int _lastAddress;

    [SkippableFact]
    public async Task TooManyFailuresFromOneAddress_AreRefusedWith429_SayingWhenToTryAgain_BeforeAnyPasswordIsChecked()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var email = await app.NewCareWorkerAsync("throttled");
        using var client = ClientFrom(out _);
        for (var i = 0; i < 30; i++)
        {
            var refused = await client.PostAsync("/sign-in", new() { ["Input.Email"] = $"guess{i}@oakfield.example", ["Input.Password"] = "guess" });
            Assert.Equal(HttpStatusCode.OK, refused.Status);
        }

        using var throttled = await PostWithHeadersAsync(client, "/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = Password });

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(15), throttled.Headers.RetryAfter?.Delta);
        var page = await AppClient.Page.ReadAsync(throttled);
        Assert.Equal(["There have been too many attempts to sign in. Wait 15 minutes, then try again"], page.ErrorSummary);
        Assert.NotNull(page.Document.QuerySelector("input[name='Input.Email']"));
        using var elsewhere = ClientFrom(out _);
        await elsewhere.SignInAsync(email, Password);
    }

    [SkippableFact]
    public async Task TooManyFailuresForOneEmail_AreRefusedWith429_FromAnyAddress()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var email = $"nobody-{Guid.NewGuid():N}@oakfield.example";
        for (var i = 0; i < 10; i++)
        {
            using var guesser = ClientFrom(out _);
            Assert.Equal(HttpStatusCode.OK, (await guesser.PostAsync("/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = "guess" + i })).Status);
        }
        using var client = ClientFrom(out _);

        var throttled = await client.PostAsync("/sign-in", new() { ["Input.Email"] = " " + email.ToUpperInvariant(), ["Input.Password"] = "guess" });
        var otherEmail = await client.PostAsync("/sign-in", new() { ["Input.Email"] = "someone-else@oakfield.example", ["Input.Password"] = "guess" });

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.Status);
        Assert.Equal(HttpStatusCode.OK, otherEmail.Status);
        Assert.Equal([WrongAnswer], otherEmail.ErrorSummary);
    }

    [SkippableFact]
    public async Task NoAccount_WrongPassword_LockedAndDeactivatedAccounts_GetTheSameAnswer()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var wrong = await app.NewCareWorkerAsync("wrong");
        var locked = await app.NewCareWorkerAsync("locked");
        var deactivated = await app.NewCareWorkerAsync("deactivated");
        await LockOutAsync(locked);
        await app.WithDatabaseAsync(db => db.Users.Where(u => u.Email == deactivated).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false)));

        var answers = new List<(HttpStatusCode Status, string Body)>();
        foreach (var (email, password) in new[]
        {
            ($"nobody-{Guid.NewGuid():N}@oakfield.example", Password), (wrong, "not the password"), (locked, Password), (deactivated, Password),
        })
        {
            using var client = ClientFrom(out _);
            var page = await client.PostAsync("/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = password });
            Assert.Equal([WrongAnswer], page.ErrorSummary);
            answers.Add((page.Status, AntiforgeryToken().Replace(page.Body, "TOKEN").Replace(email, "EMAIL")));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.All(answers, a => Assert.Equal(answers[0].Body, a.Body));
    }

    /// <summary>
    /// What makes a refusal slow is checking a password (PBKDF2). Every refusal must check exactly one,
    /// so no account and a locked account take as long as a wrong password. Counted, not timed: the
    /// machine is shared, and a timing would be noise. The hasher counted is Identity's own.
    /// </summary>
    [SkippableFact]
    public async Task NoAccount_AndALockedAccount_CheckAPasswordAsAWrongPasswordDoes()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var wrong = await app.NewCareWorkerAsync("timed");
        var locked = await app.NewCareWorkerAsync("timedlocked");
        await LockOutAsync(locked);
        var hasher = new CountingPasswordHasher();
        using var counted = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<AppUser>>(hasher)));
        var ip = IPAddress.Parse($"2001:db8::{Interlocked.Increment(ref _lastAddress):x}");
        using var client = new AppClient(new HttpClient(new CookieContainerHandler
            { InnerHandler = counted.Server.CreateHandler(context => context.Connection.RemoteIpAddress = ip) }) { BaseAddress = counted.Server.BaseAddress });

        async Task<int> ChecksToRefuseAsync(string email)
        {
            var before = hasher.Checks;
            var page = await client.PostAsync("/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = "guess" });
            Assert.Equal([WrongAnswer], page.ErrorSummary);
            return hasher.Checks - before;
        }

        Assert.Equal(1, await ChecksToRefuseAsync(wrong));
        Assert.Equal(1, await ChecksToRefuseAsync($"nobody-{Guid.NewGuid():N}@oakfield.example"));
        Assert.Equal(1, await ChecksToRefuseAsync(locked));
    }

    /// <summary>Identity's password hasher, counting the passwords it checks.</summary>
    private sealed class CountingPasswordHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _real = new();
        private int _checks;

        public int Checks => Volatile.Read(ref _checks);

        public string HashPassword(AppUser user, string password) => _real.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _checks);
            return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [SkippableFact]
    public async Task AnAuthenticatorCode_WorksOnce_WhenTurningTwoFactorOn_AndAtSignIn()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var email = await app.NewCareWorkerAsync("replay");
        var (key, used) = await TurnOnTwoFactorAsync(email);
        using (var again = await ClientFrom(out _).SignInAsync(email, Password))
        {
            // Still asked for the second factor, so only the code's reuse is refused.
        }

        using var client = ClientFrom(out var address);
        Assert.StartsWith("/sign-in/two-factor", (await client.PostAsync("/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = Password })).Location);
        var replayed = await client.PostAsync("/sign-in/two-factor", new() { ["Input.Code"] = used });
        Assert.Equal(HttpStatusCode.OK, replayed.Status);
        Assert.Equal([WrongCode], replayed.ErrorSummary);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/people")).Status);

        using (app.Clock.MoveOn(TimeSpan.FromSeconds(30)))
        {
            var next = await client.PostAsync("/sign-in/two-factor", new() { ["Input.Code"] = Authenticator.Code(key, app.Clock.GetUtcNow()) });
            Assert.Equal(HttpStatusCode.Redirect, next.Status);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/people")).Status);

        var events = await EventsAboutAsync(email);
        Assert.Contains(events, e => e.Action == AuditAction.SignInFailed && e.Reason == "Wrong or already used authenticator code" && e.Changes!.Contains(address));
        Assert.Contains(events, e => e.Action == AuditAction.SignedIn && e.Summary.EndsWith("signed in with a password and an authenticator code") && e.UserName == "Test replay" && e.Changes!.Contains(address));
    }

    [SkippableFact]
    public async Task TurningTwoFactorOff_NeedsThePasswordAndAFreshCode()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var email = await app.NewCareWorkerAsync("turnoff");
        var (key, used) = await TurnOnTwoFactorAsync(email);
        using var client = ClientFrom(out var address);
        // Signed out, with a token of its own: the client keeps the token of its first post, which must be a signed-in one.
        var signedOutToken = AppClient.TokenOf((await client.GetAsync("/sign-in")).Document);
        await client.PostAsync("/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = Password }, signedOutToken);
        using (app.Clock.MoveOn(TimeSpan.FromSeconds(30)))
        {
            var code = Authenticator.Code(key, app.Clock.GetUtcNow());
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/sign-in/two-factor", new() { ["Input.Code"] = code }, signedOutToken)).Status);
        }

        var blank = await client.PostAsync("/account/two-factor?handler=Disable", new Dictionary<string, string>());
        Assert.Equal(["Enter your password", "Enter the 6-digit code from your authenticator app"], blank.ErrorSummary);
        using (app.Clock.MoveOn(TimeSpan.FromSeconds(60)))
        {
            var fresh = Authenticator.Code(key, app.Clock.GetUtcNow());
            var wrongPassword = await client.PostAsync("/account/two-factor?handler=Disable", new() { ["CurrentPassword"] = "not the password", ["Input.Code"] = fresh });
            Assert.Equal("Your password is not right", wrongPassword.FieldError("CurrentPassword"));
            var replayed = await client.PostAsync("/account/two-factor?handler=Disable", new() { ["CurrentPassword"] = Password, ["Input.Code"] = used });
            Assert.Equal(WrongCode, replayed.FieldError("Input_Code"));
            Assert.True(await TwoFactorEnabledAsync(email));

            var off = await client.PostAsync("/account/two-factor?handler=Disable", new() { ["CurrentPassword"] = Password, ["Input.Code"] = fresh });
            Assert.Equal(HttpStatusCode.Redirect, off.Status);
        }

        Assert.False(await TwoFactorEnabledAsync(email));
        var page = await client.GetAsync("/account/two-factor");
        Assert.NotEqual(key, Authenticator.KeyOn(page));
        var events = await EventsAboutAsync(email);
        Assert.Contains(events, e => e.Action == AuditAction.TwoFactorChanged && e.Summary == "Test turnoff turned on two-factor sign-in");
        Assert.Contains(events, e => e.Action == AuditAction.TwoFactorChanged && e.Summary == "Test turnoff turned off two-factor sign-in and reset the authenticator key"
            && e.UserName == "Test turnoff" && e.Changes!.Contains(address));
    }

    [SkippableFact]
    public async Task SignIns_Refusals_AndLockouts_AreAudited_WithTheAddress_AndNeverThePassword()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var email = await app.NewCareWorkerAsync("audited");
        var oakfield = await app.WithDatabaseAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.OrganisationId).SingleAsync());
        using var client = ClientFrom(out var address);
        await client.SignInAsync(email, Password);
        using var guesser = ClientFrom(out var guesserAddress);
        for (var i = 0; i < 6; i++)
        {
            await guesser.PostAsync("/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = "secret guess " + i });
        }
        var nobody = $"nobody-{Guid.NewGuid():N}@oakfield.example";
        await guesser.PostAsync("/sign-in", new() { ["Input.Email"] = nobody, ["Input.Password"] = "secret guess for nobody" });

        var events = await EventsAboutAsync(email);
        var signedIn = Assert.Single(events, e => e.Action == AuditAction.SignedIn);
        Assert.Equal(await app.IdOfUserAsync(email), signedIn.UserId);
        Assert.Equal(oakfield, signedIn.OrganisationId);
        Assert.Equal(address, ChangeSet.Parse(signedIn.Changes)[AuditFields.IpAddress][1]);
        Assert.Equal(4, events.Count(e => e.Action == AuditAction.SignInFailed && e.Reason == "Wrong password" && e.UserName == "Anonymous"));
        var lockedOut = Assert.Single(events, e => e.Action == AuditAction.LockedOut);
        Assert.Equal("Test audited's account was locked after 5 wrong passwords", lockedOut.Summary);
        Assert.Single(events, e => e.Action == AuditAction.SignInFailed && e.Reason == "The account is locked");
        Assert.All(events.Where(e => e.UserName == "Anonymous"), e => Assert.Equal(guesserAddress, ChangeSet.Parse(e.Changes)[AuditFields.IpAddress][1]));

        var unknown = await app.WithDatabaseAsync(db => db.AuditEvents
            .Where(a => a.OrganisationId == Guid.Empty && a.Action == AuditAction.SignInFailed && a.Changes!.Contains(guesserAddress)).ToListAsync());
        var entry = Assert.Single(unknown);
        Assert.Equal("Sign-in refused for an email address with no account", entry.Summary);
        Assert.Equal(12, ChangeSet.Parse(entry.Changes)["Email address (hash)"][1]!.Length);
        var everything = await app.WithDatabaseAsync(db => db.AuditEvents.Select(a => a.Summary + a.Changes + a.Reason).ToListAsync());
        Assert.DoesNotContain(everything, text => text.Contains("secret guess") || text.Contains(nobody, StringComparison.OrdinalIgnoreCase));
    }

    [SkippableFact]
    public async Task PasswordChanges_ByTheUserAndByAnAdministrator_AreAudited_WithTheAddress()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var email = await app.NewCareWorkerAsync("changer");
        using var user = await ClientFrom(out var userAddress).SignInAsync(email, Password);
        Assert.Equal(HttpStatusCode.Redirect,
            (await user.PostAsync("/account/password", new() { ["Input.CurrentPassword"] = Password, ["Input.NewPassword"] = "Another long password" })).Status);
        using var admin = await ClientFrom(out var adminAddress).SignInAsync("admin@oakfield.example");
        var url = $"/admin/users/{await app.IdOfUserAsync(email)}/password";
        var stamp = (await admin.GetAsync(url)).ValueOf("ConcurrencyStamp")!;
        Assert.Equal(HttpStatusCode.Redirect,
            (await admin.PostAsync(url, new() { ["ConcurrencyStamp"] = stamp, ["Input.Password"] = "A third long password" })).Status);

        var changes = (await EventsAboutAsync(email)).Where(e => e.Action == AuditAction.PasswordChanged).ToList();
        Assert.Equal(2, changes.Count);
        Assert.Contains(changes, e => e.Summary == "Test changer changed their password" && e.UserName == "Test changer"
            && ChangeSet.Parse(e.Changes)[AuditFields.IpAddress][1] == userAddress);
        Assert.Contains(changes, e => e.Summary == "Set a new password for Test changer and unlocked the account" && e.UserName != "Test changer"
            && ChangeSet.Parse(e.Changes)[AuditFields.IpAddress][1] == adminAddress);
    }

    [SkippableTheory]
    [InlineData("/account/two-factor?handler=Disable")]
    [InlineData("/account/two-factor?handler=Enable")]
    [InlineData("/account/password")]
    [InlineData("/sign-in")]
    [InlineData("/sign-in/two-factor")]
    public async Task AnAccountPost_WithoutItsAntiforgeryToken_IsRefusedWith400(string path)
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var client = await ClientFrom(out _).SignInAsync("careworker@oakfield.example");

        using var response = await client.Http.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["CurrentPassword"] = "Proportion demo 2026", ["Input.Code"] = "123456", ["Input.Password"] = "x", ["Input.Email"] = "x@example.com",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>A browser-like client whose requests come from an address no other test uses.</summary>
    private AppClient ClientFrom(out string address)
    {
        var ip = IPAddress.Parse($"2001:db8::{Interlocked.Increment(ref _lastAddress):x}");
        address = ip.ToString();
        var handler = new CookieContainerHandler { InnerHandler = app.Server.CreateHandler(context => context.Connection.RemoteIpAddress = ip) };
        return new AppClient(new HttpClient(handler) { BaseAddress = app.Server.BaseAddress });
    }

    private static async Task<HttpResponseMessage> PostWithHeadersAsync(AppClient client, string path, Dictionary<string, string> fields)
    {
        var token = AppClient.TokenOf((await client.GetAsync("/sign-in")).Document);
        fields["__RequestVerificationToken"] = token!;
        return await client.Http.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private async Task LockOutAsync(string email)
    {
        using var guesser = ClientFrom(out _);
        for (var i = 0; i < 5; i++)
        {
            await guesser.PostAsync("/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = "guess number " + i });
        }
        Assert.True(await app.WithDatabaseAsync(db => db.Users.AnyAsync(u => u.Email == email && u.LockoutEnd != null)));
    }

    /// <summary>Turns two-factor on for the user, then checks the code that did it cannot do it again.</summary>
    private async Task<(string Key, string UsedCode)> TurnOnTwoFactorAsync(string email)
    {
        using var client = await ClientFrom(out _).SignInAsync(email, Password);
        var key = Authenticator.KeyOn(await client.GetAsync("/account/two-factor"));
        var code = Authenticator.Code(key, app.Clock.GetUtcNow());
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/account/two-factor?handler=Enable", new() { ["Input.Code"] = code })).Status);
        var again = await client.PostAsync("/account/two-factor?handler=Enable", new() { ["Input.Code"] = code });
        Assert.Equal([WrongCode], again.ErrorSummary);
        return (key, code);
    }

    private Task<bool> TwoFactorEnabledAsync(string email) =>
        app.WithDatabaseAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync());

    private async Task<List<AuditEvent>> EventsAboutAsync(string email)
    {
        var id = await app.IdOfUserAsync(email);
        return await app.WithDatabaseAsync(db => db.AuditEvents.Where(a => a.EntityId == id).OrderBy(a => a.At).ToListAsync());
    }

    [GeneratedRegex("(?<=name=\"__RequestVerificationToken\" type=\"hidden\" value=\")[^\"]+|(?<=value=\")[^\"]+(?=\" name=\"__RequestVerificationToken\")")]
    private static partial Regex AntiforgeryToken();
}

public sealed class AccountSecurityOnSqlite(SqliteApp app) : AccountSecurityTests(app), IClassFixture<SqliteApp>;

public sealed class AccountSecurityOnPostgres(PostgresApp app) : AccountSecurityTests(app), IClassFixture<PostgresApp>;
