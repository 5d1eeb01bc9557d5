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

    /// <summary>
    /// A checkbox that means "none of these" (for example "No one was injured"): shown last after "or", and
    /// GOV.UK Frontend clears the others when it is checked, and it when another is.
    /// </summary>
    [HtmlAttributeName("exclusive-value")]
    public string? ExclusiveValue { get; set; }

    /// <summary>"radios" or "checkboxes": the GOV.UK component's name, used in every class.</summary>
    protected abstract string Component { get; }

    protected abstract string InputType { get; }

    protected virtual bool Inline => false;

    /// <summary>The values to show checked: what was posted, else the model's.</summary>
    protected abstract IReadOnlySet<string> CheckedValues(string name);

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        // Questions revealed by an answer are written inside the tag as <govuk-conditional value="...">.
        var conditionals = new Dictionary<string, IHtmlContent>(StringComparer.OrdinalIgnoreCase);
        context.Items[typeof(GovUkConditionalTagHelper)] = conditionals;
        await output.GetChildContentAsync();

        var name = FieldName;
        var id = FieldId;
        var error = ErrorFor(name);
        var isChecked = CheckedValues(name);

        var container = new TagBuilder("div");
        SetClasses(container, $"govuk-{Component}",
            Inline ? $"govuk-{Component}--inline" : null,
            Small ? $"govuk-{Component}--small" : null);
        // Radios that reveal questions are started by our own script (radio-reveals.js), which leaves out the
        // aria-expanded GOV.UK Frontend puts on them: ARIA does not allow it on a radio.
        container.Attributes["data-module"] = Component == "radios" && conditionals.Count > 0 ? "app-radios" : $"govuk-{Component}";

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

            if (value == ExclusiveValue)
            {
                input.Attributes["data-behaviour"] = "exclusive";
                var divider = new TagBuilder("div");
                divider.AddCssClass($"govuk-{Component}__divider");
                divider.InnerHtml.Append("or");
                container.InnerHtml.AppendHtml(divider);
            }

            var wrapper = new TagBuilder("div");
            wrapper.AddCssClass($"govuk-{Component}__item");
            wrapper.InnerHtml.AppendHtml(input).AppendHtml(label);
            container.InnerHtml.AppendHtml(wrapper);

            // Shown without JavaScript; with it, GOV.UK Frontend hides it until its answer is chosen.
            if (conditionals.TryGetValue(value, out var revealed))
            {
                var conditionalId = $"conditional-{itemId}";
                input.Attributes["data-aria-controls"] = conditionalId;
                var conditional = new TagBuilder("div");
                SetClasses(conditional, $"govuk-{Component}__conditional",
                    isChecked.Contains(value) ? null : $"govuk-{Component}__conditional--hidden");
                conditional.Attributes["id"] = conditionalId;
                conditional.InnerHtml.AppendHtml(revealed);
                container.InnerHtml.AppendHtml(conditional);
            }
        }

        RenderFieldset(output, id, error, container);
    }
}

/// <summary>The questions revealed when the answer <see cref="Value"/> is chosen, inside govuk-radios or govuk-checkboxes.</summary>
[HtmlTargetElement("govuk-conditional", ParentTag = "govuk-radios")]
[HtmlTargetElement("govuk-conditional", ParentTag = "govuk-checkboxes")]
public sealed class GovUkConditionalTagHelper : TagHelper
{
    [HtmlAttributeName("value")]
    public string Value { get; set; } = "";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        if (context.Items.TryGetValue(typeof(GovUkConditionalTagHelper), out var found) && found is Dictionary<string, IHtmlContent> conditionals)
        {
            conditionals[Value] = content;
        }
        output.SuppressOutput();
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
