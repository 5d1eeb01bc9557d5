using System.Globalization;

namespace Proportion.Core.Model;

/// <summary>
/// Times are stored as UTC DateTime (not DateTimeOffset, which SQLite cannot sort or compare) and shown
/// in Europe/London, the way people in England read them.
/// </summary>
public static class UkTime
{
    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>SQLite hands back an unspecified kind; every stored time is UTC.</summary>
    public static DateTime ToLondon(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToLondon(clock.GetUtcNow().UtcDateTime));

    /// <summary>The UTC instant at which a day in England ends: access "until the end of 3 March".</summary>
    public static DateTime EndOfDay(DateOnly date) =>
        TimeZoneInfo.ConvertTimeToUtc(date.AddDays(1).ToDateTime(TimeOnly.MinValue), London);

    /// <summary>
    /// A time on a clock in England, as UTC. Null for a time the clocks skipped when they went forward;
    /// in the repeated hour when they go back, the later (GMT) reading is taken.
    /// </summary>
    public static DateTime? ToUtc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return London.IsInvalidTime(local) ? null : TimeZoneInfo.ConvertTimeToUtc(local, London);
    }

    /// <summary>"2:05pm", "9am", "midnight", "midday" (GOV.UK style: never "12am" or "12pm").</summary>
    public static string FormatTime(DateTime utc) => Clock(ToLondon(utc));

    /// <summary>"22 November 2026 at 2:05pm" (GOV.UK style).</summary>
    public static string Format(DateTime utc)
    {
        var local = ToLondon(utc);
        return $"{local.ToString("d MMMM yyyy", EnGb)} at {Clock(local)}";
    }

    /// <summary>
    /// The end of a period that lasts until <paramref name="utc"/>: "until 16 December 2026" when it ends at midnight
    /// (the last whole day is the day before), otherwise the date and time it ends.
    /// </summary>
    public static string FormatUntil(DateTime utc)
    {
        var local = ToLondon(utc);
        return local.TimeOfDay == TimeSpan.Zero ? Format(DateOnly.FromDateTime(local).AddDays(-1)) : Format(utc);
    }

    private static string Clock(DateTime local) => (local.Hour, local.Minute) switch
    {
        (0, 0) => "midnight",
        (12, 0) => "midday",
        // "%h": a lone "h" would be read as a standard format string and throw.
        (_, 0) => $"{local.ToString("%h", EnGb)}{(local.Hour < 12 ? "am" : "pm")}",
        _ => $"{local.ToString("h:mm", EnGb)}{(local.Hour < 12 ? "am" : "pm")}",
    };

    /// <summary>"22 November 2026".</summary>
    public static string Format(DateOnly date) => date.ToString("d MMMM yyyy", EnGb);

    public static string Format(DateOnly? date, string whenMissing = "Not set") => date is { } d ? Format(d) : whenMissing;
}
