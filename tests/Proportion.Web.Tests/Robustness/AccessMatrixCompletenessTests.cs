using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Proportion.Web.Infrastructure;
using Proportion.Web.Tests.Authorisation;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Robustness;

/// <summary>
/// Every page and API route the app serves, with each method it answers, is in the access matrix: a new
/// route without its row (for every role, signed out, and with foreign ids) fails here.
/// </summary>
public sealed class AccessMatrixCompletenessTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>Routes outside the matrix on purpose: open to everyone, or the app's own plumbing.</summary>
    private static readonly string[] OutsideTheMatrix =
    [
        "/sign-in", "/sign-in/two-factor", "/sign-out", "/error", "/access-denied", "/health", "/openapi/{}.json",
        // A council's own sign-in and its return: open to everyone, as signing in is (CouncilSignInTests).
        "/sign-in/council/{}", "/sign-in/council/{}/done",
    ];

    [Fact]
    public void EveryRouteAndMethod_IsInTheAccessMatrix()
    {
        // A route is covered by the main matrix, or by the council's matrix of two councils and two providers.
        var covered = AccessMatrixTests.Gets.Concat(CouncilAccessMatrixTests.Gets).Select(g => ("GET", Segments(g.Route)))
            .Concat(AccessMatrixTests.Posts.Concat(CouncilAccessMatrixTests.Posts).Select(p => ("POST", Segments(p.Route))))
            .ToList();
        var missing = new List<string>();
        foreach (var (method, template) in Served(app.Services.GetRequiredService<EndpointDataSource>()))
        {
            if (OutsideTheMatrix.Contains(Normalise(template)))
            {
                continue;
            }
            var served = Segments(template);
            if (!covered.Any(c => c.Item1 == method && Matches(served, c.Item2)))
            {
                missing.Add($"{method} {template}");
            }
        }
        Assert.True(missing.Count == 0, $"{missing.Count} routes are not in AccessMatrixTests or CouncilAccessMatrixTests:\n" + string.Join("\n", missing.Order()));
    }

    /// <summary>Each route template with the methods it answers: a page's handlers, or an endpoint's declared methods.</summary>
    private static IEnumerable<(string Method, string Template)> Served(EndpointDataSource endpoints)
    {
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            // The stylesheet, scripts and images (ADR 0038): files open to everyone, served before sign-in is read,
            // as they were when they were not endpoints; SecurityHeadersTests and PageWeightTests cover them.
            if (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is not null)
            {
                continue;
            }
            var template = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() is { } page)
            {
                foreach (var method in AllowedMethodsMiddleware.AllowedMethods(page).Where(m => m != "HEAD"))
                {
                    yield return (method, template);
                }
            }
            else
            {
                foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                {
                    yield return (method, template);
                }
            }
        }
    }

    // Parameters first: an optional one ("{riskId:guid?}") holds a '?' that is not a query string.
    private static string Normalise(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route, @"\{[^}]*\}", "{}").Split('?')[0].TrimEnd('/');

    private static string[] Segments(string route) => Normalise(route).Split('/', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A served template's parameter matches any value the matrix names; its literals must be the same.</summary>
    private static bool Matches(string[] served, string[] row) =>
        served.Length == row.Length
        && served.Zip(row).All(p => p.First == "{}" || string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase));
}
