using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Proportion.Web.Infrastructure.TagHelpers;

/// <summary>GOV.UK textarea. Like the input, never sets maxlength.</summary>
[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.NormalOrSelfClosing)]
public sealed class GovUkTextareaTagHelper : GovUkLabelledFieldTagHelper
{
    [HtmlAttributeName("rows")]
    public int Rows { get; set; } = 5;

    [HtmlAttributeName("textarea-class")]
    public string? TextareaClass { get; set; }

    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    [HtmlAttributeName("spellcheck")]
    public bool? Spellcheck { get; set; }

    protected override IHtmlContent BuildControl(string id, string name, string? describedBy, bool hasError)
    {
        var textarea = new TagBuilder("textarea");
        AddClasses(textarea, "govuk-textarea", hasError, TextareaClass);
        textarea.Attributes["id"] = id;
        textarea.Attributes["name"] = name;
        textarea.Attributes["rows"] = Rows.ToString(System.Globalization.CultureInfo.InvariantCulture);
        SetAttribute(textarea, "autocomplete", Autocomplete);
        SetAttribute(textarea, "spellcheck", Spellcheck switch { true => "true", false => "false", null => null });
        SetAttribute(textarea, "aria-describedby", describedBy);
        // HTML drops a newline straight after <textarea>; this one is sacrificed so a value's own leading newline survives.
        textarea.InnerHtml.AppendLine();
        textarea.InnerHtml.Append(ValueFor(name, Expression.Model) ?? "");
        return textarea;
    }
}
