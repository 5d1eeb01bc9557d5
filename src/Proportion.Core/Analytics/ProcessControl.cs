namespace Proportion.Core.Analytics;

/// <summary>Which Making Data Count rule a point is part of.</summary>
[Flags]
public enum SpecialCause
{
    None = 0,
    /// <summary>The point is beyond a process limit.</summary>
    BeyondLimit = 1,
    /// <summary>The point is in a run of <see cref="ProcessControl.RunLength"/> or more on one side of the mean.</summary>
    Shift = 2,
    /// <summary>The point is in a run of <see cref="ProcessControl.RunLength"/> or more rising, or falling.</summary>
    Trend = 4,
    /// <summary>Two of three points in a row are in the outer third, near the same limit.</summary>
    TwoOfThreeNearALimit = 8,
}

/// <summary>Whether a signal is a rise or a fall: for restriction, a rise is the concern.</summary>
public enum SignalDirection
{
    None = 0,
    Rise = 1,
    Fall = 2,
}

/// <summary>One point of an XmR chart with the limits of its segment and the special causes it is part of.</summary>
public sealed record ControlPoint(int Index, double Value, double Mean, double UpperLimit, double LowerLimit, SpecialCause Causes, SignalDirection Direction);

/// <summary>
/// The NHS "Making Data Count" XmR chart (statistical process control for individual values): the mean and
/// natural process limits from the average moving range, and special cause marked by its four rules. Limits
/// are recalculated from each point a user marks as a change (a new reduction plan, a new service), and the
/// earlier segment keeps its own. Pure arithmetic: the pages and alerts that use it decide what to draw and
/// whom to tell. The rules are written out in docs/rules.md (R14).
/// </summary>
public static class ProcessControl
{
    /// <summary>
    /// Making Data Count's scaling constant for an XmR chart: 3 / 1.128 (d2 for moving ranges of two), so the
    /// limits sit three estimated standard deviations from the mean.
    /// </summary>
    public const double LimitScale = 2.66;

    /// <summary>Points in a row on one side of the mean, or rising or falling, that count as a shift or trend.</summary>
    public const int RunLength = 7;

    /// <summary>
    /// The chart for <paramref name="values"/> in time order. Each index in <paramref name="recalculateFrom"/>
    /// starts a new segment with its own mean and limits. Counts never go below zero, so a lower limit below
    /// zero is shown as zero.
    /// </summary>
    public static IReadOnlyList<ControlPoint> Chart(IReadOnlyList<double> values, IReadOnlyCollection<int>? recalculateFrom = null, bool nonNegative = true)
    {
        var starts = new SortedSet<int>((recalculateFrom ?? []).Where(i => i > 0 && i < values.Count)) { 0 };
        var points = new List<ControlPoint>(values.Count);
        var boundaries = starts.Append(values.Count).ToList();
        for (var s = 0; s < boundaries.Count - 1; s++)
        {
            var segment = values.Skip(boundaries[s]).Take(boundaries[s + 1] - boundaries[s]).ToList();
            points.AddRange(Segment(segment, boundaries[s], nonNegative));
        }
        return points;
    }

    private static IEnumerable<ControlPoint> Segment(IReadOnlyList<double> values, int offset, bool nonNegative)
    {
        if (values.Count == 0)
        {
            return [];
        }
        var mean = values.Average();
        var movingRange = values.Count < 2 ? 0 : values.Zip(values.Skip(1), (a, b) => Math.Abs(b - a)).Average();
        var upper = mean + LimitScale * movingRange;
        var lower = mean - LimitScale * movingRange;
        if (nonNegative && lower < 0)
        {
            lower = 0;
        }
        var causes = new SpecialCause[values.Count];
        var directions = new SignalDirection[values.Count];
        void Mark(int i, SpecialCause cause, SignalDirection direction)
        {
            causes[i] |= cause;
            if (directions[i] == SignalDirection.None)
            {
                directions[i] = direction;
            }
        }

        // A point beyond a limit.
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] > upper)
            {
                Mark(i, SpecialCause.BeyondLimit, SignalDirection.Rise);
            }
            else if (values[i] < lower && !(nonNegative && lower == 0))
            {
                Mark(i, SpecialCause.BeyondLimit, SignalDirection.Fall);
            }
        }

        // A shift: RunLength or more in a row on one side of the mean (a point on the mean breaks the run).
        MarkRuns(values.Count, i => Math.Sign(values[i] - mean), i => values[i] == mean, SpecialCause.Shift, Mark);

        // A trend: RunLength or more in a row each higher (or each lower) than the one before.
        MarkRuns(values.Count, i => i == 0 ? 0 : Math.Sign(values[i] - values[i - 1]), i => false, SpecialCause.Trend, Mark, trend: true);

        // Two of three in a row in the outer third on the same side: beyond two-thirds of the way to a limit.
        var sigma = LimitScale * movingRange / 3;
        for (var i = 0; sigma > 0 && i + 2 < values.Count; i++)
        {
            foreach (var side in new[] { 1, -1 })
            {
                var window = Enumerable.Range(i, 3);
                var near = window.Where(j => side * (values[j] - mean) > 2 * sigma).ToList();
                if (near.Count >= 2)
                {
                    foreach (var j in near)
                    {
                        Mark(j, SpecialCause.TwoOfThreeNearALimit, side > 0 ? SignalDirection.Rise : SignalDirection.Fall);
                    }
                }
            }
        }

        return values.Select((v, i) => new ControlPoint(offset + i, v, mean, upper, lower, causes[i], directions[i]));
    }

    private static void MarkRuns(int count, Func<int, int> sign, Func<int, bool> breaks, SpecialCause cause, Action<int, SpecialCause, SignalDirection> mark, bool trend = false)
    {
        var start = trend ? 1 : 0;
        while (start < count)
        {
            var s = sign(start);
            if (s == 0 || breaks(start))
            {
                start++;
                continue;
            }
            var end = start;
            while (end + 1 < count && sign(end + 1) == s && !breaks(end + 1))
            {
                end++;
            }
            // A trend of N points has N - 1 steps: the run of steps starts one point earlier.
            var first = trend ? start - 1 : start;
            if (end - first + 1 >= RunLength)
            {
                for (var i = first; i <= end; i++)
                {
                    mark(i, cause, s > 0 ? SignalDirection.Rise : SignalDirection.Fall);
                }
            }
            start = end + 1;
        }
    }
}
