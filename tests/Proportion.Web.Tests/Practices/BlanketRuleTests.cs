using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Rules;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Practices;

/// <summary>
/// R12 compares like with like: the same category and the same restricted thing, on MORE than half the
/// people in a service; the warning quotes what it counted. Practices whose restricted thing was never
/// recorded are not counted as the same as anything.
/// </summary>
public abstract class BlanketRuleTests(AppFixture app)
{
    private static string Text(AppClient.Page page) => WebUtility.HtmlDecode(page.Body);

    /// <summary>An agreed practice added directly, as records made before this change or by another page would be.</summary>
    private Task AgreedAsync(string familyName, PracticeCategory category, RestrictedThing? thing, string description, string? ownWords = null) =>
        app.WithDatabaseAsync(async db =>
        {
            var person = await db.People.SingleAsync(p => p.FamilyName == familyName);
            var manager = await db.Users.Where(u => u.OrganisationId == person.OrganisationId).Select(u => u.Id).FirstAsync();
            db.Practices.Add(new RestrictivePractice
            {
                OrganisationId = person.OrganisationId, ServiceId = person.ServiceId, PersonId = person.Id, Category = category,
                Description = description, Kind = PracticeKind.Planned, Status = PracticeStatus.Agreed,
                StartDate = new DateOnly(2026, 6, 1), ReviewDate = new DateOnly(2027, 3, 1), CreatedAt = app.Clock.GetUtcNow().UtcDateTime, CreatedById = manager,
                RestrictedThing = thing, RestrictedThingInOwnWords = ownWords, SameRestrictionKey = BlanketRule.SameRestrictionKey(thing, ownWords),
            });
            await db.SaveChangesAsync();
        });

    [SkippableFact]
    public async Task OnlyTheSameCategoryAndThing_Counts_AndFourOfSixIsMost_QuotingEachDescription()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var house = await app.IdOfServiceAsync("Oakfield House");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        // Three of the six have the front door locked (the demo). Not "the same": a different thing in the
        // same category, the same thing in another category, and a practice whose restricted thing is unknown.
        await AgreedAsync("Bennett", PracticeCategory.EnvironmentalRestraint, RestrictedThing.OutsideSpace, "Garden gate locked for Arthur");
        await AgreedAsync("Patel", PracticeCategory.RestrictionOfChoice, RestrictedThing.FrontDoor, "Stan goes out through the front door only with staff");
        await AgreedAsync("Morris", PracticeCategory.EnvironmentalRestraint, null, "Front door locked for Edna (recorded before R12 asked)");

        var half = Text(await manager.GetAsync($"/services/{house}/practices"));
        Assert.Contains("Garden gate locked for Arthur", half);
        Assert.DoesNotContain("may be a blanket rule", half);

        await AgreedAsync("Bennett", PracticeCategory.EnvironmentalRestraint, RestrictedThing.FrontDoor, "Front door key code not shared with Arthur");
        var most = Text(await manager.GetAsync($"/services/{house}/practices"));

        Assert.Contains("The front door or other ways out (Environmental restraint) is restricted for 4 of the 6 people in this service", most);
        foreach (var name in new[] { "Peggy", "Doris", "Joyce" })
        {
            Assert.Contains($"“Front door has a key-code lock; the code is not shared with {name}”", most);
        }
        Assert.Contains("“Front door key code not shared with Arthur”", most);
        Assert.DoesNotContain("“Front door locked for Edna", most);
        Assert.DoesNotContain("“Stan goes out", most);
    }

    [SkippableFact]
    public async Task TwoOfFour_IsNotMost_ThreeOfFour_Is_InTheManagersOwnWords()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var beech = await app.IdOfServiceAsync("Beech Road");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        await AgreedAsync("Harrison", PracticeCategory.EnvironmentalRestraint, RestrictedThing.SomethingElse, "Laundry room locked (Chloe)", "The laundry room");
        await AgreedAsync("O'Connor", PracticeCategory.EnvironmentalRestraint, RestrictedThing.SomethingElse, "Laundry locked for Liam", "laundry  room.");

        Assert.DoesNotContain("may be a blanket rule", Text(await manager.GetAsync($"/services/{beech}/practices")));

        await AgreedAsync("Sharma", PracticeCategory.EnvironmentalRestraint, RestrictedThing.SomethingElse, "Ravi's laundry room locked", "Laundry Room");
        var most = Text(await manager.GetAsync($"/services/{beech}/practices"));

        Assert.Contains("“The laundry room” (Environmental restraint) is restricted for 3 of the 4 people in this service", most);
        Assert.Contains("“Laundry room locked (Chloe)”; “Laundry locked for Liam”; “Ravi's laundry room locked”", most);
    }

    [SkippableFact]
    public async Task AgreeingAPractice_CountsIt_AndTheCheckPageWarnsBeforeAgreement()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var george = await app.IdOfPersonAsync("Whitaker");
        using var manager = await app.NewClient().SignInAsync("manager@riverside.example");
        var today = UkToday();
        var proposed = await manager.PostAsync($"/people/{george}/practices/new", new()
        {
            ["Input.Category"] = nameof(PracticeCategory.MechanicalRestraint), ["Input.Description"] = "Bed rails raised at night for George",
            ["Input.RestrictedThing"] = nameof(RestrictedThing.GettingOutOfBed),
            ["Input.Kind"] = nameof(PracticeKind.Planned), ["Input.ProposalReason"] = "Rolled out of bed",
            ["Input.StartDate.Day"] = today.Day.ToString(), ["Input.StartDate.Month"] = today.Month.ToString(), ["Input.StartDate.Year"] = today.Year.ToString(),
        });
        Assert.True(proposed.Status == HttpStatusCode.Redirect, string.Join("; ", proposed.ErrorSummary));
        var practice = await app.WithDatabaseAsync(db => db.Practices.SingleAsync(p => p.Description == "Bed rails raised at night for George"));
        Assert.Equal(RestrictedThing.GettingOutOfBed, practice.RestrictedThing);
        var url = $"/people/{george}/practices/{practice.Id}/decision";
        await manager.PostAsync(url, []);

        var check = Text(await manager.GetAsync($"{url}/check"));

        // Eileen's bed rails are agreed (reduced to midnight to 6am by her reduction plan); with George's, both people in Riverside Lodge.
        Assert.Contains("Getting out of bed (Mechanical restraint) is restricted for 2 of the 2 people in this service", check);
        Assert.Contains("“Bed rails raised at night for George”", check);
        Assert.Contains("“Bed rails raised from midnight to 6am”", check);
    }

    [SkippableFact]
    public async Task Propose_SomethingElseWithoutSayingWhat_IsRefusedAtTheField()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var peggy = await app.IdOfPersonAsync("Hughes");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        var today = UkToday();

        var page = await manager.PostAsync($"/people/{peggy}/practices/new", new()
        {
            ["Input.Category"] = nameof(PracticeCategory.EnvironmentalRestraint), ["Input.Description"] = "Something locked",
            ["Input.RestrictedThing"] = nameof(RestrictedThing.SomethingElse), ["Input.RestrictedThingInOwnWords"] = " ",
            ["Input.Kind"] = nameof(PracticeKind.Planned), ["Input.ProposalReason"] = "A reason",
            ["Input.StartDate.Day"] = today.Day.ToString(), ["Input.StartDate.Month"] = today.Month.ToString(), ["Input.StartDate.Year"] = today.Year.ToString(),
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(["Say what the practice restricts"], page.ErrorSummary);
    }

    [SkippableFact]
    public async Task APracticeRecordedBeforeR12Asked_ShowsWhatItRestrictsAsNotRecorded()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var liam = await app.IdOfPersonAsync("O'Connor");
        var ended = await app.WithDatabaseAsync(db => db.Practices.SingleAsync(p => p.Description == "Medicines cupboard locked"));
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");

        var page = Text(await manager.GetAsync($"/people/{liam}/practices/{ended.Id}"));

        Assert.Null(ended.RestrictedThing);
        Assert.Contains("What it restricts</dt><dd class=\"govuk-summary-list__value\">Not recorded</dd>", page);
    }

    private DateOnly UkToday() => UkTime.Today(app.Clock);
}

public sealed class BlanketRuleOnSqlite(SqliteApp app) : BlanketRuleTests(app), IClassFixture<SqliteApp>;

public sealed class BlanketRuleOnPostgres(PostgresApp app) : BlanketRuleTests(app), IClassFixture<PostgresApp>;

/// <summary>R12's threshold is a setting: a provider may count a lower share of a service as "most".</summary>
public abstract class BlanketRuleThresholdTests(BlanketRuleThresholdTests.LowThresholdApp app)
{
    public abstract class LowThresholdApp(DatabaseProvider provider) : AppFixture(provider)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Rules:BlanketRuleThreshold", "0.4");
        }
    }

    public sealed class OnSqlite() : LowThresholdApp(DatabaseProvider.Sqlite);
    public sealed class OnPostgres() : LowThresholdApp(DatabaseProvider.Postgres);

    [SkippableFact]
    public async Task ALowerThreshold_FlagsHalfTheService()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var house = await app.IdOfServiceAsync("Oakfield House");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");

        var page = WebUtility.HtmlDecode((await manager.GetAsync($"/services/{house}/practices")).Body);

        Assert.Contains("The front door or other ways out (Environmental restraint) is restricted for 3 of the 6 people in this service", page);
    }
}

public sealed class BlanketRuleThresholdOnSqlite(BlanketRuleThresholdTests.OnSqlite app)
    : BlanketRuleThresholdTests(app), IClassFixture<BlanketRuleThresholdTests.OnSqlite>;

public sealed class BlanketRuleThresholdOnPostgres(BlanketRuleThresholdTests.OnPostgres app)
    : BlanketRuleThresholdTests(app), IClassFixture<BlanketRuleThresholdTests.OnPostgres>;

/// <summary>A practice recorded before R12 asked can be told what it restricts, and then counts.</summary>
public abstract class WhatAPracticeRestrictsTests(AppFixture app)
{
    [SkippableFact]
    public async Task APracticeNotRecorded_IsToldWhatItRestricts_Audited_AndThenCounts()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var arthur = await app.IdOfPersonAsync("Bennett");
        var house = await app.IdOfServiceAsync("Oakfield House");
        var old = await app.WithDatabaseAsync(async db =>
        {
            var person = await db.People.SingleAsync(p => p.Id == arthur);
            var manager = await app.IdOfUserAsync("manager@oakfield.example");
            var practice = new RestrictivePractice
            {
                OrganisationId = person.OrganisationId, ServiceId = person.ServiceId, PersonId = person.Id,
                Category = PracticeCategory.EnvironmentalRestraint, Description = "Front door locked for Arthur (an old record)",
                Kind = PracticeKind.Planned, Status = PracticeStatus.Agreed, StartDate = new DateOnly(2026, 1, 5),
                ReviewDate = new DateOnly(2026, 12, 20), CreatedAt = app.Clock.GetUtcNow().UtcDateTime, CreatedById = manager,
            };
            db.Practices.Add(practice);
            await db.SaveChangesAsync();
            return practice;
        });
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        Assert.DoesNotContain("may be a blanket rule", (await manager.GetAsync($"/services/{house}/practices")).Body);
        var url = $"/people/{arthur}/practices/{old.Id}/restricts";

        var form = await manager.GetAsync(url);
        var missing = await manager.PostAsync(url, new() { ["Input.Version"] = form.ValueOf("Input.Version")! });
        Assert.Equal(["Select what the practice restricts"], missing.ErrorSummary);
        var saved = await manager.PostAsync(url, new()
        {
            ["Input.Version"] = form.ValueOf("Input.Version")!, ["Input.RestrictedThing"] = nameof(RestrictedThing.FrontDoor),
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Contains("The front door or other ways out", WebUtility.HtmlDecode((await manager.GetAsync($"/people/{arthur}/practices/{old.Id}")).Body));
        Assert.Contains("is restricted for 4 of the 6 people", WebUtility.HtmlDecode((await manager.GetAsync($"/services/{house}/practices")).Body));
        var audited = await app.WithDatabaseAsync(db => db.AuditEvents.Where(e => e.EntityId == old.Id).Select(e => e.Summary).ToListAsync());
        Assert.Contains("Recorded what the practice restricts: Front door locked for Arthur (an old record)", audited);
    }
}

public sealed class WhatAPracticeRestrictsOnSqlite(SqliteApp app) : WhatAPracticeRestrictsTests(app), IClassFixture<SqliteApp>;

public sealed class WhatAPracticeRestrictsOnPostgres(PostgresApp app) : WhatAPracticeRestrictsTests(app), IClassFixture<PostgresApp>;
