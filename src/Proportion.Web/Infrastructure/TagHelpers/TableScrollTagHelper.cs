using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Proportion.Web.Infrastructure.TagHelpers;

/// <summary>
/// Wraps a wide table so it scrolls sideways on a phone instead of widening the page. The wrapper is a
/// focusable, labelled region so keyboard users can scroll it too (WCAG 2.1.1, 1.4.10).
/// <code>&lt;app-table-scroll label="People you can see"&gt;&lt;table&gt;...&lt;/table&gt;&lt;/app-table-scroll&gt;</code>
/// Part of a scrolled table is out of sight: tables of figures use <c>govuk-table app-table-reflow</c> instead
/// (Styles/partials/_tables.scss), which shows every column at desktop width and reflows rows on a phone.
/// </summary>
[HtmlTargetElement("app-table-scroll")]
public sealed class TableScrollTagHelper : TagHelper
{
    public string Label { get; set; } = "";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "app-table-scroll");
        output.Attributes.SetAttribute("role", "region");
        output.Attributes.SetAttribute("aria-label", Label);
        output.Attributes.SetAttribute("tabindex", "0");
    }
}
