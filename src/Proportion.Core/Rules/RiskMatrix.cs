using System.ComponentModel.DataAnnotations;
using Proportion.Core.Model;

namespace Proportion.Core.Rules;

/// <summary>
/// The 5 by 5 risk matrix (§5.1, §5.4; the risk matrix of the safeguarding and personalisation guidance):
/// likelihood times impact, banded as the NHS's common risk matrix bands it, so a score means the same on
/// every plan and panel.
/// </summary>
public static class RiskMatrix
{
    public const int Lowest = 1;
    public const int Highest = 5;

    public static int Score(int likelihood, int impact) => likelihood * impact;

    /// <summary>1-3 low, 4-6 moderate, 8-12 high, 15-25 extreme.</summary>
    public static RiskBand BandOf(int likelihood, int impact) => Score(likelihood, impact) switch
    {
        <= 3 => RiskBand.Low,
        <= 6 => RiskBand.Moderate,
        <= 12 => RiskBand.High,
        _ => RiskBand.Extreme,
    };

    public static bool IsOnScale(int value) => value is >= Lowest and <= Highest;

    public static string BandName(RiskBand band) => EnumNames.Of(band).ToLowerInvariant();

    /// <summary>How likely, 1 to 5, in words: rare, unlikely, possible, likely, almost certain.</summary>
    public static readonly IReadOnlyList<string> LikelihoodWords = ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"];

    /// <summary>How serious, 1 to 5, in words: negligible, minor, moderate, major, catastrophic.</summary>
    public static readonly IReadOnlyList<string> ImpactWords = ["Negligible", "Minor", "Moderate", "Major", "Catastrophic"];

    /// <summary>"Likely (4)"; "Not assessed" off the scale.</summary>
    public static string LikelihoodName(int? likelihood) =>
        likelihood is { } l && IsOnScale(l) ? $"{LikelihoodWords[l - 1]} ({l})" : "Not assessed";

    /// <summary>"Major (4)"; "Not assessed" off the scale.</summary>
    public static string ImpactName(int? impact) =>
        impact is { } i && IsOnScale(i) ? $"{ImpactWords[i - 1]} ({i})" : "Not assessed";

    /// <summary>"Likely (4) and major (4): high risk"; "Not assessed" unless both are on the scale.</summary>
    public static string Describe(int? likelihood, int? impact) =>
        likelihood is { } l && impact is { } i && IsOnScale(l) && IsOnScale(i)
            ? $"{LikelihoodName(l)} and {ImpactName(i).ToLowerInvariant()}: {BandName(BandOf(l, i))} risk"
            : "Not assessed";
}

public enum RiskBand
{
    [Display(Name = "Low")] Low = 1,
    [Display(Name = "Moderate")] Moderate = 2,
    [Display(Name = "High")] High = 3,
    [Display(Name = "Extreme")] Extreme = 4,
}
