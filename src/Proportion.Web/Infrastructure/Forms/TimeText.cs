using System.Globalization;
using System.Text.RegularExpressions;

namespace Proportion.Web.Infrastructure.Forms;

/// <summary>
/// A time of day typed into a text box the way people write it: "14:05", "2:05pm", "1405", "14.05", "2pm".
/// GOV.UK has no time component; one forgiving box is quicker on a phone than two.
/// </summary>
public static partial class TimeText
{
    // [0-9], not \d: \d also matches Arabic-Indic and full-width digits, which int.Parse then refuses.
    [GeneratedRegex(@"^\s*([0-9]{1,2})(?:[:.]?([0-9]{2}))?\s*(am|pm|a\.m\.|p\.m\.)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    public static bool TryParse(string? text, out TimeOnly time)
    {
        time = default;
        var match = Pattern().Match(text ?? "");
        if (!match.Success)
        {
            return false;
        }
        var hour = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
        var suffix = match.Groups[3].Value.Replace(".", "").ToLowerInvariant();
        if (suffix != "")
        {
            if (hour is < 1 or > 12)
            {
                return false;
            }
            hour = hour % 12 + (suffix == "pm" ? 12 : 0);
        }
        else if (!match.Groups[2].Success)
        {
            // A lone "14" is too easily a slip; ask for minutes unless am or pm says what was meant.
            return false;
        }
        if (hour > 23 || minute > 59)
        {
            return false;
        }
        time = new TimeOnly(hour, minute);
        return true;
    }

    /// <summary>"14:05", the form a time is shown back in.</summary>
    public static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
