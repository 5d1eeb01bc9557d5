using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Proportion.Web.Infrastructure.TagHelpers;

/// <summary>
/// GOV.UK error summary: one line per ModelState key with errors (its first error). Errors on a field
/// link to it; others (an empty key, a handler parameter) are plain text. General errors come first,
/// then fields in the order the input model declares them (GOV.UK: the order of the form), then the
/// rest. Renders nothing when there are no errors. Put it first inside the main column, before the h1.
/// </summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.NormalOrSelfClosing)]
public sealed class GovUkErrorSummaryTagHelper : TagHelper
{
    [HtmlAttributeName("title")]
    public string Title { get; set; } = "There is a problem";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var modelState = ViewContext.ModelState;
        if (modelState.ErrorCount == 0)
        {
            output.SuppressOutput();
            return;
        }

        var list = new TagBuilder("ul");
        list.Attributes["class"] = "govuk-list govuk-error-summary__list";
        var errors = modelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .Select(e => (Entry: e.Value!, Target: GovUkErrorTargets.Resolve(e.Key, ViewContext.ViewData.ModelMetadata)))
            .OrderBy(e => e.Target.Position, Comparer<IReadOnlyList<int>>.Create(GovUkErrorTargets.ComparePositions));
        foreach (var (entry, (id, _)) in errors)
        {
            var message = string.IsNullOrEmpty(entry.Errors[0].ErrorMessage) ? "Enter a valid value" : entry.Errors[0].ErrorMessage;
            var item = new TagBuilder("li");
            if (id is not null)
            {
                var link = new TagBuilder("a");
                link.Attributes["href"] = "#" + id;
                link.InnerHtml.Append(message);
                item.InnerHtml.AppendHtml(link);
            }
            else
            {
                item.InnerHtml.Append(message);
            }
            list.InnerHtml.AppendHtml(item);
        }

        var title = new TagBuilder("h2");
        title.AddCssClass("govuk-error-summary__title");
        title.InnerHtml.Append(Title);

        var body = new TagBuilder("div");
        body.AddCssClass("govuk-error-summary__body");
        body.InnerHtml.AppendHtml(list);

        // role=alert on an inner div, as GOV.UK Frontend does, so the summary is announced when shown.
        var alert = new TagBuilder("div");
        alert.Attributes["role"] = "alert";
        alert.InnerHtml.AppendHtml(title).AppendHtml(body);

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-error-summary");
        output.Attributes.SetAttribute("data-module", "govuk-error-summary");
        output.Content.SetHtmlContent(alert);
    }
}
