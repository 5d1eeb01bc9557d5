using AngleSharp.Dom;

namespace Proportion.Web.Tests.Support;

/// <summary>
/// Finds what the Content-Security-Policy would block in a page: inline scripts, style elements and
/// attributes, event-handler attributes and javascript: links. Each is described so a failure says where.
/// </summary>
public static class InlineCode
{
    public static IReadOnlyList<string> In(IDocument document)
    {
        var found = new List<string>();
        found.AddRange(document.QuerySelectorAll("script:not([src])").Select(s => "inline <script>: " + Start(s.OuterHtml)));
        found.AddRange(document.QuerySelectorAll("style").Select(s => "<style> element: " + Start(s.OuterHtml)));
        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name == "style" || attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)
                    || attribute.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
                {
                    found.Add($"{attribute.Name} attribute on <{element.LocalName}>: " + Start(element.OuterHtml));
                }
            }
        }
        return found;
    }

    private static string Start(string html) => html.Length <= 120 ? html : html[..120] + "...";
}
