using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Proportion.Core.Analytics;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Pages.Patterns;

/// <summary>
/// The window a patterns page reads: the last 3, 6, 12 or 24 months, or two dates. Dates, when either is
/// given, win over the months; with neither, the last 12 months.
/// </summary>
public sealed class PatternWindowForm
{
    /// <summary>Text, so a value typed into the address bar is answered with the page's own message.</summary>
    public string? Months { get; set; }
    public DateParts From { get; set; } = new();
    public DateParts To { get; set; } = new();

    public bool ByDates => !From.IsEmpty || !To.IsEmpty;

    /// <summary>The window, or null when it cannot be read (the errors are in ModelState, at the fields).</summary>
    public PatternWindow? Read(ModelStateDictionary modelState, DateOnly today)
    {
        if (!ByDates)
        {
            var months = string.IsNullOrWhiteSpace(Months) ? PatternWindow.DefaultMonths
                : int.TryParse(Months.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var chosen) ? chosen : 0;
            if (!PatternWindow.MonthChoices.Contains(months))
            {
                modelState.AddModelError("Window.From", "Choose the last 3, 6, 12 or 24 months, or enter dates");
                return null;
            }
            Months = months.ToString(CultureInfo.InvariantCulture);
            var window = PatternWindow.LastMonths(today, months);
            // Shown in the date boxes, so the dates read are the dates seen.
            From = DateParts.From(window.From);
            To = DateParts.From(window.To);
            return window;
        }
        Months = null;
        var from = From.Validate(modelState, "Window.From", "From date");
        var to = To.Validate(modelState, "Window.To", "To date");
        if (from is null || to is null)
        {
            return null;
        }
        if (PatternWindow.Problem(from.Value, to.Value) is { } problem)
        {
            modelState.AddModelError("Window.To", problem);
            return null;
        }
        return new PatternWindow(from.Value, to.Value);
    }

    /// <summary>The window as a query string, for links that keep it.</summary>
    public static string QueryFor(PatternWindow window) => string.Join("&",
        Part("Window.From.Day", window.From.Day), Part("Window.From.Month", window.From.Month), Part("Window.From.Year", window.From.Year),
        Part("Window.To.Day", window.To.Day), Part("Window.To.Month", window.To.Month), Part("Window.To.Year", window.To.Year));

    private static string Part(string name, int value) => Uri.EscapeDataString(name) + "=" + value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The window form's partial: the form, named Window so its fields bind back, and the link for each period.</summary>
public sealed record PatternWindowChoice(PatternWindowForm Window, Func<string, string> LinkFor);
