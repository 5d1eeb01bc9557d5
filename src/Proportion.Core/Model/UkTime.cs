using System.Globalization;

namespace Proportion.Core.Model;

/// <summary>Times are stored in UTC and shown in Europe/London, the way people in England read them.</summary>
public static class UkTime
{
    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static DateTimeOffset ToLondon(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, London);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToLondon(clock.GetUtcNow()).DateTime);

    /// <summary>"22 November 2026 at 2:05pm" (GOV.UK style).</summary>
    public static string Format(DateTimeOffset utc)
    {
        var local = ToLondon(utc);
        var time = local.Minute == 0 ? local.ToString("h", EnGb) : local.ToString("h:mm", EnGb);
        return $"{local.ToString("d MMMM yyyy", EnGb)} at {time}{(local.Hour < 12 ? "am" : "pm")}";
    }

    /// <summary>"22 November 2026".</summary>
    public static string Format(DateOnly date) => date.ToString("d MMMM yyyy", EnGb);

    public static string Format(DateOnly? date, string whenMissing = "Not set") => date is { } d ? Format(d) : whenMissing;
}
