using System.ComponentModel.DataAnnotations;

namespace Proportion.Core.Model;

// The protected characteristics recorded for each person (issue 12, ADR 0023), so the organisation can show
// that restriction does not fall harder on some groups. Every answer is optional: a question not yet asked is
// null ("Not recorded"), and every list lets the person decline. The lists are the NHS's and the census's own,
// so the figures compare with theirs. Values start at 1: 0 is never a stored answer.

/// <summary>
/// The NHS Data Dictionary's ETHNIC CATEGORY (the 2001 census categories). Stored as its NHS code (A to S,
/// Z, 99: see <see cref="EthnicCategories.Code"/>) rather than a number, so an export needs no translation.
/// </summary>
public enum EthnicCategory
{
    [Display(Name = "British")] WhiteBritish = 1,
    [Display(Name = "Irish")] WhiteIrish,
    [Display(Name = "Any other White background")] WhiteOther,
    [Display(Name = "White and Black Caribbean")] MixedWhiteAndBlackCaribbean,
    [Display(Name = "White and Black African")] MixedWhiteAndBlackAfrican,
    [Display(Name = "White and Asian")] MixedWhiteAndAsian,
    [Display(Name = "Any other mixed background")] MixedOther,
    [Display(Name = "Indian")] AsianIndian,
    [Display(Name = "Pakistani")] AsianPakistani,
    [Display(Name = "Bangladeshi")] AsianBangladeshi,
    [Display(Name = "Any other Asian background")] AsianOther,
    [Display(Name = "Caribbean")] BlackCaribbean,
    [Display(Name = "African")] BlackAfrican,
    [Display(Name = "Any other Black background")] BlackOther,
    [Display(Name = "Chinese")] Chinese,
    [Display(Name = "Any other ethnic group")] AnyOther,
    /// <summary>The NHS's "Not stated": the person was asked and chose not to say.</summary>
    [Display(Name = "Prefer not to say")] NotStated,
    /// <summary>The NHS's "Not known": asked, but the person could not tell us and nobody who knows them could.</summary>
    [Display(Name = "Not known")] NotKnown,
}

/// <summary>The census's broad ethnic groups, in which the detailed categories are listed and counted.</summary>
public enum EthnicGroup
{
    [Display(Name = "White")] White = 1,
    [Display(Name = "Mixed")] Mixed,
    [Display(Name = "Asian or Asian British")] AsianOrAsianBritish,
    [Display(Name = "Black or Black British")] BlackOrBlackBritish,
    [Display(Name = "Other ethnic groups")] Other,
}

public static class EthnicCategories
{
    private static readonly IReadOnlyDictionary<EthnicCategory, (string Code, EthnicGroup? Group)> Categories =
        new Dictionary<EthnicCategory, (string, EthnicGroup?)>
        {
            [EthnicCategory.WhiteBritish] = ("A", EthnicGroup.White),
            [EthnicCategory.WhiteIrish] = ("B", EthnicGroup.White),
            [EthnicCategory.WhiteOther] = ("C", EthnicGroup.White),
            [EthnicCategory.MixedWhiteAndBlackCaribbean] = ("D", EthnicGroup.Mixed),
            [EthnicCategory.MixedWhiteAndBlackAfrican] = ("E", EthnicGroup.Mixed),
            [EthnicCategory.MixedWhiteAndAsian] = ("F", EthnicGroup.Mixed),
            [EthnicCategory.MixedOther] = ("G", EthnicGroup.Mixed),
            [EthnicCategory.AsianIndian] = ("H", EthnicGroup.AsianOrAsianBritish),
            [EthnicCategory.AsianPakistani] = ("J", EthnicGroup.AsianOrAsianBritish),
            [EthnicCategory.AsianBangladeshi] = ("K", EthnicGroup.AsianOrAsianBritish),
            [EthnicCategory.AsianOther] = ("L", EthnicGroup.AsianOrAsianBritish),
            [EthnicCategory.BlackCaribbean] = ("M", EthnicGroup.BlackOrBlackBritish),
            [EthnicCategory.BlackAfrican] = ("N", EthnicGroup.BlackOrBlackBritish),
            [EthnicCategory.BlackOther] = ("P", EthnicGroup.BlackOrBlackBritish),
            [EthnicCategory.Chinese] = ("R", EthnicGroup.Other),
            [EthnicCategory.AnyOther] = ("S", EthnicGroup.Other),
            [EthnicCategory.NotStated] = ("Z", null),
            [EthnicCategory.NotKnown] = ("99", null),
        };

    private static readonly IReadOnlyDictionary<string, EthnicCategory> ByCode = Categories.ToDictionary(c => c.Value.Code, c => c.Key);

    /// <summary>The longest code ("99"): the column's length.</summary>
    public const int CodeMaxLength = 2;

    /// <summary>The NHS Data Dictionary code, as stored and exported.</summary>
    public static string Code(this EthnicCategory category) => Categories[category].Code;

    public static EthnicCategory FromCode(string code) =>
        ByCode.TryGetValue(code, out var category) ? category : throw new ArgumentOutOfRangeException(nameof(code), code, "Not an NHS ethnic category code.");

    /// <summary>The broad group a category belongs to; none for "Prefer not to say" and "Not known".</summary>
    public static EthnicGroup? Group(this EthnicCategory category) => Categories[category].Group;

    /// <summary>The category with its group, as a summary shows it: "White: British"; "Prefer not to say" alone.</summary>
    public static string FullName(this EthnicCategory category) =>
        category.Group() is { } group ? $"{EnumNames.Of(group)}: {EnumNames.Of(category)}" : EnumNames.Of(category);
}

/// <summary>The person's sex, as they describe it.</summary>
public enum Sex
{
    [Display(Name = "Female")] Female = 1,
    [Display(Name = "Male")] Male,
    [Display(Name = "Prefer not to say")] PreferNotToSay,
}

/// <summary>Whether the person considers themselves to have a disability (any, as they see it).</summary>
public enum DisabilityAnswer
{
    [Display(Name = "Yes")] Yes = 1,
    [Display(Name = "No")] No,
    [Display(Name = "Prefer not to say")] PreferNotToSay,
}

/// <summary>Religion or belief, in the census's list.</summary>
public enum ReligionOrBelief
{
    [Display(Name = "No religion")] NoReligion = 1,
    [Display(Name = "Christian")] Christian,
    [Display(Name = "Buddhist")] Buddhist,
    [Display(Name = "Hindu")] Hindu,
    [Display(Name = "Jewish")] Jewish,
    [Display(Name = "Muslim")] Muslim,
    [Display(Name = "Sikh")] Sikh,
    [Display(Name = "Any other religion")] AnyOther,
    [Display(Name = "Prefer not to say")] PreferNotToSay,
}

/// <summary>The NHS Sexual Orientation Monitoring standard (SOM) answers.</summary>
public enum SexualOrientation
{
    [Display(Name = "Heterosexual or straight")] Heterosexual = 1,
    [Display(Name = "Gay or lesbian")] GayOrLesbian,
    [Display(Name = "Bisexual")] Bisexual,
    [Display(Name = "Other sexual orientation")] Other,
    [Display(Name = "Person asked and does not know or is not sure")] NotSure,
    [Display(Name = "Prefer not to say")] PreferNotToSay,
    [Display(Name = "Not appropriate to ask")] NotAppropriateToAsk,
}

/// <summary>Age bands for equality monitoring, read from the date of birth on a given day.</summary>
public enum AgeBand
{
    /// <summary>Adult services rarely support anyone this young; kept so nobody falls outside every band.</summary>
    [Display(Name = "Under 16")] Under16 = 1,
    [Display(Name = "16 to 17")] From16To17,
    [Display(Name = "18 to 24")] From18To24,
    [Display(Name = "25 to 34")] From25To34,
    [Display(Name = "35 to 44")] From35To44,
    [Display(Name = "45 to 54")] From45To54,
    [Display(Name = "55 to 64")] From55To64,
    [Display(Name = "65 to 74")] From65To74,
    [Display(Name = "75 to 84")] From75To84,
    [Display(Name = "85 and over")] From85,
}

public static class AgeBands
{
    /// <summary>The age in whole years on <paramref name="on"/>: a birthday counts from its day (29 February from 1 March).</summary>
    public static int AgeOn(DateOnly dateOfBirth, DateOnly on)
    {
        var age = on.Year - dateOfBirth.Year;
        var birthdayToCome = on.Month < dateOfBirth.Month || (on.Month == dateOfBirth.Month && on.Day < dateOfBirth.Day);
        return birthdayToCome ? age - 1 : age;
    }

    /// <summary>The band someone born on <paramref name="dateOfBirth"/> is in on <paramref name="on"/>.</summary>
    public static AgeBand Of(DateOnly dateOfBirth, DateOnly on) => AgeOn(dateOfBirth, on) switch
    {
        < 16 => AgeBand.Under16,
        < 18 => AgeBand.From16To17,
        < 25 => AgeBand.From18To24,
        < 35 => AgeBand.From25To34,
        < 45 => AgeBand.From35To44,
        < 55 => AgeBand.From45To54,
        < 65 => AgeBand.From55To64,
        < 75 => AgeBand.From65To74,
        < 85 => AgeBand.From75To84,
        _ => AgeBand.From85,
    };
}

/// <summary>A person's answers to the equality questions; null is a question not yet asked.</summary>
public sealed record EqualityAnswers(
    EthnicCategory? Ethnicity,
    Sex? Sex,
    DisabilityAnswer? Disability,
    ReligionOrBelief? ReligionOrBelief,
    SexualOrientation? SexualOrientation)
{
    public static EqualityAnswers Of(Person person) =>
        new(person.Ethnicity, person.Sex, person.Disability, person.ReligionOrBelief, person.SexualOrientation);

    /// <summary>How many of the five questions have an answer, "Prefer not to say" included.</summary>
    public int Answered => new object?[] { Ethnicity, Sex, Disability, ReligionOrBelief, SexualOrientation }.Count(a => a is not null);

    public const int Questions = 5;
}
