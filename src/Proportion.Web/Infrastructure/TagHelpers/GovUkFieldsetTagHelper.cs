using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Proportion.Web.Infrastructure.TagHelpers;

/// <summary>A field made of several controls grouped by a fieldset and legend: radios, checkboxes, date input.</summary>
public abstract class GovUkFieldsetTagHelper : GovUkFieldTagHelper
{
    /// <summary>Defaults to the property's [Display(Name)] or name.</summary>
    [HtmlAttributeName("legend")]
    public string? Legend { get; set; }

    /// <summary>Defaults to govuk-fieldset__legend--l for a page heading, govuk-fieldset__legend--m otherwise.</summary>
    [HtmlAttributeName("legend-class")]
    public string? LegendClass { get; set; }

    [HtmlAttributeName("legend-is-page-heading")]
    public bool LegendIsPageHeading { get; set; }

    /// <summary>
    /// The form group: fieldset, legend, hint, error message, then <paramref name="controls"/>.
    /// <paramref name="role"/> is "group" for a date input, whose fieldset holds one answer in three parts.
    /// </summary>
    protected void RenderFieldset(TagHelperOutput output, string id, string? error, IHtmlContent controls, string? role = null)
    {
        var fieldset = new TagBuilder("fieldset");
        fieldset.AddCssClass("govuk-fieldset");
        SetAttribute(fieldset, "role", role);
        SetAttribute(fieldset, "aria-describedby", DescribedBy(id, Hint, error));

        var legend = new TagBuilder("legend");
        SetClasses(legend, "govuk-fieldset__legend",
            LegendClass ?? (LegendIsPageHeading ? "govuk-fieldset__legend--l" : "govuk-fieldset__legend--m"));
        if (LegendIsPageHeading)
        {
            var heading = new TagBuilder("h1");
            heading.AddCssClass("govuk-fieldset__heading");
            heading.InnerHtml.Append(DisplayName(Legend));
            legend.InnerHtml.AppendHtml(heading);
        }
        else
        {
            legend.InnerHtml.Append(DisplayName(Legend));
        }

        fieldset.InnerHtml.AppendHtml(legend);
        fieldset.InnerHtml.AppendHtml(HintHtml(id, Hint) ?? HtmlString.Empty);
        fieldset.InnerHtml.AppendHtml(ErrorHtml(id, error) ?? HtmlString.Empty);
        fieldset.InnerHtml.AppendHtml(controls);
        RenderFormGroup(output, error is not null, fieldset);
    }
}
