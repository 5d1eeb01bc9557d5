namespace Proportion.Core.Reporting;

/// <summary>A count as it may be published: its rounded value, or suppressed; with the words a reader sees.</summary>
/// <param name="Value">The rounded count; null when suppressed (1 to 4).</param>
public sealed record PublishedCount(int? Value)
{
    public bool Suppressed => Value is null;

    /// <summary>"fewer than 5", "0", or the rounded count ("1,235").</summary>
    public override string ToString() => Value is { } v ? v.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) : SmallNumbers.FewerThanFive;
}

/// <summary>
/// The NHS small-number rule for published figures about people (R17): a count that could identify someone
/// is never shown as it is. Zero is shown as 0; 1 to 4 are suppressed ("fewer than 5"); every other count is
/// rounded to the nearest 5, a count ending in 2.5 away from a multiple of 5 rounding up (7 is shown as 5,
/// 8 as 10, 12 as 10, 13 as 15), so the rounded figure never gives back the real one. A share (a percentage)
/// is worked out from the real counts and shown only when neither count behind it is suppressed.
/// </summary>
public static class SmallNumbers
{
    public const string FewerThanFive = "fewer than 5";
    public const int RoundTo = 5;

    public static PublishedCount Suppress(int count)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "A count is never negative.");
        }
        if (count == 0)
        {
            return new PublishedCount(0);
        }
        if (count < RoundTo)
        {
            return new PublishedCount(null);
        }
        // Round half up: the remainder 0..4 of a count of 5 or more; 3 and 4 go up, 1 and 2 go down.
        var remainder = count % RoundTo;
        return new PublishedCount(remainder * 2 >= RoundTo ? count - remainder + RoundTo : count - remainder);
    }

    /// <summary>
    /// <paramref name="part"/> of <paramref name="whole"/> as a whole percentage, or null when it may not be
    /// shown: either count suppressed, or nothing to divide by.
    /// </summary>
    public static int? Percentage(int part, int whole)
    {
        if (whole <= 0 || Suppress(part).Suppressed || Suppress(whole).Suppressed)
        {
            return null;
        }
        return (int)Math.Round(100.0 * part / whole, MidpointRounding.AwayFromZero);
    }
}
