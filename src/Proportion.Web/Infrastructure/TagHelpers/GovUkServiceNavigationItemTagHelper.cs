using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Proportion.Web.Infrastructure.TagHelpers;

/// <summary>
/// One item of the GOV.UK service navigation (the layout's _Navigation partial):
/// <c>&lt;govuk-service-navigation-item href="/people"&gt;People&lt;/govuk-service-navigation-item&gt;</c>.
/// It is current on its own page (aria-current="page") and active anywhere beneath it (aria-current="true"),
/// unless <c>active</c> says otherwise.
/// </summary>
[HtmlTargetElement("govuk-service-navigation-item")]
public sealed class GovUkServiceNavigationItemTagHelper : TagHelper
{
    [HtmlAttributeName("href")]
    public string Href { get; set; } = "/";

    /// <summary>Overrides the path-based active state.</summary>
    [HtmlAttributeName("active")]
    public bool? Active { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var text = await output.GetChildContentAsync();
        var path = ViewContext.HttpContext.Request.Path.Value ?? "/";
        var target = Href.Split('?', '#')[0].TrimEnd('/');
        var current = string.Equals(path.TrimEnd('/'), target, StringComparison.OrdinalIgnoreCase);
        // "/" is the parent of every path, so the home item is only ever active on the home page.
        var beneath = target.Length > 0 && path.StartsWith(target + "/", StringComparison.OrdinalIgnoreCase);
        var active = Active ?? (current || beneath);

        var link = new TagBuilder("a");
        link.AddCssClass("govuk-service-navigation__link");
        link.Attributes["href"] = Href.StartsWith("~/", StringComparison.Ordinal) ? ViewContext.HttpContext.Request.PathBase + Href[1..] : Href;
        if (active)
        {
            link.Attributes["aria-current"] = current ? "page" : "true";
            // Bold survives forced-colour modes that flatten the active item's styling.
            var strong = new TagBuilder("strong");
            strong.AddCssClass("govuk-service-navigation__active-fallback");
            strong.InnerHtml.AppendHtml(text);
            link.InnerHtml.AppendHtml(strong);
        }
        else
        {
            link.InnerHtml.AppendHtml(text);
        }

        output.TagName = "li";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", active
            ? "govuk-service-navigation__item govuk-service-navigation__item--active"
            : "govuk-service-navigation__item");
        output.Content.SetHtmlContent(link);
    }
}
