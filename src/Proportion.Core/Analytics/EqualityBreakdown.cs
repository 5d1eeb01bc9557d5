using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;

namespace Proportion.Core.Analytics;

/// <summary>The characteristics restriction is broken down by (ADR 0023).</summary>
public enum Characteristic
{
    [Display(Name = "Ethnic group")] EthnicGroup = 1,
    [Display(Name = "Sex")] Sex,
    [Display(Name = "Age band")] AgeBand,
    [Display(Name = "Disability")] Disability,
    [Display(Name = "Religion or belief")] ReligionOrBelief,
    [Display(Name = "Sexual orientation")] SexualOrientation,
}

/// <summary>One person supported in the window: their characteristics, and what their incidents added up to in it.</summary>
public sealed record PersonInWindow(EqualityAnswers Answers, AgeBand AgeBand, int Incidents, int Interventions);

/// <summary>
/// One group's figures. The rates are null when the group has nobody in it: a rate of nothing is not zero,
/// and the page says so rather than showing 0.
/// </summary>
public sealed record GroupFigures(string Group, int People, int PeopleRestrained, int Incidents, int Interventions)
{
    public double? IncidentsPerPerson => EqualityBreakdown.Ratio(Incidents, People);
    public double? InterventionsPerPerson => EqualityBreakdown.Ratio(Interventions, People);
    /// <summary>The share of the group's people restrained at least once in the window, from 0 to 1.</summary>
    public double? ShareRestrained => EqualityBreakdown.Ratio(PeopleRestrained, People);
}

/// <summary>One characteristic: a row for every answer on its list (even with nobody), "Not recorded", and everyone.</summary>
public sealed record CharacteristicBreakdown(Characteristic Characteristic, IReadOnlyList<GroupFigures> Groups, GroupFigures Everyone);

/// <summary>
/// Issue 12, equality: how restriction falls on each group of people, so an organisation can show it does not
/// fall harder on some. Pure arithmetic over one row per person; <see cref="ReadAsync"/> gets those rows from
/// the monthly <see cref="RestraintTally"/> rows, summed by the database, never from the incidents.
/// </summary>
public static class EqualityBreakdown
{
    public const string NotRecorded = "Not recorded";

    /// <summary><paramref name="count"/> per one of <paramref name="of"/>; null when there are none of them (the one rate arithmetic, <see cref="Rates"/>).</summary>
    public static double? Ratio(int count, int of) => Rates.PerPerson(count, of);

    /// <summary>Every characteristic's groups, in the order the lists give them, "Not recorded" last.</summary>
    public static IReadOnlyList<CharacteristicBreakdown> Of(IReadOnlyCollection<PersonInWindow> people) =>
    [
        By(Characteristic.EthnicGroup, people, p => p.Answers.Ethnicity is { } e ? EthnicGroupName(e) : null,
            [.. Enum.GetValues<EthnicGroup>().Select(g => EnumNames.Of(g)), EnumNames.Of(EthnicCategory.NotStated), EnumNames.Of(EthnicCategory.NotKnown)]),
        By(Characteristic.Sex, people, p => Name(p.Answers.Sex), Names<Sex>()),
        By(Characteristic.AgeBand, people, p => EnumNames.Of(p.AgeBand), Names<AgeBand>()),
        By(Characteristic.Disability, people, p => Name(p.Answers.Disability), Names<DisabilityAnswer>()),
        By(Characteristic.ReligionOrBelief, people, p => Name(p.Answers.ReligionOrBelief), Names<ReligionOrBelief>()),
        By(Characteristic.SexualOrientation, people, p => Name(p.Answers.SexualOrientation), Names<SexualOrientation>()),
    ];

    /// <summary>The broad group a category is counted in; "Prefer not to say" and "Not known" stand alone.</summary>
    private static string EthnicGroupName(EthnicCategory category) =>
        category.Group() is { } group ? EnumNames.Of(group) : EnumNames.Of(category);

    private static CharacteristicBreakdown By(Characteristic characteristic, IReadOnlyCollection<PersonInWindow> people,
        Func<PersonInWindow, string?> groupOf, IReadOnlyList<string> groups)
    {
        var byGroup = people.ToLookup(p => groupOf(p) ?? NotRecorded);
        // Age is never unrecorded: everyone has a date of birth.
        var shown = characteristic == Characteristic.AgeBand ? groups : [.. groups, NotRecorded];
        return new CharacteristicBreakdown(characteristic, [.. shown.Select(g => Figures(g, byGroup[g]))], Figures("Everyone", people));
    }

    private static GroupFigures Figures(string group, IEnumerable<PersonInWindow> people)
    {
        int count = 0, restrained = 0, incidents = 0, interventions = 0;
        foreach (var p in people)
        {
            count++;
            restrained += p.Incidents > 0 ? 1 : 0;
            incidents += p.Incidents;
            interventions += p.Interventions;
        }
        return new GroupFigures(group, count, restrained, incidents, interventions);
    }

    private static string? Name<TEnum>(TEnum? value) where TEnum : struct, Enum => value is { } v ? EnumNames.Of(v) : null;

    private static string[] Names<TEnum>() where TEnum : struct, Enum => [.. Enum.GetValues<TEnum>().Select(v => EnumNames.Of(v))];

    /// <summary>
    /// The people of <paramref name="organisationId"/> supported in the twelve months (or any run of whole months)
    /// from <paramref name="firstMonth"/> to <paramref name="lastMonth"/>, each with their monthly tallies in it
    /// summed by the database. Someone counts as supported if their record was made by the window's end or they
    /// had an incident in it. Reads through the user's scope.
    /// </summary>
    public static async Task<IReadOnlyList<PersonInWindow>> ReadAsync(ProportionDbContext db, Guid organisationId,
        DateOnly firstMonth, DateOnly lastMonth, CancellationToken ct = default)
    {
        var windowEnds = Periods.EndOf(lastMonth, ChartPeriod.Month);
        var endsUtc = UkTime.EndOfDay(windowEnds);
        var tallied = await db.RestraintTallies
            .Where(t => t.OrganisationId == organisationId && t.Period == ChartPeriod.Month && t.Starts >= firstMonth && t.Starts <= lastMonth)
            .GroupBy(t => t.PersonId)
            .Select(g => new { PersonId = g.Key, Incidents = g.Sum(t => t.Incidents), Interventions = g.Sum(t => t.Interventions) })
            .ToDictionaryAsync(t => t.PersonId, ct);
        var people = await db.People.AsNoTracking().Where(p => p.OrganisationId == organisationId)
            .Select(p => new
            {
                p.Id, p.CreatedAt, p.DateOfBirth, p.Ethnicity, p.Sex, p.Disability, p.ReligionOrBelief, p.SexualOrientation,
            })
            .ToListAsync(ct);
        return [.. people
            .Where(p => p.CreatedAt < endsUtc || tallied.ContainsKey(p.Id))
            .Select(p => new PersonInWindow(
                new EqualityAnswers(p.Ethnicity, p.Sex, p.Disability, p.ReligionOrBelief, p.SexualOrientation),
                AgeBands.Of(p.DateOfBirth, windowEnds),
                tallied.TryGetValue(p.Id, out var t) ? t.Incidents : 0,
                t?.Interventions ?? 0))];
    }
}
