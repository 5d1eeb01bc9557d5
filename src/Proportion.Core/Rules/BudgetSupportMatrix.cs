using System.ComponentModel.DataAnnotations;
using Proportion.Core.Model;

namespace Proportion.Core.Rules;

/// <summary>
/// R20, personalised support plans: the risk matrix for managing a personal budget and the support it buys
/// (Practical approaches to safeguarding and personalisation, "Risk matrix", after Lincolnshire's). The level
/// of support the person needs is set against the support in place, so those most at risk are offered more
/// support, never refused the choice. 3 by 3, banded in words:
/// <code>
///                      support in place
///  support needed      low      medium   high
///  high                high     medium   medium
///  medium              medium   low      low
///  low                 low      low      low
/// </code>
/// Less support in place than needed by one level is medium, by two levels high. High needs met in full stay
/// medium: everything rests on all of that support staying in place, and a gap (a personal assistant off
/// sick, a card not topped up) matters at once. More support in place than needed is low risk, but is named,
/// because it may take control from the person without need (the least restrictive way).
/// </summary>
public static class BudgetSupportMatrix
{
    public const string Rule = SupportPlanRules.Rule;

    public static readonly IReadOnlyList<SupportLevel> Levels = [SupportLevel.Low, SupportLevel.Medium, SupportLevel.High];

    public static BudgetRiskBand BandOf(SupportLevel needed, SupportLevel inPlace) => ((int)needed - (int)inPlace) switch
    {
        >= 2 => BudgetRiskBand.High,
        1 => BudgetRiskBand.Medium,
        _ when needed == SupportLevel.High => BudgetRiskBand.Medium,
        _ => BudgetRiskBand.Low,
    };

    /// <summary>The band, or null until both levels are chosen.</summary>
    public static BudgetRiskBand? BandOf(SupportLevel? needed, SupportLevel? inPlace) =>
        needed is { } n && inPlace is { } p && Enum.IsDefined(n) && Enum.IsDefined(p) ? BandOf(n, p) : null;

    /// <summary>More support is in place than the person needs: low risk, but it may take control from them without need.</summary>
    public static bool MoreThanNeeded(SupportLevel? needed, SupportLevel? inPlace) => needed is { } n && inPlace is { } p && p > n;

    /// <summary>What a band means, and what to do about it, in plain words.</summary>
    public static string Meaning(BudgetRiskBand band) => band switch
    {
        BudgetRiskBand.Low => "The support in place matches what the person needs to manage their budget and their support. Keep to the usual reviews.",
        BudgetRiskBand.Medium => "Some of the support the person needs is not in place, or high needs rest on all of it staying in place. Agree how the gap is closed and who notices when things change.",
        BudgetRiskBand.High => "The person needs much more support than is in place. Record the plan for this risk before agreeing: the support to add (such as a managed account, a prepaid card or a direct payment support service), who does it and by when; or why the person chooses this, and how the risk is shared.",
        _ => throw new ArgumentOutOfRangeException(nameof(band)),
    };

    /// <summary>"Support needed: high. Support in place: low. High risk."; "Not assessed" until both are chosen.</summary>
    public static string Describe(SupportLevel? needed, SupportLevel? inPlace) =>
        BandOf(needed, inPlace) is { } band
            ? $"Support needed: {LevelName(needed!.Value)}. Support in place: {LevelName(inPlace!.Value)}. {EnumNames.Of(band)} risk."
            : "Not assessed";

    public static string LevelName(SupportLevel level) => EnumNames.Of(level).ToLowerInvariant();
}

/// <summary>How much support: needed to manage a budget and support, or in place.</summary>
public enum SupportLevel
{
    [Display(Name = "Low")] Low = 1,
    [Display(Name = "Medium")] Medium = 2,
    [Display(Name = "High")] High = 3,
}

/// <summary>The band of the budget and support risk matrix.</summary>
public enum BudgetRiskBand
{
    [Display(Name = "Low")] Low = 1,
    [Display(Name = "Medium")] Medium = 2,
    [Display(Name = "High")] High = 3,
}
