using System.Text;
using Proportion.Core.Model;

namespace Proportion.Core.Rules;

/// <summary>
/// R12 (§5.12; CQC's policy position on restrictive practice, August 2023): a practice agreed for one
/// person must not become a rule for everyone. When most people in a service have the same restriction
/// (the same category and the same restricted thing) it is a possible blanket rule to challenge. "Most"
/// is more than a share set in <see cref="RuleSettings.BlanketRuleThreshold"/>: more than half unless set.
/// A practice whose restricted thing was never recorded is not counted as the same as anything.
/// </summary>
public static class BlanketRule
{
    public const string Rule = "R12";
    public const string Source = "§5.12";
    public const double DefaultThreshold = 0.5;

    /// <summary>No more descriptions than this are quoted in one warning; the rest are counted.</summary>
    public const int MostQuoted = 10;

    /// <summary>
    /// What two practices of the same category must share to be the same restriction: the listed thing,
    /// or the manager's own words with case, spacing, punctuation and a leading "the" set aside. Null
    /// when nothing is recorded, which matches nothing.
    /// </summary>
    public static string? SameRestrictionKey(RestrictedThing? thing, string? inOwnWords) => thing switch
    {
        null => null,
        RestrictedThing.SomethingElse => Normalise(inOwnWords) is { Length: > 0 } words
            ? ("other:" + words)[..Math.Min(words.Length + 6, RestrictivePractice.SameRestrictionKeyMaxLength)] : null,
        { } listed => listed.ToString(),
    };

    /// <summary>The manager's own words as compared: lower case, letters and digits only, single spaces, no leading article.</summary>
    public static string Normalise(string? words)
    {
        var text = new StringBuilder();
        foreach (var c in (words ?? "").ToLowerInvariant())
        {
            text.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }
        var parts = text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (parts.Count > 1 && parts[0] is "the" or "a" or "an" or "their" or "his" or "her" or "own")
        {
            parts.RemoveAt(0);
        }
        return string.Join(' ', parts);
    }

    /// <summary>"Most": more than the threshold's share, and never fewer than two people.</summary>
    public static bool IsMost(int peopleRestricted, int peopleInService, double threshold)
    {
        if (threshold is <= 0 or >= 1 || double.IsNaN(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), "The threshold is a share of the service, more than 0 and less than 1.");
        }
        return peopleInService >= 2 && peopleRestricted >= 2 && (double)peopleRestricted / peopleInService > threshold;
    }

    /// <summary>The warning for one restriction in a service, or null when it is not on most people.</summary>
    /// <param name="restriction">The restriction as people read it, e.g. "The front door or other ways out (Environmental restraint)".</param>
    /// <param name="peopleRestricted">Everyone in the service with this restriction in place (or being agreed), whoever is asking.</param>
    /// <param name="peopleInService">Everyone the service supports.</param>
    /// <param name="descriptionsYouCanSee">
    /// The descriptions of the practices counted that the reader may see, one per person at most; the
    /// others are counted, not quoted, so nobody reads a record outside their scope.
    /// </param>
    public static Finding? Check(string restriction, int peopleRestricted, int peopleInService,
        IReadOnlyCollection<string> descriptionsYouCanSee, double threshold = DefaultThreshold)
    {
        if (!IsMost(peopleRestricted, peopleInService, threshold))
        {
            return null;
        }
        var quoted = descriptionsYouCanSee.Take(MostQuoted).ToList();
        var notQuoted = Math.Max(0, peopleRestricted - quoted.Count);
        var counted = string.Join("; ", quoted.Select(d => $"“{d}”"))
            + (notQuoted == 0 ? "" : $"{(quoted.Count == 0 ? "" : "; and ")}{notQuoted} more {(notQuoted == 1 ? "practice" : "practices")} not quoted here");
        return new Finding(Rule, Source, nameof(RestrictivePractice.RestrictedThing),
            $"{restriction} is restricted for {peopleRestricted} of the {peopleInService} people in this service ({counted}). "
            + "A restriction on most people may be a blanket rule: check it is needed for each person, and how others' rights are protected",
            FindingSeverity.Warning);
    }

    /// <summary>How a restriction is named in the warning: the thing restricted and the category.</summary>
    public static string Describe(PracticeCategory category, RestrictedThing thing, string? inOwnWords) =>
        (thing == RestrictedThing.SomethingElse && !string.IsNullOrWhiteSpace(inOwnWords) ? $"“{inOwnWords.Trim()}”" : EnumNames.Of(thing))
        + $" ({EnumNames.Of(category)})";
}
