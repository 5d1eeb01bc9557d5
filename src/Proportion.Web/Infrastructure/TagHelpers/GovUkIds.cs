using Microsoft.AspNetCore.Mvc.Rendering;

namespace Proportion.Web.Infrastructure.TagHelpers;

/// <summary>
/// Element ids for form fields. One rule for every field and for the error summary, so a summary link
/// always lands on the field it names. It is ASP.NET's own rule ('.', '[' and ']' become '_'), so ids
/// also match anything rendered with the framework's <c>asp-for</c> helpers.
/// </summary>
public static class GovUkIds
{
    public static string ForName(string fullFieldName) => TagBuilder.CreateSanitizedId(fullFieldName, "_");

    public static string Hint(string fieldId) => fieldId + "-hint";

    public static string Error(string fieldId) => fieldId + "-error";

    /// <summary>Date inputs: <paramref name="part"/> is "day", "month" or "year".</summary>
    public static string DatePart(string fieldId, string part) => fieldId + "-" + part;

    /// <summary>Radios and checkboxes: the first item carries the field's id (the summary's target), the rest -2, -3...</summary>
    public static string Item(string fieldId, int index) => index == 0 ? fieldId : $"{fieldId}-{index + 1}";
}
