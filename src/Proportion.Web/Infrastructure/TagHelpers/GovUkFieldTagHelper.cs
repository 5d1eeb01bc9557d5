using System.Collections;
using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Proportion.Web.Infrastructure.TagHelpers;

/// <summary>
/// What every GOV.UK form field shares: the bound expression, its name and id, the value to show back
/// (what the user typed wins over the model, so nothing entered is lost), the error from ModelState,
/// the hint and error message markup, and the govuk-form-group wrapper the tag helper element becomes.
/// Attributes not bound by a tag helper stay on that wrapper.
/// </summary>
public abstract class GovUkFieldTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression? For { get; set; }

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    protected ModelExpression Expression =>
        For ?? throw new InvalidOperationException($"<{GetType().Name}> needs an asp-for attribute.");

    protected string FieldName => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(Expression.Name);

    protected string FieldId => GovUkIds.ForName(FieldName);

    protected string DisplayName(string? given) =>
        given ?? Expression.Metadata.DisplayName ?? Expression.Metadata.PropertyName ?? Expression.Name;

    /// <summary>The first error message recorded under any of <paramref name="keys"/>, in the order given.</summary>
    protected string? ErrorFor(params string[] keys)
    {
        foreach (var key in keys)
        {
            if (ViewContext.ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
            {
                return ErrorText(entry.Errors[0]);
            }
        }
        return null;
    }

    protected bool HasError(string key) =>
        ViewContext.ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0;

    /// <summary>The text the user posted under <paramref name="key"/> if there is any, else the model value.</summary>
    protected string? ValueFor(string key, object? modelValue)
    {
        if (ViewContext.ModelState.TryGetValue(key, out var entry) && entry.RawValue is not null)
        {
            return entry.AttemptedValue;
        }
        return FormatValue(modelValue, Expression.Metadata.EditFormatString);
    }

    /// <summary>Every value posted under <paramref name="key"/> (checkboxes), else the model's collection.</summary>
    protected IReadOnlySet<string> ValuesFor(string key, object? modelValue)
    {
        var values = ViewContext.ModelState.TryGetValue(key, out var entry) && entry.RawValue is not null ? entry.RawValue : modelValue;
        IEnumerable<object?> items = values switch
        {
            null => [],
            string one => [one],
            IEnumerable many => many.Cast<object?>(),
            var other => [other],
        };
        return items.Select(v => FormatValue(v, null)).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    protected static IHtmlContent? HintHtml(string fieldId, string? hint)
    {
        if (string.IsNullOrEmpty(hint))
        {
            return null;
        }
        var div = new TagBuilder("div");
        div.Attributes["id"] = GovUkIds.Hint(fieldId);
        div.AddCssClass("govuk-hint");
        div.InnerHtml.Append(hint);
        return div;
    }

    protected static IHtmlContent? ErrorHtml(string fieldId, string? message)
    {
        if (message is null)
        {
            return null;
        }
        var p = new TagBuilder("p");
        p.Attributes["id"] = GovUkIds.Error(fieldId);
        p.AddCssClass("govuk-error-message");
        var prefix = new TagBuilder("span");
        prefix.AddCssClass("govuk-visually-hidden");
        prefix.InnerHtml.Append("Error:");
        p.InnerHtml.AppendHtml(prefix).Append(" " + message);
        return p;
    }

    /// <summary>aria-describedby: the hint, then the error, as GOV.UK Frontend orders them; null when neither.</summary>
    protected static string? DescribedBy(string fieldId, string? hint, string? error)
    {
        var ids = new List<string>(2);
        if (!string.IsNullOrEmpty(hint)) ids.Add(GovUkIds.Hint(fieldId));
        if (error is not null) ids.Add(GovUkIds.Error(fieldId));
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    /// <summary>Sets the class attribute in the order given (TagBuilder.AddCssClass would reorder them).</summary>
    protected static void SetClasses(TagBuilder tag, params string?[] classes) =>
        tag.Attributes["class"] = string.Join(' ', classes.Where(c => !string.IsNullOrWhiteSpace(c)));

    protected static void SetAttribute(TagBuilder tag, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            tag.Attributes[name] = value;
        }
    }

    /// <summary>Turns the tag helper element into the field's govuk-form-group and fills it.</summary>
    protected static void RenderFormGroup(TagHelperOutput output, bool hasError, IHtmlContent content)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.AddClass("govuk-form-group", HtmlEncoder.Default);
        if (hasError)
        {
            output.AddClass("govuk-form-group--error", HtmlEncoder.Default);
        }
        output.Content.SetHtmlContent(content);
    }

    private static string ErrorText(ModelError error) =>
        // A binding exception's message is for developers, not for the person filling in the form.
        string.IsNullOrEmpty(error.ErrorMessage) ? "Enter a valid value" : error.ErrorMessage;

    private static string? FormatValue(object? value, string? format) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        _ when !string.IsNullOrEmpty(format) => string.Format(CultureInfo.CurrentCulture, format, value),
        IFormattable f => f.ToString(null, CultureInfo.CurrentCulture),
        _ => value.ToString(),
    };
}
