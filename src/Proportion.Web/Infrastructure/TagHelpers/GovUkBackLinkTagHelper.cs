using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Proportion.Web.Infrastructure.TagHelpers;

/// <summary>
/// GOV.UK back link: <c>&lt;govuk-back-link href="/people" /&gt;</c>, or with content for other text.
/// Place it in the layout's BeforeContent section, outside main.
/// </summary>
[HtmlTargetElement("govuk-back-link", TagStructure = TagStructure.NormalOrSelfClosing)]
public sealed class GovUkBackLinkTagHelper : TagHelper
{
    [HtmlAttributeName("href")]
    public string Href { get; set; } = "#";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        output.TagName = "a";
        output.TagMode = TagMode.StartTagAndEndTag;
        // Razor resolves "~/" only on the elements it knows, so resolve it here for an app hosted under a path base.
        var href = Href.StartsWith("~/", StringComparison.Ordinal) ? ViewContext.HttpContext.Request.PathBase + Href[1..] : Href;
        output.Attributes.SetAttribute("href", href);
        output.Attributes.SetAttribute("class", "govuk-back-link");
        if (content.IsEmptyOrWhiteSpace)
        {
            output.Content.SetContent("Back");
        }
        else
        {
            output.Content.SetHtmlContent(content);
        }
    }
}
