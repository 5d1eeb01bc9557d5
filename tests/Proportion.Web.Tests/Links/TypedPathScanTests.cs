using System.Text.RegularExpressions;

namespace Proportion.Web.Tests.Links;

/// <summary>
/// Links are generated, not typed: a path to a page written by hand in a view, a redirect or Core is a
/// link that breaks silently when the page's route changes. Only Links.cs (which builds them from the
/// routes) and the pages' own @page templates may spell a route out. Static assets are files, not routes.
/// </summary>
public sealed partial class TypedPathScanTests
{
    /// <summary>An href, action or formaction to a path of the app, except its static files.</summary>
    [GeneratedRegex("""\b(href|action|formaction)\s*=\s*"/(?!(assets|css|js)/)""")]
    private static partial Regex TypedPathInView();

    /// <summary>A redirect to a literal path, or a path of a record's page written as a string.</summary>
    [GeneratedRegex("""Redirect\(\s*\$?@?"/|\$@?"/(people|incidents|services|staff|admin|notifications|tasks|guidelines|organisation|account)\b|"/(people|incidents|services|staff|admin)/""")]
    private static partial Regex TypedPathInCode();

    /// <summary>Route templates of the API (not links to pages) are written where they are mapped.</summary>
    [GeneratedRegex(@"\.Map(Get|Post|Put|Patch|Delete|Group|Methods)\(")]
    private static partial Regex RouteMapping();

    [Fact]
    public void NoViewTypesAPathToAPage()
    {
        var found = Scan("*.cshtml", line => !line.TrimStart().StartsWith("@page") && TypedPathInView().IsMatch(line));
        Assert.True(found.Count == 0, "Use @Links.Xxx(...) instead of a typed path:\n" + string.Join("\n", found));
    }

    [Fact]
    public void NoCodeTypesAPathToAPage()
    {
        var found = Scan("*.cs", line => TypedPathInCode().IsMatch(line) && !RouteMapping().IsMatch(line),
            exceptFile: path => Path.GetFileName(path) == "Links.cs");
        Assert.True(found.Count == 0, "Use Links (or IRecordLinks in Core) instead of a typed path:\n" + string.Join("\n", found));
    }

    /// <summary>The scan can fail: each of these is what it is there to catch.</summary>
    [Theory]
    [InlineData("""<a href="/people/@p.Id/practices" class="govuk-link">""", true)]
    [InlineData("""<form method="post" action="/incidents/@Model.Id/review">""", true)]
    [InlineData("""<a href="/">Home</a>""", true)]
    [InlineData("""<link rel="stylesheet" href="/assets/govuk-frontend.min.css">""", false)]
    [InlineData("""<script src="/js/app.js"></script><a href="@Links.Person(p.Id)">""", false)]
    public void TheViewScanCatchesTypedPaths(string line, bool typed) => Assert.Equal(typed, TypedPathInView().IsMatch(line));

    [Theory]
    [InlineData("""return Redirect($"/people/{id}/practices");""", true)]
    [InlineData("""return Redirect("/guidelines");""", true)]
    [InlineData("""var link = $"/incidents/{incident.Id}";""", true)]
    [InlineData("""Add("Read", about, null, "/people/x/practices", "§7.5");""", true)]
    [InlineData("""return Redirect(Links.Incident(id));""", false)]
    [InlineData("""api.MapGet("/people/{id:guid}", async () => 1);""", true)] // caught by the pattern, then let through as a mapping
    public void TheCodeScanCatchesTypedPaths(string line, bool typed) => Assert.Equal(typed, TypedPathInCode().IsMatch(line));

    private static List<string> Scan(string pattern, Func<string, bool> typed, Func<string, bool>? exceptFile = null)
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(src, pattern, SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                                 && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                                 && exceptFile?.Invoke(f) != true))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (typed(lines[i]))
                {
                    found.Add($"{Path.GetRelativePath(src, file)}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }
        return found;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Proportion.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (Proportion.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
