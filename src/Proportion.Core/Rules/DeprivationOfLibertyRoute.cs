using Proportion.Core.Model;

namespace Proportion.Core.Rules;

public enum LibertyRoute
{
    /// <summary>Deprivation of Liberty Safeguards: care homes and hospitals, authorised by the local authority.</summary>
    DeprivationOfLibertySafeguards = 1,
    /// <summary>The Court of Protection: supported living, a person's own home and other community settings.</summary>
    CourtOfProtection = 2,
}

/// <summary>
/// R6: which legal route authorises a deprivation of liberty, by where the person lives (§4, Appendix 3).
/// Whether there is a deprivation at all is a judgement recorded with its factors, never decided here.
/// </summary>
public static class DeprivationOfLibertyRoute
{
    public const string Rule = "R6";
    public const string Source = "Appendix 3";

    public static LibertyRoute For(SettingType setting) => setting switch
    {
        SettingType.CareHome or SettingType.NursingHome or SettingType.Hospital => LibertyRoute.DeprivationOfLibertySafeguards,
        // A day service is not where the person lives; their arrangements there are part of their community
        // arrangements, which the Court of Protection authorises.
        SettingType.SupportedLiving or SettingType.HomeCare or SettingType.DayService => LibertyRoute.CourtOfProtection,
        _ => throw new ArgumentOutOfRangeException(nameof(setting)),
    };
}

/// <summary>The DoLS timescales of Appendix 3.</summary>
public static class DeprivationOfLibertyTimescales
{
    /// <summary>An urgent authorisation lasts up to 7 days.</summary>
    public static DateOnly UrgentExpires(DateOnly granted) => granted.AddDays(7);

    /// <summary>It may be extended once, by up to 7 more days.</summary>
    public static DateOnly UrgentExtendedExpires(DateOnly granted) => granted.AddDays(14);

    /// <summary>The supervisory body must complete the assessments within 21 days of a standard request.</summary>
    public static DateOnly AssessmentDue(DateOnly requested) => requested.AddDays(21);

    /// <summary>A standard authorisation lasts up to 12 months.</summary>
    public static DateOnly StandardLatestExpiry(DateOnly starts) => starts.AddMonths(12);
}
