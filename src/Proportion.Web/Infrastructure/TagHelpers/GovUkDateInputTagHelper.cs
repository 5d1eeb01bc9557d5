using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Infrastructure.TagHelpers;

/// <summary>
/// GOV.UK date input bound to a <see cref="DateParts"/> property: three boxes named {name}.Day,
/// {name}.Month and {name}.Year with ids {id}-day, {id}-month, {id}-year. An error keyed on {name}
/// marks all three boxes; one keyed on {name}.Month marks only the month (see DateParts.Validate).
/// </summary>
[HtmlTargetElement("govuk-date-input", TagStructure = TagStructure.NormalOrSelfClosing)]
public sealed class GovUkDateInputTagHelper : GovUkFieldsetTagHelper
{
    private static readonly (string Part, string Label, string Width)[] Parts =
    [
        ("Day", "Day", "govuk-input--width-2"),
        ("Month", "Month", "govuk-input--width-2"),
        ("Year", "Year", "govuk-input--width-4"),
    ];

    /// <summary>An autocomplete token such as "bday": the boxes get bday-day, bday-month, bday-year.</summary>
    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = FieldName;
        var id = FieldId;
        var model = Expression.Model as DateParts;
        var wholeDateHasError = HasError(name);
        var error = ErrorFor([name, .. Parts.Select(p => $"{name}.{p.Part}")]);

        var container = new TagBuilder("div");
        container.AddCssClass("govuk-date-input");
        container.Attributes["id"] = id;

        foreach (var (part, labelText, width) in Parts)
        {
            var partName = $"{name}.{part}";
            var partId = GovUkIds.DatePart(id, part.ToLowerInvariant());
            var modelValue = part switch { "Day" => model?.Day, "Month" => model?.Month, _ => model?.Year };

            var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
            SetClasses(input, "govuk-input", "govuk-date-input__input", width,
                wholeDateHasError || HasError(partName) ? "govuk-input--error" : null);
            input.Attributes["id"] = partId;
            input.Attributes["name"] = partName;
            input.Attributes["type"] = "text";
            // inputmode, not type=number: GOV.UK found number inputs mangle leading zeros and scroll-wheel input.
            input.Attributes["inputmode"] = "numeric";
            SetAttribute(input, "value", ValueFor(partName, modelValue));
            SetAttribute(input, "autocomplete", Autocomplete is null ? null : $"{Autocomplete}-{part.ToLowerInvariant()}");

            var label = new TagBuilder("label");
            SetClasses(label, "govuk-label", "govuk-date-input__label");
            label.Attributes["for"] = partId;
            label.InnerHtml.Append(labelText);

            var group = new TagBuilder("div");
            group.AddCssClass("govuk-form-group");
            group.InnerHtml.AppendHtml(label).AppendHtml(input);

            var item = new TagBuilder("div");
            item.AddCssClass("govuk-date-input__item");
            item.InnerHtml.AppendHtml(group);
            container.InnerHtml.AppendHtml(item);
        }

        RenderFieldset(output, id, error, container, role: "group");
    }
}
