namespace Proportion.Core.Rules;

/// <summary>
/// R12: a restriction agreed for most people in a service is a blanket rule to challenge (§5.12, CQC 2023
/// in seed 001). The share that counts as "most" is configurable; by default half.
/// </summary>
public static class BlanketRule
{
    /// <summary>The configuration key for the share of a service that makes a restriction a blanket rule.</summary>
    public const string ThresholdSetting = "Rules:BlanketRuleThreshold";

    public const string Rule = "R12";
    public const string Source = "§5.12";
    public const double DefaultThreshold = 0.5;

    /// <param name="peopleRestricted">People in the service with this restriction agreed.</param>
    /// <param name="peopleInService">Everyone the service supports.</param>
    public static Finding? Check(string restriction, int peopleRestricted, int peopleInService, double threshold = DefaultThreshold)
    {
        if (threshold is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), "The threshold is a share of the service, above 0 and at most 1.");
        }
        // One person is not a blanket: a rule needs at least two people to be "most".
        if (peopleInService < 2 || peopleRestricted < 2 || (double)peopleRestricted / peopleInService < threshold)
        {
            return null;
        }
        return new Finding(Rule, Source, "Description",
            $"“{restriction}” applies to {peopleRestricted} of the {peopleInService} people in this service. A restriction on most people may be a blanket rule: check it is needed for each person, and how others' rights are protected",
            FindingSeverity.Warning);
    }
}
