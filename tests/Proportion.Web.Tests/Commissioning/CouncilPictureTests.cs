using System.Net;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Analytics;
using Proportion.Core.Commissioning;
using Proportion.Core.Liberty;
using Proportion.Core.Model;
using Proportion.Core.Oversight;
using Proportion.Core.Rules;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Commissioning;

/// <summary>
/// The council-wide picture (R27): each council's commissioner sees every provider where it funds people and
/// nothing else; the grouped queries give the same figures as the records counted one by one with the rules the
/// person's own pages use; each figure leads to the people it counts; and the charts drawn per provider add up to
/// the council's.
/// </summary>
public abstract class CouncilPictureTests(AppFixture app)
{
    private const string Commissioner = "commissioner@northshire.example";

    private Task<Guid> OrganisationAsync(string name) =>
        app.WithDatabaseAsync(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    /// <summary>
    /// Eileen Foster (Riverside, funded by Northshire) gets authorisations that exercise each DoLS figure: one whose
    /// renewal is due, one ended with nothing after it, and one ended but followed on by the next day.
    /// </summary>
    private async Task AddAuthorisationsAsync()
    {
        var today = UkTime.Today(app.Clock);
        await app.WithDatabaseAsync(async db =>
        {
            if (await db.LibertyAuthorisations.AnyAsync(a => a.Notes == "Picture test"))
            {
                return;
            }
            var eileen = await db.People.SingleAsync(p => p.FamilyName == "Foster");
            var george = await db.People.SingleAsync(p => p.FamilyName == "Whitaker");
            LibertyAuthorisation Granted(Person person, DateOnly starts, DateOnly ends) => new()
            {
                OrganisationId = person.OrganisationId, PersonId = person.Id, Kind = LibertyAuthorisationKind.StandardAuthorisation,
                RequestedOn = starts.AddDays(-30), Outcome = LibertyOutcome.Granted, StartsOn = starts, ExpiresOn = ends,
                OutcomeRecordedOn = starts, CqcNotifiedOn = starts, Notes = "Picture test", RecordedAt = app.Clock.GetUtcNow().UtcDateTime,
            };
            db.LibertyAuthorisations.AddRange(
                Granted(eileen, today.AddDays(-300), today.AddDays(20)),
                Granted(eileen, today.AddDays(-700), today.AddDays(-400)),
                Granted(eileen, today.AddDays(-1200), today.AddDays(-701)),
                // George is not funded by any council: never counted.
                Granted(george, today.AddDays(-400), today.AddDays(-10)));
            await db.SaveChangesAsync();
        });
    }

    private sealed record Expected(int People, Dictionary<PracticeCategory, int> InPlace, int ReviewsOverdue, int Incidents, int Prone,
        int RenewalsDue, int Ended, int SignOffs);

    [SkippableFact]
    public async Task TheFigures_AreTheRecordsCountedOneByOne_WithTheRulesThePeoplesOwnPagesUse()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        await TwoCouncils.EnsureAsync(app);
        await AddAuthorisationsAsync();
        var northshire = await OrganisationAsync("Northshire Council");
        var today = UkTime.Today(app.Clock);

        var (picture, expected) = await app.WithDatabaseAsync<(CouncilPictureView, Dictionary<Guid, Expected>)>(async db =>
        {
            var view = await new CouncilPicture(db, app.Clock).ReadAsync(northshire);
            var funded = await db.People.AsNoTracking().Where(p => p.FundingCouncilId == northshire).ToListAsync();
            var ids = funded.Select(p => p.Id).ToHashSet();
            var practices = await db.Practices.AsNoTracking().Where(p => ids.Contains(p.PersonId)).ToListAsync();
            var from = UkTime.EndOfDay(CouncilPicture.IncidentsFrom(today).AddDays(-1));
            var incidents = await db.Incidents.AsNoTracking().Include(i => i.Interventions).Where(i => ids.Contains(i.PersonId)).ToListAsync();
            var liberty = await LibertyDue.ForPeopleAsync(db, db.People.Where(p => p.FundingCouncilId == northshire), today);
            var authorisations = await db.LibertyAuthorisations.AsNoTracking().Where(a => ids.Contains(a.PersonId)).ToDictionaryAsync(a => a.Id);
            var openDeclines = await db.DecisionDeclines.AsNoTracking().Where(x => x.AnsweredAt == null).Select(x => x.DecisionId).ToListAsync();
            var drafts = await db.Decisions.AsNoTracking().Where(d => ids.Contains(d.PersonId) && d.Status == DecisionStatus.Draft).ToListAsync();

            var byProvider = funded.GroupBy(p => p.OrganisationId).ToDictionary(g => g.Key, g =>
            {
                var mine = g.Select(p => p.Id).ToHashSet();
                var inForce = PracticeQueries.InForce(practices.Where(p => mine.Contains(p.PersonId)).AsQueryable()).ToList();
                var counted = incidents.Where(i => mine.Contains(i.PersonId) && i.OccurredAt >= from && i.OccurredAt < UkTime.EndOfDay(today)).ToList();
                var items = liberty.Where(i => mine.Contains(i.PersonId)).ToList();
                return new Expected(
                    People: g.Count(),
                    InPlace: inForce.GroupBy(p => p.Category).ToDictionary(c => c.Key, c => c.Count()),
                    ReviewsOverdue: inForce.Count(p => p.ReviewDate < today),
                    Incidents: counted.Count,
                    Prone: counted.Count(i => i.Interventions.Any(x => x.Type == InterventionType.PhysicalProne)),
                    RenewalsDue: items.Count(i => i.Kind == LibertyDeadlineKind.Renew && i.Due <= today.AddDays(LibertyDue.ShownWithinDays)
                        && authorisations[i.RecordId].ExpiresOn >= today),
                    Ended: items.Count(i => i.Kind == LibertyDeadlineKind.Ends && i.Overdue),
                    SignOffs: drafts.Count(d => mine.Contains(d.PersonId) && d.Capacity == CapacityToConsent.LacksCapacity
                        && d.SignOffs.All(s => s.Role != SignOffRole.SocialWorker) && !openDeclines.Contains(d.Id)));
            });
            return (view, byProvider);
        });

        Assert.Equal(expected.Keys.Order(), picture.Providers.Select(p => p.OrganisationId).Order());
        Assert.True(picture.Total.RenewalsDue >= 1 && picture.Total.AuthorisationsEnded >= 1, "the authorisations added are counted");
        foreach (var provider in picture.Providers)
        {
            var want = expected[provider.OrganisationId];
            var got = provider.Figures;
            Assert.Equal(want.People, got.People);
            Assert.Equal(want.InPlace.OrderBy(c => c.Key), got.InPlace.OrderBy(c => c.Key));
            Assert.Equal(want.ReviewsOverdue, got.ReviewsOverdue);
            Assert.Equal(want.Incidents, got.Incidents);
            Assert.Equal(want.Prone, got.Prone);
            Assert.Equal(want.RenewalsDue, got.RenewalsDue);
            Assert.Equal(want.Ended, got.AuthorisationsEnded);
            Assert.Equal(want.SignOffs, got.SignOffsWaiting);
        }
    }

    [SkippableFact]
    public async Task EachCommissioner_SeesTheProvidersTheirCouncilFunds_AndOnlyThePeopleItFunds()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        await TwoCouncils.EnsureAsync(app);
        var oakfield = await OrganisationAsync("Oakfield Care");
        var riverside = await OrganisationAsync("Riverside Care Ltd");

        using var north = await app.NewClient().SignInAsync(Commissioner);
        var page = await north.GetAsync("/council/picture");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var providers = page.Document.QuerySelectorAll("#practices tbody th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Equal(["Oakfield Care", "Riverside Care Ltd", "All providers"], providers);
        // Each provider's name and figures open its page.
        Assert.NotNull(page.Document.QuerySelector($"#practices a[href='/council/picture/{oakfield}']"));
        Assert.Contains(page.Document.QuerySelectorAll("#practices a"), a => a.GetAttribute("href") == $"/council/picture/{riverside}#people");
        Assert.NotNull(page.Document.QuerySelector("#training"));
        Assert.NotNull(page.Document.QuerySelector($"a[href='/council/picture/{riverside}/charts']"));

        var atRiverside = await north.GetAsync($"/council/picture/{riverside}");
        Assert.Equal(HttpStatusCode.OK, atRiverside.Status);
        var people = atRiverside.Document.QuerySelectorAll("#person-practices tbody th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Equal(["Eileen Foster"], people);
        Assert.DoesNotContain("Owen Marsh", atRiverside.Body);
        Assert.DoesNotContain("George Whitaker", atRiverside.Body);
        var eileen = await app.IdOfPersonAsync("Foster");
        Assert.NotNull(atRiverside.Document.QuerySelector($"#person-practices a[href='/people/{eileen}']"));

        using var south = await app.NewClient().SignInAsync("commissioner@southshire.example");
        var theirs = await south.GetAsync("/council/picture");
        Assert.Equal(["Riverside Care Ltd"], theirs.Document.QuerySelectorAll("#practices tbody th").Select(th => th.TextContent.Trim()).ToList());
        var theirRiverside = await south.GetAsync($"/council/picture/{riverside}");
        Assert.Equal(["Owen Marsh"], theirRiverside.Document.QuerySelectorAll("#person-practices tbody th").Select(th => th.TextContent.Trim()).ToList());
        Assert.DoesNotContain("Eileen Foster", theirRiverside.Body);
        Assert.Equal(HttpStatusCode.NotFound, (await south.GetAsync($"/council/picture/{oakfield}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await south.GetAsync($"/council/picture/{Guid.NewGuid()}")).Status);
    }

    [SkippableFact]
    public async Task EachProvidersCharts_CountThatProvidersFundedPeople_AndAddUpToTheCouncils()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        await TwoCouncils.EnsureAsync(app);
        var northshire = await OrganisationAsync("Northshire Council");
        var riverside = await OrganisationAsync("Riverside Care Ltd");
        var today = UkTime.Today(app.Clock);
        var from = today.AddYears(-2);
        var providers = await app.WithDatabaseAsync(db => db.People.Where(p => p.FundingCouncilId == northshire).Select(p => p.OrganisationId).Distinct().ToListAsync());
        Assert.True(providers.Count >= 2);

        foreach (var measure in new[] { Measure.Incidents, Measure.Interventions, Measure.PracticesInPlace })
        {
            var (council, parts) = await app.WithDatabaseAsync(async db =>
            {
                var series = new RestrictionSeries(db);
                var whole = await series.ReadAsync(new ChartSubject(ChartSubjectKind.Council, northshire), measure, ChartPeriod.Month, from, today);
                var each = new List<IReadOnlyList<SeriesPoint>>();
                foreach (var provider in providers)
                {
                    each.Add(await series.ReadAsync(ChartSubject.CouncilProvider(northshire, provider), measure, ChartPeriod.Month, from, today));
                }
                return (whole, each);
            });
            Assert.True(council.Sum(p => p.Value) > 0, $"{measure}: the demo data has some");
            for (var i = 0; i < council.Count; i++)
            {
                Assert.Equal(council[i].Value, parts.Sum(p => p[i].Value));
            }
        }

        using var north = await app.NewClient().SignInAsync(Commissioner);
        var charts = await north.GetAsync($"/council/picture/{riverside}/charts");
        Assert.Equal(HttpStatusCode.OK, charts.Status);
        Assert.Contains("People Northshire Council funds at Riverside Care Ltd", charts.Body);
        Assert.NotNull(charts.Document.QuerySelector("svg, table"));
        // A measure or period from a tampered link falls back to the defaults, as on every chart.
        Assert.Equal(HttpStatusCode.OK, (await north.GetAsync($"/council/picture/{riverside}/charts?measure=Nonsense&period=99")).Status);
    }
}

public sealed class CouncilPictureOnSqlite(SqliteApp app) : CouncilPictureTests(app), IClassFixture<SqliteApp>;

public sealed class CouncilPictureOnPostgres(PostgresApp app) : CouncilPictureTests(app), IClassFixture<PostgresApp>;
