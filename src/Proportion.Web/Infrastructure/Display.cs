using Microsoft.AspNetCore.Mvc.Rendering;
using Proportion.Core.Model;

namespace Proportion.Web.Infrastructure;

/// <summary>Enum values as people read them, from their [Display(Name)].</summary>
public static class Display
{
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => EnumNames.Of(value);

    /// <summary>"Makaton, Symbols or pictures" for a flags value; the given text when none is set.</summary>
    public static string Names<TEnum>(TEnum flags, string whenNone = "None recorded") where TEnum : struct, Enum
    {
        var set = Flags(flags).Select(Name).ToList();
        return set.Count == 0 ? whenNone : string.Join(", ", set);
    }

    public static IEnumerable<TEnum> Flags<TEnum>(TEnum flags) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Where(v => Convert.ToInt64(v) != 0 && flags.HasFlag(v));

    public static List<SelectListItem> Options<TEnum>() where TEnum : struct, Enum =>
        [.. Enum.GetValues<TEnum>().Where(v => Convert.ToInt64(v) != 0).Select(v => new SelectListItem(Name(v), v.ToString()))];

    /// <summary>Combines the checked boxes of a flags enum; unknown values (a tampered form) are ignored.</summary>
    public static TEnum CombineFlags<TEnum>(IEnumerable<string>? selected) where TEnum : struct, Enum =>
        (TEnum)Enum.ToObject(typeof(TEnum), (selected ?? [])
            .Select(s => Enum.TryParse<TEnum>(s, out var v) && Enum.IsDefined(v) ? Convert.ToInt64(v) : 0)
            .Aggregate(0L, (a, b) => a | b));

    public static List<string> SplitFlags<TEnum>(TEnum flags) where TEnum : struct, Enum =>
        [.. Flags(flags).Select(v => v.ToString())];

    /// <summary>A signature in words, as every decision and review shows it: "Ann Lee (mother), in person, 1 December 2026".</summary>
    public static string Signature(Proportion.Core.Auditing.ISignature s) =>
        $"{s.Name} ({s.SignedAs}), {Name(s.Method).ToLowerInvariant()}{(s.Witness is null ? "" : $", witnessed by {s.Witness}")}, {UkTime.Format(s.SignedOn)}";

    /// <summary>A span in hours and minutes, as a clock is read: "3 hours 5 minutes", "1 hour", "less than a minute".</summary>
    public static string HoursAndMinutes(TimeSpan span)
    {
        var minutes = (int)Math.Floor(Math.Abs(span.TotalMinutes));
        if (minutes == 0)
        {
            return "less than a minute";
        }
        var (hours, rest) = (minutes / 60, minutes % 60);
        var parts = new List<string>();
        if (hours > 0) parts.Add(hours == 1 ? "1 hour" : $"{hours} hours");
        if (rest > 0) parts.Add(rest == 1 ? "1 minute" : $"{rest} minutes");
        return string.Join(" ", parts);
    }
}
