using System.Net;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Model;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Commissioning;

/// <summary>
/// A council funding people at many providers: the picture shows them 25 at a time by name, with the totals for
/// every provider on each page, and a page number out of range or not a number shows the nearest page.
/// Its own database, since it adds 30 providers.
/// </summary>
public abstract class CouncilPicturePagesTests(AppFixture app)
{
    [SkippableFact]
    public async Task ManyProviders_AreShownTwentyFiveAtATime_WithTheTotalsForAll()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        await app.WithDatabaseAsync(async db =>
        {
            if (await db.Organisations.AnyAsync(o => o.Name.StartsWith("Paged Care")))
            {
                return;
            }
            var northshire = await db.Organisations.Where(o => o.Name == "Northshire Council").Select(o => o.Id).SingleAsync();
            var now = app.Clock.GetUtcNow().UtcDateTime;
            for (var i = 1; i <= 30; i++)
            {
                var provider = new Proportion.Core.Model.Organisation { Name = $"Paged Care {i:D2}", Kind = OrganisationKind.Provider, CreatedAt = now };
                var service = new Service { OrganisationId = provider.Id, Name = $"Paged House {i:D2}", SettingType = SettingType.CareHome, CreatedAt = now };
                db.AddRange(provider, service, new Person
                {
                    OrganisationId = provider.Id, ServiceId = service.Id, GivenName = "Paged", FamilyName = $"Person {i:D2}",
                    DateOfBirth = new DateOnly(1950, 1, 1), FundingCouncilId = northshire, CreatedAt = now,
                });
            }
            await db.SaveChangesAsync();
        });
        var total = await app.WithDatabaseAsync(async db =>
        {
            var northshire = await db.Organisations.Where(o => o.Name == "Northshire Council").Select(o => o.Id).SingleAsync();
            return await db.People.Where(p => p.FundingCouncilId == northshire).Select(p => p.OrganisationId).Distinct().CountAsync();
        });
        Assert.True(total > 25);

        using var client = await app.NewClient().SignInAsync("commissioner@northshire.example");
        List<string> Rows(AppClient.Page page) => [.. page.Document.QuerySelectorAll("#practices tbody th").Select(th => th.TextContent.Trim())];

        var first = await client.GetAsync("/council/picture");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(26, Rows(first).Count);
        Assert.Equal("All providers", Rows(first)[^1]);
        Assert.Contains($"1 to 25 of {total}", first.Body);
        Assert.NotNull(first.Document.QuerySelector("nav.govuk-pagination a[href='/council/picture?PageNumber=2']"));

        var second = await client.GetAsync("/council/picture?PageNumber=2");
        Assert.Equal(total - 25 + 1, Rows(second).Count);
        Assert.Empty(Rows(first).SkipLast(1).Intersect(Rows(second).SkipLast(1)));
        Assert.Equal(first.Document.QuerySelector("#practices tbody tr:last-child")!.TextContent, second.Document.QuerySelector("#practices tbody tr:last-child")!.TextContent);

        Assert.Equal(Rows(second), Rows(await client.GetAsync("/council/picture?PageNumber=99")));
        Assert.Equal(Rows(first), Rows(await client.GetAsync("/council/picture?PageNumber=nonsense")));
    }
}

public sealed class CouncilPicturePagesOnSqlite(SqliteApp app) : CouncilPicturePagesTests(app), IClassFixture<SqliteApp>;

public sealed class CouncilPicturePagesOnPostgres(PostgresApp app) : CouncilPicturePagesTests(app), IClassFixture<PostgresApp>;
