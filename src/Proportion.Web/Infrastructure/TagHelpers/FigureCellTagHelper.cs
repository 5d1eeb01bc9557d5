using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Proportion.Web.Infrastructure.TagHelpers;

/// <summary>
/// A count in a data table that fits the screen (<c>govuk-table app-table-reflow</c>, see Styles/partials/_tables.scss):
/// a numeric cell labelled with its column heading for the phone layout, linked to the records behind it, and
/// shown as a red tag when every one is something to act on. Zero shows as 0 without a link: there is nothing to open.
/// <code>&lt;app-figure label="Prone" count="@row.Prone" href="@Links.ServiceIncidents(id, query)" needs-action="true" /&gt;</code>
/// The link's text is the figure alone: its row and column headings give it its meaning (WCAG 2.4.4, in context).
/// </summary>
[HtmlTargetElement("app-figure", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FigureCellTagHelper : TagHelper
{
    /// <summary>The column's heading, shown beside the figure on a phone.</summary>
    public string Label { get; set; } = "";

    public int Count { get; set; }

    /// <summary>Where the records behind the figure are listed; null or empty for a total, or where no list exists.</summary>
    public string? Href { get; set; }

    /// <summary>A figure above zero needs someone to act (something late or missing), so it is a red tag.</summary>
    public bool NeedsAction { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "td";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-table__cell govuk-table__cell--numeric");
        output.Attributes.SetAttribute("data-label", Label);

        var text = Count.ToString(CultureInfo.InvariantCulture);
        if (Count == 0)
        {
            output.Content.SetContent(text);
            return;
        }
        IHtmlContent figure = new HtmlString(text);
        if (!string.IsNullOrEmpty(Href))
        {
            var link = new TagBuilder("a");
            link.AddCssClass("govuk-link");
            link.Attributes["href"] = Href;
            link.InnerHtml.Append(text);
            figure = link;
        }
        if (NeedsAction)
        {
            var tag = new TagBuilder("strong");
            tag.AddCssClass("govuk-tag govuk-tag--red");
            tag.InnerHtml.AppendHtml(figure);
            figure = tag;
        }
        output.Content.SetHtmlContent(figure);
    }
}
