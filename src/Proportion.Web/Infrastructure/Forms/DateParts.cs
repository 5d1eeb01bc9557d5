using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Proportion.Web.Infrastructure.Forms;

/// <summary>
/// The three boxes of a GOV.UK date input, kept as the text the user typed so a form can be shown back
/// exactly as entered when the date is not valid. Bind it as <c>{name}.Day</c>, <c>{name}.Month</c>,
/// <c>{name}.Year</c> (the <c>govuk-date-input</c> tag helper renders those names).
/// </summary>
public sealed class DateParts
{
    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateParts From(DateOnly? date) => date is { } d
        ? new DateParts
        {
            Day = d.Day.ToString(CultureInfo.InvariantCulture),
            Month = d.Month.ToString(CultureInfo.InvariantCulture),
            Year = d.Year.ToString("0000", CultureInfo.InvariantCulture),
        }
        : new DateParts();

    /// <summary>
    /// True for a real calendar date: day and month of 1 or 2 digits (a month may also be written as a
    /// name or its first three letters, as people often do), and a 4-digit year.
    /// </summary>
    public bool TryGetDate(out DateOnly date)
    {
        date = default;
        if (!TryParseNumber(Day, 2, out var day) || !TryParseMonth(Month, out var month) || !TryParseYear(Year, out var year))
        {
            return false;
        }
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        date = new DateOnly(year, month, day);
        return true;
    }

    public DateOnly? ToDateOrNull() => TryGetDate(out var date) ? date : null;

    /// <summary>
    /// Checks the parts and adds at most one error in the GOV.UK wording, keyed on the part at fault
    /// (<c>{key}.Day</c>, ...) or on the whole date (<c>{key}</c>), so the right boxes are highlighted.
    /// <paramref name="label"/> names the date in a sentence, e.g. "Date of birth".
    /// </summary>
    /// <returns>The date when it is valid; null when it is empty (and not required) or not valid.</returns>
    public DateOnly? Validate(ModelStateDictionary modelState, string key, string label, bool required = true)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (IsEmpty)
        {
            if (required)
            {
                modelState.AddModelError(key, $"Enter {LowerFirst(label)}");
            }
            return null;
        }

        var missing = new List<string>(3);
        if (string.IsNullOrWhiteSpace(Day)) missing.Add("day");
        if (string.IsNullOrWhiteSpace(Month)) missing.Add("month");
        if (string.IsNullOrWhiteSpace(Year)) missing.Add("year");
        if (missing.Count == 1)
        {
            modelState.AddModelError($"{key}.{UpperFirst(missing[0])}", $"{label} must include a {missing[0]}");
            return null;
        }
        if (missing.Count == 2)
        {
            modelState.AddModelError(key, $"{label} must include a {missing[0]} and {missing[1]}");
            return null;
        }
        if (!TryParseYear(Year, out _))
        {
            modelState.AddModelError($"{key}.Year", "Year must include 4 numbers");
            return null;
        }
        if (!TryGetDate(out var date))
        {
            modelState.AddModelError(key, $"{label} must be a real date");
            return null;
        }
        return date;
    }

    public override string ToString() => $"{Day}/{Month}/{Year}";

    private static bool TryParseNumber(string? text, int maxDigits, out int value)
    {
        value = 0;
        var trimmed = text?.Trim();
        return !string.IsNullOrEmpty(trimmed)
            && trimmed.Length <= maxDigits
            && trimmed.All(char.IsAsciiDigit)
            && int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryParseYear(string? text, out int year) =>
        TryParseNumber(text, 4, out year) && text!.Trim().Length == 4;

    private static bool TryParseMonth(string? text, out int month)
    {
        if (TryParseNumber(text, 2, out month))
        {
            return true;
        }
        var name = text?.Trim().TrimEnd('.').ToLowerInvariant();
        if (name is { Length: >= 3 })
        {
            for (var i = 0; i < MonthNames.Length; i++)
            {
                // "sept" is a common abbreviation that is neither three letters nor the full name.
                if (MonthNames[i] == name || MonthNames[i][..3] == name || (i == 8 && name == "sept"))
                {
                    month = i + 1;
                    return true;
                }
            }
        }
        month = 0;
        return false;
    }

    // Keeps acronyms such as "NHS" intact: only a capitalised ordinary word is lowered.
    private static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    private static string UpperFirst(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
