using Microsoft.EntityFrameworkCore;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Authorisation;

/// <summary>
/// The council's side (the council-wide picture, contracts, visits, the intelligence log, alerts and sign-in) for
/// every role of two councils and two providers: a council user of one council sees nothing of another council's
/// people or contracts, and a provider nothing of another provider's. Written out by hand like
/// <see cref="AccessMatrixTests"/> (A = allowed, F = forbidden, N = not found), with the same runner.
/// Columns, in four groups (spaces between groups are ignored):
/// Oakfield Care: care worker, service manager, senior manager, board member, inspector, administrator;
/// Riverside Care: the same six;
/// Northshire Council: social worker, commissioner, safeguarding adults officer, administrator;
/// Southshire Council: the same four.
/// </summary>
public abstract class CouncilAccessMatrixTests(AppFixture app)
{
    internal static readonly string[] Users =
    [
        "careworker@oakfield.example", "manager@oakfield.example", "senior@oakfield.example", "board@oakfield.example",
        "inspector@oakfield.example", "admin@oakfield.example",
        "careworker@riverside.example", "manager@riverside.example", "senior@riverside.example", "board@riverside.example",
        "inspector@riverside.example", "admin@riverside.example",
        "socialworker@northshire.example", "commissioner@northshire.example", "safeguarding@northshire.example", "admin@northshire.example",
        "socialworker@southshire.example", "commissioner@southshire.example", "safeguarding@southshire.example", "admin@southshire.example",
    ];

    // Peggy Hughes: Oakfield House, funded by Northshire, allocated to its social worker.
    // Owen Marsh: Riverside Lodge, funded by Southshire, allocated to its social worker (TwoCouncils).
    internal static readonly (string Route, string Expected)[] Gets = Grouped(
    [
        // The scoping these pages stand on: each council sees only the people it funds or is allocated.
        ("/people/{peggy}", "AAAAAF NNNNNF AAFF NNFF"),
        ("/people/{owen}", "NNNNNF AAAAAF NNFF AAFF"),
        ("/council/charts", "FFFFFF FFFFFF AAFF AAFF"),

        // The council-wide picture: commissioners only, each of the providers where their own council funds people.
        // Northshire funds Peggy at Oakfield and Eileen at Riverside; Southshire funds Owen at Riverside only.
        ("/council/picture", "FFFFFF FFFFFF FAFF FAFF"),
        ("/council/picture/{oakfield}", "FFFFFF FFFFFF FAFF FNFF"),
        ("/council/picture/{riverside}", "FFFFFF FFFFFF FAFF FAFF"),
        ("/council/picture/{oakfield}/charts", "FFFFFF FFFFFF FAFF FNFF"),
        ("/council/picture/{riverside}/charts", "FFFFFF FFFFFF FAFF FAFF"),
        ("/council/picture/{northshire}", "FFFFFF FFFFFF FNFF FNFF"),

        // Contracts: Northshire's with Oakfield (ContractsFixture). The council's commissioners keep them; the
        // provider's senior managers and board read theirs, and its senior managers respond.
        ("/council/contracts", "FFFFFF FFFFFF FAFF FAFF"),
        ("/council/contracts/new", "FFFFFF FFFFFF FAFF FAFF"),
        ("/council/contracts/{contracts.contract}", "FFFFFF FFFFFF FAFF FNFF"),
        ("/council/contracts/{contracts.contract}/items/Policy", "FFFFFF FFFFFF FAFF FNFF"),
        ("/council/contracts/{contracts.contract}/items/Nonsense", "FFFFFF FFFFFF FNFF FNFF"),
        ("/council/contracts/{contracts.contract}/visits/new", "FFFFFF FFFFFF FAFF FNFF"),
        ("/council/contracts/{contracts.contract}/visits/{contracts.visit}", "FFFFFF FFFFFF FAFF FNFF"),
        ("/council/contracts/{contracts.contract}/visits/{contracts.visit}/actions/new", "FFFFFF FFFFFF FAFF FNFF"),
        ("/council/contracts/{contracts.contract}/actions/{contracts.action}/done", "FFFFFF FFFFFF FAFF FNFF"),
        ("/organisation/contracts", "FFAAFF FFAAFF FFFF FFFF"),
        ("/organisation/contracts/{contracts.contract}", "FFAAFF FFNNFF FFFF FFFF"),
        ("/organisation/contracts/{contracts.contract}/respond?Item=Policy", "FFAFFF FFNFFF FFFF FFFF"),
        ("/organisation/contracts/{contracts.contract}/respond?ActionId={contracts.action}", "FFAFFF FFNFFF FFFF FFFF"),
        ("/organisation/contracts/{contracts.contract}/respond", "FFNFFF FFNFFF FFFF FFFF"),

        // The intelligence log: the council's own staff (not its administrator); no provider, nor the other council.
        ("/council/intelligence", "FFFFFF FFFFFF AAAF AAAF"),
        ("/council/intelligence?ProviderId={oakfield}", "FFFFFF FFFFFF AAAF AAAF"),
        ("/council/intelligence/new", "FFFFFF FFFFFF AAAF AAAF"),
        ("/council/intelligence/{intel.entry}", "FFFFFF FFFFFF AAAF NNNF"),
        ("/council/intelligence/{intel.entry}/amend", "FFFFFF FFFFFF AAAF NNNF"),
        ("/council/intelligence/{intel.entry}/share", "FFFFFF FFFFFF FAFF FNFF"),

        // A council's own sign-in: its administrator, for its own staff only.
        ("/admin/single-sign-on", "FFFFFF FFFFFF FFFA FFFA"),
        ("/admin/single-sign-on/users/{sso.user}", "FFFFFF FFFFFF FFFA FFFN"),
    ]);

    internal static readonly (string Route, string Expected)[] Posts = Grouped(
    [
        // Contracts: an empty form is shown back with its errors, or refused as stale; nothing is written.
        ("/council/contracts/new", "FFFFFF FFFFFF FAFF FAFF"),
        ("/council/contracts/{contracts.contract}/items/Policy", "FFFFFF FFFFFF FAFF FNFF"),
        ("/council/contracts/{contracts.contract}/visits/new", "FFFFFF FFFFFF FAFF FNFF"),
        ("/council/contracts/{contracts.contract}/visits/{contracts.visit}/actions/new", "FFFFFF FFFFFF FAFF FNFF"),
        ("/council/contracts/{contracts.contract}/actions/{contracts.action}/done", "FFFFFF FFFFFF FAFF FNFF"),
        ("/organisation/contracts/{contracts.contract}/respond?ActionId={contracts.action}", "FFAFFF FFNFFF FFFF FFFF"),
        // The intelligence log: an empty form is shown back with its errors.
        ("/council/intelligence/new", "FFFFFF FFFFFF AAAF AAAF"),
        ("/council/intelligence/{intel.entry}/amend", "FFFFFF FFFFFF AAAF NNNF"),
        ("/council/intelligence/{intel.entry}/share", "FFFFFF FFFFFF FAFF FNFF"),
        // A council's own sign-in: an empty form is shown back with its errors; an empty email is "password only".
        ("/admin/single-sign-on", "FFFFFF FFFFFF FFFA FFFA"),
        ("/admin/single-sign-on/users/{sso.user}", "FFFFFF FFFFFF FFFA FFFN"),
    ]);

    /// <summary>The ids the routes name: the main matrix's, and each part's own.</summary>
    internal static async Task<Dictionary<string, Guid>> IdsAsync(AppFixture app)
    {
        await TwoCouncils.EnsureAsync(app);
        var ids = await AccessMatrixTests.IdsAsync(app);
        ids["owen"] = await app.WithDatabaseAsync(db => db.People.Where(p => p.FamilyName == "Marsh").Select(p => p.Id).SingleAsync());
        ids["southshire"] = await app.WithDatabaseAsync(db => db.Organisations.Where(o => o.Name == TwoCouncils.Southshire).Select(o => o.Id).SingleAsync());
        ids["northshire"] = await app.WithDatabaseAsync(db => db.Organisations.Where(o => o.Name == "Northshire Council").Select(o => o.Id).SingleAsync());
        foreach (var (k, v) in await Contracts.ContractsFixture.IdsAsync(app)) ids[k] = v;
        foreach (var (k, v) in await Intelligence.IntelFixture.IdsAsync(app)) ids[k] = v;
        ids["sso.user"] = await app.IdOfUserAsync("socialworker@northshire.example");
        return ids;
    }

    [SkippableFact]
    public async Task EveryRoute_ForEveryRoleOfTwoCouncilsAndTwoProviders_AnswersAsTheMatrixSays()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        await AccessMatrixTests.AnswersAsTheMatrixSaysAsync(app, Users, Gets, Posts, await IdsAsync(app));
    }

    [SkippableFact]
    public async Task EveryRoute_WhenSignedOut_AsksToSignIn()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        await AccessMatrixTests.SignedOutAsksToSignInAsync(app, Gets, await IdsAsync(app));
    }

    [SkippableFact]
    public async Task EveryFormShown_IsAcceptedForTheUserItIsShownTo()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        await AccessMatrixTests.FormsShownAreAcceptedAsync(app, Users, Gets, await IdsAsync(app));
    }

    [Fact]
    public void EveryRow_HasAnAnswerForEveryUser()
    {
        var wrong = Gets.Concat(Posts).Where(r => r.Expected.Length != Users.Length).Select(r => $"{r.Route}: {r.Expected.Length}").ToList();
        Assert.True(wrong.Count == 0, "Rows without one answer per user:\n" + string.Join("\n", wrong));
    }

    /// <summary>The rows with the spaces between the groups taken out.</summary>
    private static (string Route, string Expected)[] Grouped((string Route, string Expected)[] rows) =>
        [.. rows.Select(r => (r.Route, r.Expected.Replace(" ", "")))];
}

public sealed class CouncilAccessMatrixOnSqlite(SqliteApp app) : CouncilAccessMatrixTests(app), IClassFixture<SqliteApp>;

public sealed class CouncilAccessMatrixOnPostgres(PostgresApp app) : CouncilAccessMatrixTests(app), IClassFixture<PostgresApp>;
