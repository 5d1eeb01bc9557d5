using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Proportion.Web.Infrastructure.TagHelpers;

/// <summary>A field with one control and a &lt;label&gt;: input, textarea, select.</summary>
public abstract class GovUkLabelledFieldTagHelper : GovUkFieldTagHelper
{
    /// <summary>Defaults to the property's [Display(Name)] or name.</summary>
    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    /// <summary>A size modifier such as govuk-label--m; a page-heading label defaults to govuk-label--l.</summary>
    [HtmlAttributeName("label-class")]
    public string? LabelClass { get; set; }

    /// <summary>For a one-question page: the label is the page's h1 (GOV.UK "question pages").</summary>
    [HtmlAttributeName("label-is-page-heading")]
    public bool LabelIsPageHeading { get; set; }

    /// <summary>Builds the control; <paramref name="describedBy"/> and <paramref name="hasError"/> are already worked out.</summary>
    protected abstract IHtmlContent BuildControl(string id, string name, string? describedBy, bool hasError);

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = FieldName;
        var id = FieldId;
        var error = ErrorFor(name);

        var content = new HtmlContentBuilder();
        content.AppendHtml(LabelHtml(id));
        content.AppendHtml(HintHtml(id, Hint) ?? HtmlString.Empty);
        content.AppendHtml(ErrorHtml(id, error) ?? HtmlString.Empty);
        content.AppendHtml(BuildControl(id, name, DescribedBy(id, Hint, error), error is not null));
        RenderFormGroup(output, error is not null, content);
    }

    private IHtmlContent LabelHtml(string id)
    {
        var label = new TagBuilder("label");
        SetClasses(label, "govuk-label", LabelClass ?? (LabelIsPageHeading ? "govuk-label--l" : null));
        label.Attributes["for"] = id;
        label.InnerHtml.Append(DisplayName(Label));
        if (!LabelIsPageHeading)
        {
            return label;
        }
        var heading = new TagBuilder("h1");
        heading.AddCssClass("govuk-label-wrapper");
        heading.InnerHtml.AppendHtml(label);
        return heading;
    }

    /// <summary>The control's classes in GOV.UK Frontend's order: base, extra, error modifier.</summary>
    protected static void AddClasses(TagBuilder tag, string baseClass, bool hasError, string? extraClasses) =>
        SetClasses(tag, baseClass, extraClasses, hasError ? baseClass + "--error" : null);
}
