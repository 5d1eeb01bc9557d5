using System.ComponentModel.DataAnnotations;

namespace Proportion.Core.Analytics;

/// <summary>
/// The counts of restriction drawn as charts (R14). Most are flows, counted from the incidents in each
/// period; practices in place and people with any restriction are stocks, read at the end of each period
/// from the register. For every one of them a rise is the concern and a fall the improvement.
/// </summary>
public enum Measure
{
    [Display(Name = "Incidents", Description = "incidents")] Incidents = 1,
    [Display(Name = "Interventions", Description = "interventions")] Interventions = 2,
    [Display(Name = "People restrained", Description = "people restrained")] PeopleRestrained = 3,
    [Display(Name = "Minutes of physical restraint", Description = "minutes of physical restraint")] RestraintMinutes = 4,
    [Display(Name = "Prone restraint", Description = "uses of prone restraint")] Prone = 5,
    [Display(Name = "Rapid tranquillisation", Description = "uses of rapid tranquillisation")] RapidTranquillisation = 6,
    [Display(Name = "Incidents with an injury", Description = "incidents with an injury")] Injuries = 7,
    [Display(Name = "Seclusion", Description = "uses of seclusion")] Seclusion = 8,
    [Display(Name = "Practices in place", Description = "practices in place")] PracticesInPlace = 9,
    [Display(Name = "People with any restriction", Description = "people with any restriction")] PeopleWithRestriction = 10,
}

public static class Measures
{
    /// <summary>Read from the register at the end of each period, not counted from incidents.</summary>
    public static bool IsStock(this Measure measure) => measure is Measure.PracticesInPlace or Measure.PeopleWithRestriction;

    /// <summary>Counting people means nothing on one person's chart.</summary>
    public static bool AppliesToOnePerson(this Measure measure) => measure is not (Measure.PeopleRestrained or Measure.PeopleWithRestriction);

    public static IReadOnlyList<Measure> All { get; } = Enum.GetValues<Measure>();
}
