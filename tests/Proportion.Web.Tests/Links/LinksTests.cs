using Proportion.Core.Analytics;
using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proportion.Core.Incidents;
using Proportion.Core.Model;
using Proportion.Web.Tests.Support;
using AppLinks = Proportion.Web.Infrastructure.Links;

namespace Proportion.Web.Tests.Links;

/// <summary>
/// Every link the app builds is one its routes answer: each <see cref="AppLinks"/> method, called with
/// sample values, gives a path that a page's own @page template matches, and every page can be linked
/// to. A message stored with a path before links were generated still opens.
/// </summary>
public abstract class LinksTests(AppFixture app)
{
    /// <summary>Question pages of the discussion and the review, by the slug their routes end in.</summary>
    private static readonly string[] Slugs = ["risk", "alternatives", "views", "capacity", "legal-basis", "best-interests", "consultees", "guidelines", "check", "need", "safeguards", "outcome", "restriction", "steps", "assessments"];

    private static readonly Guid SampleId = Guid.Parse("0197a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");

    [SkippableFact]
    public void EveryLink_MatchesThePageRouteItIsBuiltFrom_AndEveryPageHasALink()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var links = app.Services.GetRequiredService<AppLinks>();
        var pages = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath))
            .Where(e => e.Page is not null)
            .ToList();
        var linked = new HashSet<string>();
        var built = 0;

        foreach (var method in typeof(AppLinks).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            foreach (var args in SampleArguments(method))
            {
                string path;
                try
                {
                    path = (string)method.Invoke(links, args)!;
                }
                catch (TargetInvocationException e) when (e.InnerException is ArgumentException && method.GetParameters().Any(p => p.Name == "slug"))
                {
                    continue; // a slug of the other journey
                }
                catch (TargetInvocationException e) when (e.InnerException is ArgumentOutOfRangeException
                    && method.Name == nameof(AppLinks.ChartChanges) && args.OfType<ChartSubject>().Single().IsCouncils)
                {
                    continue; // nobody marks a change on a council's charts (all its funded people, or those at one provider), so there is no page
                }
                catch (TargetInvocationException e) when (e.InnerException is ArgumentOutOfRangeException
                    && method.Name == nameof(AppLinks.StartPlan) && args.OfType<PlanKind>().Single() == PlanKind.Reduction)
                {
                    continue; // a reduction plan starts from its practice (StartReductionPlan)
                }
                built++;
                var bare = path.Split('#', '?')[0];
                Assert.StartsWith("/", path);
                var matches = pages.Where(p => Matches(p.Endpoint, bare)).Select(p => p.Page!).ToList();
                Assert.True(matches.Count > 0, $"{method.Name} built {path}, which no page's route matches");
                linked.UnionWith(matches);
            }
        }

        Assert.True(built >= 70, $"Only {built} links were built");
        var unlinked = pages.Select(p => p.Page!).Distinct().Where(p => p != "/Error" && !linked.Contains(p)).ToList();
        Assert.True(unlinked.Count == 0, "Pages no Links method leads to: " + string.Join(", ", unlinked));
    }

    [SkippableFact]
    public void QueryStringsAndFragments_AreAddedByTheLinkThatNeedsThem()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var links = app.Services.GetRequiredService<AppLinks>();
        var service = Guid.NewGuid();
        var check = Guid.NewGuid();

        Assert.Equal($"/services/{service}/monitoring/{check}#actions", links.MonitoringActions(service, check));
        Assert.Equal($"/services/{service}/incidents/export/mhs505?Filter.Type=Emergency", links.ServiceIncidentsExport(service, "mhs505", "Filter.Type=Emergency"));
        Assert.Equal($"/services/{service}/incidents", links.ServiceIncidents(service, ""));
        Assert.Throws<ArgumentException>(() => links.DecisionStep(service, check, "no-such-question"));
    }

    [SkippableFact]
    public async Task AMessageStoredWithATypedPath_StillOpens_AndNewOnesUseTheSamePath()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var links = app.Services.GetRequiredService<AppLinks>();
        var careWorkerId = await app.IdOfUserAsync("careworker@oakfield.example");
        // An incident the care worker was involved in: the demo data reminds them to reflect on one.
        var incidentId = await app.WithDatabaseAsync(db => IncidentQueries.ReflectionsOwed(db, careWorkerId).Select(i => i.Id).FirstAsync());
        var storedPath = $"/incidents/{incidentId}/reflection"; // as messages were written before Links
        var message = $"Stored before links were generated {Guid.NewGuid():N}";
        await app.WithDatabaseAsync(async db =>
        {
            var organisationId = await db.Users.Where(u => u.Id == careWorkerId).Select(u => u.OrganisationId).SingleAsync();
            db.Notifications.Add(new Notification { OrganisationId = organisationId, UserId = careWorkerId, Message = message, Link = storedPath, CreatedAt = app.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        });
        using var careWorker = await app.NewClient().SignInAsync("careworker@oakfield.example");

        var inbox = await careWorker.GetAsync(links.Notifications());
        var href = inbox.Document.QuerySelectorAll("a").Single(a => a.TextContent.Contains(message)).GetAttribute("href");
        var opened = await careWorker.GetAsync(href!);

        Assert.Equal(storedPath, href);
        Assert.Equal(HttpStatusCode.OK, opened.Status);
        Assert.Equal(storedPath, links.IncidentReflection(incidentId));
    }

    private static bool Matches(RouteEndpoint endpoint, string path)
    {
        var template = TemplateParser.Parse(endpoint.RoutePattern.RawText!.TrimStart('/'));
        return new TemplateMatcher(template, new RouteValueDictionary()).TryMatch(path, new RouteValueDictionary());
    }

    /// <summary>One set of sample values for each method, or one per slug for the question pages.</summary>
    private static IEnumerable<object?[]> SampleArguments(MethodInfo method)
    {
        var parameters = method.GetParameters();
        var slugs = parameters.Any(p => p.Name == "slug") ? Slugs : [""];
        // A chart link goes to a different page for each kind of subject: try every kind.
        var subjects = parameters.Any(p => p.ParameterType == typeof(ChartSubject))
            ? Enum.GetValues<ChartSubjectKind>().Select(k => (ChartSubject?)new ChartSubject(k, SampleId)).ToArray()
            : new ChartSubject?[] { null };
        // Each kind of plan has its own pages: try every kind.
        var kinds = parameters.Any(p => p.ParameterType == typeof(PlanKind)) ? Enum.GetValues<PlanKind>() : [PlanKind.Profile];
        foreach (var (slug, subject, kind) in slugs.SelectMany(slug => subjects.SelectMany(subject => kinds.Select(kind => (slug, subject, kind)))))
        {
            yield return [.. parameters.Select(p => p.ParameterType switch
            {
                var t when t == typeof(Guid) => (object?)SampleId,
                var t when t == typeof(int) => 1,
                var t when t == typeof(NotificationRecipient) => Enum.GetValues<NotificationRecipient>()[0],
                var t when t == typeof(ChartSubject) => subject,
                var t when t == typeof(Measure) => Measure.Prone,
                var t when t == typeof(ChartPeriod) => ChartPeriod.Week,
                var t when t == typeof(PlanKind) => kind,
                _ when p.Name == "slug" => slug,
                _ when p.Name == "table" => "mhs505",
                _ => null,
            })];
        }
    }
}

public sealed class LinksOnSqlite(SqliteApp app) : LinksTests(app), IClassFixture<SqliteApp>;
