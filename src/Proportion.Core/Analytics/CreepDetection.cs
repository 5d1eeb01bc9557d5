namespace Proportion.Core.Analytics;

/// <summary>
/// A special-cause rise at the end of a chart: where the run of consecutive rising signals ending at the last
/// point starts, and the figures of that last point.
/// </summary>
public sealed record CreepSignal(int FirstIndex, SpecialCause Causes, double Value, double Mean, double UpperLimit);

/// <summary>
/// Whether restriction is creeping up (R14): a pure judgement over one chart's values, oldest first, each a
/// complete period. The last point must be part of a special cause, by any of the four Making Data Count rules,
/// whose direction is a rise (<see cref="ProcessControl"/>); a fall is an improvement and never alerts. The
/// alert covers the run of consecutive rising signals that ends at the last point, so a rise that goes on for
/// several periods is one signal. Written out in docs/rules.md (R14) and ADR 0025.
/// </summary>
public static class CreepDetection
{
    /// <summary>
    /// Fewer points than this never signal: Making Data Count asks for at least 12 before its limits are
    /// trusted, and a chart of a few weeks would signal on ordinary variation.
    /// </summary>
    public const int MinimumPoints = 12;

    /// <returns>The rise the last point is part of, or null when there is none to alert on.</returns>
    public static CreepSignal? Rise(IReadOnlyList<double> values)
    {
        if (values.Count < MinimumPoints)
        {
            return null;
        }
        var chart = ProcessControl.Chart(values);
        static bool Rising(ControlPoint p) => p.Causes != SpecialCause.None && p.Direction == SignalDirection.Rise;
        var last = chart[^1];
        if (!Rising(last))
        {
            return null;
        }
        var first = chart.Count - 1;
        while (first > 0 && Rising(chart[first - 1]))
        {
            first--;
        }
        // Rare events: on a chart that was mostly zero before, one period with any use at all is beyond the
        // upper limit, so every first use after a quiet spell would alert (Making Data Count advises other
        // charts for rare events). Each incident is already told to the managers as it is recorded; a rise
        // on such a chart alerts once it lasts two periods or more.
        var before = chart.Take(first).ToList();
        if (first == chart.Count - 1 && before.Count(p => p.Value > 0) * 2 < before.Count)
        {
            return null;
        }
        return new CreepSignal(first, last.Causes, last.Value, last.Mean, last.UpperLimit);
    }

    /// <summary>The rules a signal was found by, in words for managers.</summary>
    public static IReadOnlyList<string> Describe(SpecialCause causes)
    {
        var words = new List<string>();
        if (causes.HasFlag(SpecialCause.BeyondLimit))
        {
            words.Add("above the upper process limit");
        }
        if (causes.HasFlag(SpecialCause.Shift))
        {
            words.Add($"{ProcessControl.RunLength} or more periods in a row above the average");
        }
        if (causes.HasFlag(SpecialCause.Trend))
        {
            words.Add($"{ProcessControl.RunLength} or more periods in a row, each higher than the one before");
        }
        if (causes.HasFlag(SpecialCause.TwoOfThreeNearALimit))
        {
            words.Add("2 of 3 periods in a row close to the upper limit");
        }
        return words;
    }
}
