using System.Text;
using System.Text.Json;
using OpenQA.Selenium;

namespace Proportion.Browser.Tests.Infrastructure;

/// <summary>Runs axe-core (from npm, copied next to this assembly) in the page.</summary>
public static class Axe
{
    /// <summary>WCAG 2.2 AA, as the design asks.</summary>
    public static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    private static readonly Lazy<string> Source = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new FileNotFoundException(
                $"{path} is missing: build tests/Proportion.Browser.Tests (it runs npm ci for axe-core).");
    });

    private const string RunScript =
        """
        var done = arguments[arguments.length - 1];
        axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
          .then(function (r) {
            done(JSON.stringify(r.violations.map(function (v) {
              return {
                id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(function (n) {
                  return { target: n.target.map(function (t) { return String(t); }), html: n.html, summary: n.failureSummary || '' };
                })
              };
            })));
          })
          .catch(function (e) { done('axe failed: ' + e); });
        """;

    public static IReadOnlyList<AxeViolation> Run(IWebDriver driver)
    {
        var js = (IJavaScriptExecutor)driver;
        var present = js.ExecuteScript("return typeof window.axe !== 'undefined';") is true;
        if (!present) js.ExecuteScript(Source.Value);

        var result = js.ExecuteAsyncScript(RunScript, Tags.Cast<object>().ToList()) as string
            ?? throw new InvalidOperationException("axe returned nothing");
        if (!result.StartsWith('[')) throw new InvalidOperationException(result);

        return JsonSerializer.Deserialize<List<AxeViolation>>(result, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    public static string Describe(string pageName, string url, IReadOnlyList<AxeViolation> violations)
    {
        var text = new StringBuilder();
        text.AppendLine($"{violations.Count} axe violation(s) on {pageName} ({url}):");
        foreach (var v in violations)
        {
            text.AppendLine($"- {v.Id} [{v.Impact}] {v.Help} ({v.HelpUrl})");
            foreach (var node in v.Nodes.Take(10))
            {
                text.AppendLine($"    at {string.Join(" ", node.Target)}");
                text.AppendLine($"       {Shorten(node.Html)}");
            }

            if (v.Nodes.Count > 10) text.AppendLine($"    ... and {v.Nodes.Count - 10} more");
        }

        return text.ToString();
    }

    private static string Shorten(string html) =>
        html.Length <= 160 ? html : html[..157] + "...";
}

public sealed record AxeViolation(string Id, string Impact, string Help, string HelpUrl, List<AxeNode> Nodes);

public sealed record AxeNode(List<string> Target, string Html, string Summary);
