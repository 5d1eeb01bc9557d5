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

    /// <summary>"2:05pm".</summary>
    public static string FormatTime(DateTime utc)
    {
        var local = ToLondon(utc);
        return $"{(local.Minute == 0 ? local.ToString("%h", EnGb) : local.ToString("h:mm", EnGb))}{(local.Hour < 12 ? "am" : "pm")}";
    }

    /// <summary>"22 November 2026 at 2:05pm" (GOV.UK style).</summary>
    public static string Format(DateTime utc)
    {
        var local = ToLondon(utc);
        // "%h": a lone "h" would be read as a standard format string and throw.
        var time = local.Minute == 0 ? local.ToString("%h", EnGb) : local.ToString("h:mm", EnGb);
        return $"{local.ToString("d MMMM yyyy", EnGb)} at {time}{(local.Hour < 12 ? "am" : "pm")}";
    }

    /// <summary>"22 November 2026".</summary>
    public static string Format(DateOnly date) => date.ToString("d MMMM yyyy", EnGb);

    public static string Format(DateOnly? date, string whenMissing = "Not set") => date is { } d ? Format(d) : whenMissing;
}
