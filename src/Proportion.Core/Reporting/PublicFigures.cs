using System.Globalization;
using Proportion.Core.Analytics;
using Proportion.Core.Model;

namespace Proportion.Core.Reporting;

/// <summary>A figure this year against the year before, both as published, and which way it went.</summary>
public sealed record ComparedCount(string Name, PublishedCount ThisYear, PublishedCount YearBefore)
{
    /// <summary>
    /// Read from the published figures, never the real ones, so the words give away nothing the numbers do not:
    /// "Fell", "Rose", "About the same" (the same once rounded), or "Too few to compare".
    /// </summary>
    public string Change => ThisYear.Value is not { } now || YearBefore.Value is not { } then ? "Too few to compare"
        : now < then ? "Fell" : now > then ? "Rose" : "About the same";
}

/// <summary>One month of the published chart.</summary>
public sealed record PublishedMonth(DateOnly Month, PublishedCount Incidents, PublishedCount Interventions, PublishedCount InterventionsYearBefore)
{
    public string Name => Month.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}

/// <summary>
/// A yearly report's figures as the public sees them (R17): every count through <see cref="SmallNumbers"/>,
/// a share only when neither count behind it is suppressed, nothing about any one person. The check page,
/// the public page and the PDF all show this, so what is checked is what is published.
/// </summary>
public sealed class PublicFigures
{
    public required ReportingYear Year { get; init; }
    public required IReadOnlyList<ComparedCount> Comparison { get; init; }
    public required IReadOnlyList<ComparedCount> Types { get; init; }
    public required IReadOnlyList<ComparedCount> Reasons { get; init; }
    public required IReadOnlyList<ComparedCount> Harm { get; init; }
    public required IReadOnlyList<PublishedMonth> Months { get; init; }
    /// <summary>The months marked as special cause, in words.</summary>
    public required IReadOnlyList<string> Signals { get; init; }
    /// <summary>The share of staff with in-date certified training, in a sentence.</summary>
    public required string Training { get; init; }
    /// <summary>Whether restriction fell, in a sentence, from the interventions as published.</summary>
    public required string Summary { get; init; }

    public static PublicFigures From(ReportFigures f)
    {
        var year = f.Year;
        ComparedCount Compare(string name, int thisYear, int yearBefore) => new(name, SmallNumbers.Suppress(thisYear), SmallNumbers.Suppress(yearBefore));
        var comparison = new[]
        {
            Compare("Incidents", f.ThisYear.Incidents, f.YearBefore.Incidents),
            Compare("Restrictive interventions", f.ThisYear.Interventions, f.YearBefore.Interventions),
            Compare("People restrained", f.ThisYear.PeopleRestrained, f.YearBefore.PeopleRestrained),
            Compare("Prone (face down) restraint", f.ThisYear.Prone, f.YearBefore.Prone),
            Compare("Rapid tranquillisation", f.ThisYear.RapidTranquillisation, f.YearBefore.RapidTranquillisation),
            Compare("Seclusion", f.ThisYear.Seclusion, f.YearBefore.Seclusion),
        };
        var harm = new List<ComparedCount>
        {
            Compare("Incidents in which anyone was injured", f.ThisYear.IncidentsWithInjury, f.YearBefore.IncidentsWithInjury),
            Compare("Deaths", f.ThisYear.Deaths, f.YearBefore.Deaths),
            Compare("Serious injuries", f.ThisYear.SeriousInjuries, f.YearBefore.SeriousInjuries),
        };
        if (f.ThisYear.DeathOrSeriousInjuryNotSeparated + f.YearBefore.DeathOrSeriousInjuryNotSeparated > 0)
        {
            harm.Add(Compare("A death or serious injury, recorded before the two were asked apart",
                f.ThisYear.DeathOrSeriousInjuryNotSeparated, f.YearBefore.DeathOrSeriousInjuryNotSeparated));
        }
        var interventions = comparison[1];
        return new PublicFigures
        {
            Year = year,
            Comparison = comparison,
            Types = [.. f.Types.Select(t => Compare(t.Name, t.ThisYear, t.YearBefore))],
            Reasons = [.. f.Reasons.Select(r => Compare(r.Name, r.ThisYear, r.YearBefore))],
            Harm = harm,
            Months = [.. f.Months.Select(m => new PublishedMonth(m.Month, SmallNumbers.Suppress(m.Incidents), SmallNumbers.Suppress(m.Interventions), SmallNumbers.Suppress(m.InterventionsYearBefore)))],
            Signals = [.. f.Signals.Select(Signal)],
            Training = TrainingSentence(f.Training),
            Summary = interventions.Change switch
            {
                "Fell" => $"Restriction fell: {interventions.ThisYear} restrictive interventions in {year}, against {interventions.YearBefore} in {year.Before}.",
                "Rose" => $"Restriction rose: {interventions.ThisYear} restrictive interventions in {year}, against {interventions.YearBefore} in {year.Before}.",
                "About the same" => $"Restriction stayed about the same: {interventions.ThisYear} restrictive interventions in {year}, against {interventions.YearBefore} in {year.Before}.",
                _ => $"There were too few restrictive interventions to compare {year} with {year.Before} without risking identifying someone.",
            },
        };
    }

    private static string Signal(MonthSignal s)
    {
        var month = s.Month.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        var direction = s.Direction == SignalDirection.Fall ? "fall" : "rise";
        var why = new List<string>();
        if (s.Causes.HasFlag(SpecialCause.BeyondLimit)) why.Add("beyond a process limit");
        if (s.Causes.HasFlag(SpecialCause.Shift)) why.Add($"part of a run of {ProcessControl.RunLength} or more months on one side of the average");
        if (s.Causes.HasFlag(SpecialCause.Trend)) why.Add($"part of a run of {ProcessControl.RunLength} or more months each {(direction == "fall" ? "lower" : "higher")} than the last");
        if (s.Causes.HasFlag(SpecialCause.TwoOfThreeNearALimit)) why.Add("two of three months close to a process limit");
        return $"{month}: a {direction} that is unlikely to be chance ({string.Join("; ", why)}).";
    }

    private static string TrainingSentence(TrainingShare t)
    {
        var on = UkTime.Format(t.On);
        if (t.Staff == 0)
        {
            return $"No staff who may use restrictive interventions had an account on {on}.";
        }
        var share = SmallNumbers.Percentage(t.Trained, t.Staff);
        var counts = $"{SmallNumbers.Suppress(t.Trained)} of {SmallNumbers.Suppress(t.Staff)} staff";
        return share is { } pct
            ? $"{pct}% of the staff who may use restrictive interventions held in-date training from a certified provider on {on} ({counts})."
            : $"{counts} who may use restrictive interventions held in-date training from a certified provider on {on}. The percentage is not shown because the numbers are small.";
    }
}
