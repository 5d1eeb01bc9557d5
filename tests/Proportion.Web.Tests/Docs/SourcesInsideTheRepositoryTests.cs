using System.Text.RegularExpressions;

namespace Proportion.Web.Tests.Docs;

/// <summary>
/// Comments, docs and the Source of every finding point to public sources or to docs/rules.md, never to
/// working files outside the repository (the source documents the project was first built from).
/// </summary>
public class SourcesInsideTheRepositoryTests
{
    /// <summary>
    /// A path that climbs out of the repository to a folder beside it ("../name/..."), and the numbered source
    /// documents the project was first built from. Written as patterns, so this file does not name them itself.
    /// </summary>
    private static readonly Regex[] Forbidden =
    [
        new(@"(?<![.\w])\.\./[a-z]+/[\w.]+\.(md|txt)", RegexOptions.IgnoreCase),
        new(@"\bseeds?[ /]0\d", RegexOptions.IgnoreCase),
        new(@"\b[a-z]+/domain\.md\b", RegexOptions.IgnoreCase),
    ];

    private static readonly string[] Scanned = ["*.cs", "*.cshtml", "*.md", "*.json", "*.js", "*.css", "*.scss", "*.sh", "*.props", "*.csproj"];

    private static readonly string[] Skipped = ["node_modules", "bin", "obj"];

    [Fact]
    public void NothingPointsToFilesOutsideTheRepository()
    {
        var root = RepositoryRoot();
        var files = new[] { "src", "tests", "bench", "docs" }
            .SelectMany(top => Scanned.SelectMany(pattern => Directory.EnumerateFiles(Path.Combine(root, top), pattern, SearchOption.AllDirectories)))
            .Concat(Directory.EnumerateFiles(root, "*.md"))
            .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar).Any(Skipped.Contains))
            .ToList();
        Assert.NotEmpty(files);

        var offenders = (from file in files
                         from line in File.ReadLines(file).Select((text, index) => (text, number: index + 1))
                         from forbidden in Forbidden
                         where forbidden.IsMatch(line.text)
                         select $"{Path.GetRelativePath(root, file)}:{line.number}: {forbidden}").ToList();
        Assert.Empty(offenders);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Proportion.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Proportion.slnx not found above " + AppContext.BaseDirectory);
    }
}
