namespace Proportion.Core.Model;

public static class Text
{
    /// <summary>Optional text as stored: trimmed, and null when nothing but spaces was typed.</summary>
    public static string? OrNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
