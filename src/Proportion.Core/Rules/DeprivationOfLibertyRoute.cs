using Proportion.Core.Model;

namespace Proportion.Core.Rules;

public enum LibertyRoute
{
    /// <summary>Deprivation of Liberty Safeguards: care homes and hospitals, people aged 18 and over, authorised by the local authority.</summary>
    DeprivationOfLibertySafeguards = 1,
    /// <summary>The Court of Protection (MCA s.16(2)(a)): any setting, people aged 16 and over.</summary>
    CourtOfProtection = 2,
    /// <summary>Neither MCA route: the person is under 16.</summary>
    NeitherUnderSixteen = 3,
}

/// <summary>The routes open for one person on one day, the one to use first, and why.</summary>
/// <param name="Age">Whole years on the day; null when the date of birth is not known.</param>
/// <param name="Warnings">What the user must check before relying on the answer (an unknown age).</param>
public sealed record LibertyRoutes(bool Safeguards, bool CourtOfProtection, int? Age, string Explanation, IReadOnlyList<Finding> Warnings)
{
    /// <summary>DoLS where it can be used (it is quicker and local), otherwise the Court; under 16, neither.</summary>
    public LibertyRoute Usual => Safeguards ? LibertyRoute.DeprivationOfLibertySafeguards
        : CourtOfProtection ? LibertyRoute.CourtOfProtection : LibertyRoute.NeitherUnderSixteen;

    public bool Allows(LibertyAuthorisationKind kind) => kind == LibertyAuthorisationKind.CourtOfProtection ? CourtOfProtection : Safeguards;
}

/// <summary>
/// R6: which legal routes can authorise a deprivation of liberty, from where the person lives and their age
/// on the day (§4, Appendix 3; MCA 2005 Schedule A1 and s.16(2)(a)). The law over the procedure's wording:
/// DoLS is for people aged 18 and over in a care home or hospital only (Schedule A1 para 13); the Court of
/// Protection can authorise for anyone aged 16 and over in any setting, a care home included (for a 16- or
/// 17-year-old, or where DoLS cannot be used); under 16 the MCA gives no route at all. Whether there is a
/// deprivation at all is a judgement recorded with its factors, never decided here.
/// </summary>
public static class DeprivationOfLibertyRoute
{
    public const string Rule = "R6";
    public const string Source = "Appendix 3";
    public const int SafeguardsFromAge = 18;
    public const int CourtFromAge = 16;

    public static LibertyRoutes For(SettingType setting, DateOnly? dateOfBirth, DateOnly on)
    {
        var dolsSetting = IsSafeguardsSetting(setting);
        var where = dolsSetting ? "a care home or hospital" : "a community setting (supported living, their own home or a day service)";
        if (dateOfBirth is not { } born)
        {
            return new LibertyRoutes(dolsSetting, true, null,
                dolsSetting
                    ? "In a care home or hospital a deprivation of liberty is usually authorised through DoLS, by the local authority; the Court of Protection can also authorise it."
                    : "In a community setting a deprivation of liberty is authorised by the Court of Protection.",
                [new Finding(Rule, Source, "DateOfBirth",
                    "The person's date of birth is not recorded, so their age cannot be checked: DoLS is only for people aged 18 and over and the Court of Protection for people aged 16 and over. Record their date of birth",
                    FindingSeverity.Warning)]);
        }
        var age = AgeOn(born, on);
        if (age >= SafeguardsFromAge)
        {
            return new LibertyRoutes(dolsSetting, true, age,
                dolsSetting
                    ? "In a care home or hospital a deprivation of liberty is authorised through the Deprivation of Liberty Safeguards (DoLS), by the local authority. The Court of Protection can also authorise it, for example where DoLS cannot be used."
                    : "Outside a care home or hospital DoLS cannot be used: a deprivation of liberty is authorised by the Court of Protection.", []);
        }
        if (age >= CourtFromAge)
        {
            return new LibertyRoutes(false, true, age,
                $"The person is {age}. DoLS is only for people aged 18 and over, so in {where} a deprivation of liberty is authorised by the Court of Protection. Their parents cannot consent to it for them.", []);
        }
        return new LibertyRoutes(false, false, age,
            $"The person is {age}. Neither DoLS (18 and over) nor the Court of Protection under the Mental Capacity Act (16 and over) can authorise a deprivation of liberty for a child under 16. Seek legal advice at once: it needs the High Court (its inherent jurisdiction) or an order under the Children Act 1989.", []);
    }

    public static bool IsSafeguardsSetting(SettingType setting) => setting switch
    {
        SettingType.CareHome or SettingType.NursingHome or SettingType.Hospital => true,
        // A day service is not where the person lives; their arrangements there are part of their community
        // arrangements, which the Court of Protection authorises.
        SettingType.SupportedLiving or SettingType.HomeCare or SettingType.DayService => false,
        _ => throw new ArgumentOutOfRangeException(nameof(setting)),
    };

    /// <summary>
    /// Whole years of age on a day in England. Someone born on 29 February comes of age on 1 March in a
    /// year without one (their birthday has not come until 28 February has passed).
    /// </summary>
    public static int AgeOn(DateOnly born, DateOnly on)
    {
        var age = on.Year - born.Year;
        var birthdayThisYear = born.Month == 2 && born.Day == 29 && !DateTime.IsLeapYear(on.Year)
            ? new DateOnly(on.Year, 3, 1)
            : new DateOnly(on.Year, born.Month, born.Day);
        return on < birthdayThisYear ? age - 1 : age;
    }
}

/// <summary>The DoLS timescales of Appendix 3 (MCA 2005 Schedule A1 and the 2008 Standard Authorisations Regulations).</summary>
public static class DeprivationOfLibertyTimescales
{
    /// <summary>Apply to renew a standard authorisation or a Court order this many days before it ends.</summary>
    public const int RenewDaysBefore = 28;

    /// <summary>An urgent authorisation, given by the managing authority itself, lasts up to 7 days from when it is given (Sch A1 para 78).</summary>
    public static DateOnly UrgentExpires(DateOnly given) => given.AddDays(7);

    /// <summary>The supervisory body may extend it once, by up to 7 days beyond the end it had (Sch A1 para 84).</summary>
    public static DateOnly UrgentExtendedExpires(DateOnly endBeforeExtension) => endBeforeExtension.AddDays(7);

    /// <summary>
    /// The supervisory body must decide a standard request within 21 days of it; where an urgent authorisation
    /// was given with it, before the urgent one ends, if that is sooner (2008 Regulations, reg 13).
    /// </summary>
    public static DateOnly AssessmentDue(DateOnly requested, DateOnly? urgentEnds = null)
    {
        var due = requested.AddDays(21);
        return urgentEnds is { } ends && ends < due ? ends : due;
    }

    /// <summary>A standard authorisation lasts up to 12 months.</summary>
    public static DateOnly StandardLatestExpiry(DateOnly starts) => starts.AddMonths(12);

    /// <summary>When to apply to renew an authorisation that ends on <paramref name="ends"/>.</summary>
    public static DateOnly RenewBy(DateOnly ends) => ends.AddDays(-RenewDaysBefore);
}
