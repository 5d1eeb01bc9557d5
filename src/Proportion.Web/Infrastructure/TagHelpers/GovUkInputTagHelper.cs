using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Proportion.Web.Infrastructure.TagHelpers;

/// <summary>
/// GOV.UK text input. No maxlength is ever set: GOV.UK advises against it because it silently cuts
/// text off; the server validates the length and says so.
/// </summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.NormalOrSelfClosing)]
public sealed class GovUkInputTagHelper : GovUkLabelledFieldTagHelper
{
    [HtmlAttributeName("type")]
    public string Type { get; set; } = "text";

    /// <summary>Width or other classes for the input, e.g. govuk-input--width-20.</summary>
    [HtmlAttributeName("input-class")]
    public string? InputClass { get; set; }

    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    [HtmlAttributeName("inputmode")]
    public string? InputMode { get; set; }

    /// <summary>Set false for names, emails, codes and other text a spellchecker would mangle.</summary>
    [HtmlAttributeName("spellcheck")]
    public bool? Spellcheck { get; set; }

    [HtmlAttributeName("prefix")]
    public string? Prefix { get; set; }

    [HtmlAttributeName("suffix")]
    public string? Suffix { get; set; }

    protected override IHtmlContent BuildControl(string id, string name, string? describedBy, bool hasError)
    {
        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        AddClasses(input, "govuk-input", hasError, InputClass);
        input.Attributes["id"] = id;
        input.Attributes["name"] = name;
        input.Attributes["type"] = Type;
        // A password is never sent back to the browser, even to keep what was typed.
        if (!string.Equals(Type, "password", StringComparison.OrdinalIgnoreCase))
        {
            SetAttribute(input, "value", ValueFor(name, Expression.Model));
        }
        SetAttribute(input, "inputmode", InputMode);
        SetAttribute(input, "autocomplete", Autocomplete);
        SetAttribute(input, "spellcheck", Spellcheck switch { true => "true", false => "false", null => null });
        SetAttribute(input, "aria-describedby", describedBy);

        if (Prefix is null && Suffix is null)
        {
            return input;
        }
        var wrapper = new TagBuilder("div");
        wrapper.AddCssClass("govuk-input__wrapper");
        wrapper.InnerHtml.AppendHtml(Affix("govuk-input__prefix", Prefix) ?? HtmlString.Empty);
        wrapper.InnerHtml.AppendHtml(input);
        wrapper.InnerHtml.AppendHtml(Affix("govuk-input__suffix", Suffix) ?? HtmlString.Empty);
        return wrapper;
    }

    private static IHtmlContent? Affix(string cssClass, string? text)
    {
        if (text is null)
        {
            return null;
        }
        var div = new TagBuilder("div");
        div.AddCssClass(cssClass);
        div.Attributes["aria-hidden"] = "true";
        div.InnerHtml.Append(text);
        return div;
    }
}
