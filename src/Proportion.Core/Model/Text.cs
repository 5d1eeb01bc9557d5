namespace Proportion.Core.Model;

public static class Text
{
    /// <summary>Optional text as stored: trimmed, and null when nothing but spaces was typed.</summary>
    public static string? OrNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A share as people write it, whole per cent with no space: "50%" (a format string's P0 puts a space in some cultures).</summary>
    public static string Percent(double share) => $"{Math.Round(share * 100, MidpointRounding.AwayFromZero):0}%";
}
