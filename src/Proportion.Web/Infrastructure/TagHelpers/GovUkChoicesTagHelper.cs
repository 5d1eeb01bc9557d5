using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Proportion.Web.Infrastructure.TagHelpers;

/// <summary>Radios and checkboxes: the same markup apart from the component name, input type and what counts as checked.</summary>
public abstract class GovUkChoicesTagHelper : GovUkFieldsetTagHelper
{
    [HtmlAttributeName("items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    [HtmlAttributeName("small")]
    public bool Small { get; set; }

    /// <summary>"radios" or "checkboxes": the GOV.UK component's name, used in every class.</summary>
    protected abstract string Component { get; }

    protected abstract string InputType { get; }

    protected virtual bool Inline => false;

    /// <summary>The values to show checked: what was posted, else the model's.</summary>
    protected abstract IReadOnlySet<string> CheckedValues(string name);

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = FieldName;
        var id = FieldId;
        var error = ErrorFor(name);
        var isChecked = CheckedValues(name);

        var container = new TagBuilder("div");
        SetClasses(container, $"govuk-{Component}",
            Inline ? $"govuk-{Component}--inline" : null,
            Small ? $"govuk-{Component}--small" : null);
        container.Attributes["data-module"] = $"govuk-{Component}";

        var index = 0;
        foreach (var item in Items)
        {
            var value = item.Value ?? item.Text;
            var itemId = GovUkIds.Item(id, index++);

            var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
            input.AddCssClass($"govuk-{Component}__input");
            input.Attributes["id"] = itemId;
            input.Attributes["name"] = name;
            input.Attributes["type"] = InputType;
            input.Attributes["value"] = value;
            if (isChecked.Contains(value)) input.Attributes["checked"] = "checked";
            if (item.Disabled) input.Attributes["disabled"] = "disabled";

            var label = new TagBuilder("label");
            SetClasses(label, "govuk-label", $"govuk-{Component}__label");
            label.Attributes["for"] = itemId;
            label.InnerHtml.Append(item.Text);

            var wrapper = new TagBuilder("div");
            wrapper.AddCssClass($"govuk-{Component}__item");
            wrapper.InnerHtml.AppendHtml(input).AppendHtml(label);
            container.InnerHtml.AppendHtml(wrapper);
        }

        RenderFieldset(output, id, error, container);
    }
}

[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.NormalOrSelfClosing)]
public sealed class GovUkRadiosTagHelper : GovUkChoicesTagHelper
{
    /// <summary>Side by side; GOV.UK suggests it only for two short options such as Yes and No.</summary>
    [HtmlAttributeName("inline")]
    public bool IsInline { get; set; }

    protected override string Component => "radios";
    protected override string InputType => "radio";
    protected override bool Inline => IsInline;

    protected override IReadOnlySet<string> CheckedValues(string name) =>
        ValueFor(name, Expression.Model) is { } value ? new HashSet<string>([value], StringComparer.OrdinalIgnoreCase) : new HashSet<string>();
}

/// <summary>Bind to a collection of strings (List&lt;string&gt;, string[]): each checked box posts its value under the same name.</summary>
[HtmlTargetElement("govuk-checkboxes", TagStructure = TagStructure.NormalOrSelfClosing)]
public sealed class GovUkCheckboxesTagHelper : GovUkChoicesTagHelper
{
    protected override string Component => "checkboxes";
    protected override string InputType => "checkbox";

    protected override IReadOnlySet<string> CheckedValues(string name) => ValuesFor(name, Expression.Model);
}
