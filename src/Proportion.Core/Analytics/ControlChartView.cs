using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Proportion.Core.Model;

namespace Proportion.Core.Analytics;

/// <summary>A change marked on a chart, as the chart needs it.</summary>
public sealed record ChartMark(DateOnly Date, string Description);

/// <summary>What the NHS Making Data Count variation icon says about the latest point.</summary>
public enum Variation
{
    [Display(Name = "Common cause: no significant change")] CommonCause = 0,
    [Display(Name = "Special cause of concern: higher than expected")] Concern = 1,
    [Display(Name = "Special cause of improvement: lower than expected")] Improvement = 2,
}

/// <summary>One period on the chart: its value, its segment's mean and limits, and any special cause, with where to draw it.</summary>
public sealed record ChartRow(DateOnly Starts, double Value, double Mean, double UpperLimit, double LowerLimit,
    SpecialCause Causes, SignalDirection Direction, int Segment, double X, double Y)
{
    public Variation Variation => ControlChartView.VariationOf(Direction);
}

/// <summary>A run of periods sharing one mean and one pair of limits, with where its lines run.</summary>
public sealed record ChartSegment(int First, int Last, double Mean, double UpperLimit, double LowerLimit,
    double X1, double X2, double MeanY, double UpperY, double LowerY);

/// <summary>A change drawn on the chart: a vertical line just before the first period it recalculates from.</summary>
public sealed record ChartChangeLine(int Number, DateOnly Date, string Description, int Index, double X);

/// <summary>A label on an axis, at a position in the drawing. Dates take two lines: the day or month, then the year.</summary>
public sealed record AxisTick(double Position, string Label, string? SecondLine = null);

/// <summary>
/// Everything a process control chart shows (R14), worked out once so the page only draws: the rows with
/// their segment's limits and signals, the Making Data Count words for the latest point and the rules that
/// fired, a sentence describing the chart for people who cannot see it, and the drawing's coordinates in a
/// fixed view box the browser scales to any width. Pure: no database, no clock.
/// </summary>
public sealed class ControlChartView
{
    public const double Width = 440;
    public const double Height = 270;
    public const double Left = 44;
    // Wide enough for the last date label, centred on the last point, to show whole.
    public const double Right = 34;
    public const double Top = 14;
    public const double Bottom = 44;

    /// <summary>Making Data Count advises at least this many points before limits are relied on.</summary>
    public const int PointsForReliableLimits = 15;

    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public required Measure Measure { get; init; }
    public required ChartPeriod Period { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required IReadOnlyList<ChartRow> Rows { get; init; }
    public required IReadOnlyList<ChartSegment> Segments { get; init; }
    public required IReadOnlyList<ChartChangeLine> Changes { get; init; }
    public required IReadOnlyList<AxisTick> XTicks { get; init; }
    public required IReadOnlyList<AxisTick> YTicks { get; init; }
    public required Variation Variation { get; init; }
    /// <summary>The rules the latest point is part of, in words; empty for common cause.</summary>
    public required IReadOnlyList<string> Rules { get; init; }
    /// <summary>Periods before the latest that show special cause.</summary>
    public required int EarlierSignals { get; init; }
    /// <summary>True when any segment has too few points for its limits to be relied on.</summary>
    public required bool ShortSegment { get; init; }

    public ChartRow? Latest => Rows.Count == 0 ? null : Rows[^1];
    public double PlotBottom => Height - Bottom;
    public double PlotRight => Width - Right;

    /// <summary>
    /// The chart of <paramref name="series"/>, with the limits recalculated from the period holding each
    /// mark's date. <paramref name="subjectPhrase"/> says whose it is in a sentence: "at Oakfield House".
    /// </summary>
    public static ControlChartView Build(Measure measure, ChartPeriod period, string subjectPhrase,
        IReadOnlyList<SeriesPoint> series, IReadOnlyCollection<ChartMark>? marks = null)
    {
        var changes = ChangeIndexes(series, period, marks ?? []);
        var points = ProcessControl.Chart([.. series.Select(p => p.Value)], [.. changes.Select(c => c.Index)]);
        var top = ScaleTop(points);
        var segmentOf = SegmentNumbers(points.Count, changes.Select(c => c.Index));
        var rows = points.Select(p => new ChartRow(series[p.Index].Starts, p.Value, p.Mean, p.UpperLimit, p.LowerLimit,
            p.Causes, p.Direction, segmentOf[p.Index], XOf(p.Index, points.Count), YOf(p.Value, top))).ToList();
        var segments = rows.GroupBy(r => r.Segment).Select(g =>
        {
            var first = g.First();
            var last = g.Last();
            var half = Step(rows.Count) / 2;
            // A lone point still shows its limits: a short line either side of it.
            var (x1, x2) = first == last ? (first.X - half, first.X + half) : (first.X, last.X);
            return new ChartSegment(rows.IndexOf(first), rows.IndexOf(last), first.Mean, first.UpperLimit, first.LowerLimit,
                x1, x2, YOf(first.Mean, top), YOf(first.UpperLimit, top), YOf(first.LowerLimit, top));
        }).ToList();
        var lines = changes.Select((c, i) => new ChartChangeLine(i + 1, c.Mark.Date, c.Mark.Description, c.Index,
            XOf(c.Index, rows.Count) - Step(rows.Count) / 2)).ToList();

        var latest = rows.Count == 0 ? null : rows[^1];
        var variation = latest is null ? Variation.CommonCause : VariationOf(latest.Direction);
        var rules = latest is null ? [] : RuleWords(rows, period);
        var earlier = rows.Take(Math.Max(0, rows.Count - 1)).Count(r => r.Causes != SpecialCause.None);
        var title = $"{EnumNames.Of(measure)} {subjectPhrase}, {PeriodAdjective(period)}";
        return new ControlChartView
        {
            Measure = measure,
            Period = period,
            Title = title,
            Description = Describe(measure, period, subjectPhrase, rows, variation, rules, earlier, lines),
            Rows = rows,
            Segments = segments,
            Changes = lines,
            XTicks = XTicksFor(rows, period),
            YTicks = YTicksFor(top),
            Variation = variation,
            Rules = rules,
            EarlierSignals = earlier,
            ShortSegment = segments.Any(s => s.Last - s.First + 1 < PointsForReliableLimits),
        };
    }

    public static Variation VariationOf(SignalDirection direction) => direction switch
    {
        SignalDirection.Rise => Variation.Concern,
        SignalDirection.Fall => Variation.Improvement,
        _ => Variation.CommonCause,
    };

    /// <summary>
    /// Where each mark recalculates from: the period holding its date. Marks before the first period or after
    /// the last are off this chart; two marks in one period recalculate once, from the earlier mark.
    /// </summary>
    public static IReadOnlyList<(int Index, ChartMark Mark)> ChangeIndexes(IReadOnlyList<SeriesPoint> series, ChartPeriod period,
        IEnumerable<ChartMark> marks)
    {
        if (series.Count == 0)
        {
            return [];
        }
        var last = Periods.EndOf(series[^1].Starts, period);
        var found = new List<(int Index, ChartMark Mark)>();
        foreach (var mark in marks.OrderBy(m => m.Date))
        {
            if (mark.Date < series[0].Starts || mark.Date > last)
            {
                continue;
            }
            var start = Periods.StartOf(mark.Date, period);
            var index = series.Select((p, i) => (p, i)).First(x => x.p.Starts == start).i;
            if (index > 0 && found.All(f => f.Index != index))
            {
                found.Add((index, mark));
            }
        }
        return found;
    }

    /// <summary>The special causes the latest point is part of, in words, with how long the run is.</summary>
    public static IReadOnlyList<string> RuleWords(IReadOnlyList<ChartRow> rows, ChartPeriod period)
    {
        var latest = rows[^1];
        var words = new List<string>();
        var unit = period == ChartPeriod.Week ? "week" : "month";
        var above = latest.Direction == SignalDirection.Rise;
        if (latest.Causes.HasFlag(SpecialCause.BeyondLimit))
        {
            words.Add($"A point beyond a process limit: the latest {unit} is {(above ? "above the upper" : "below the lower")} limit.");
        }
        if (latest.Causes.HasFlag(SpecialCause.Shift))
        {
            var run = RunBack(rows, r => r.Causes.HasFlag(SpecialCause.Shift) && Math.Sign(r.Value - r.Mean) == Math.Sign(latest.Value - latest.Mean));
            words.Add($"A run on one side of the mean: the last {run} {unit}s are all {(latest.Value > latest.Mean ? "above" : "below")} the mean.");
        }
        if (latest.Causes.HasFlag(SpecialCause.Trend))
        {
            var run = RunBack(rows, r => r.Causes.HasFlag(SpecialCause.Trend));
            words.Add($"A trend: the last {run} {unit}s have {(above ? "risen" : "fallen")} one after another.");
        }
        if (latest.Causes.HasFlag(SpecialCause.TwoOfThreeNearALimit))
        {
            words.Add($"Two of three near a limit: two of the last three {unit}s are close to the {(above ? "upper" : "lower")} limit.");
        }
        return words;
    }

    /// <summary>The signal words for one row of the figures table.</summary>
    public static string SignalWords(ChartRow row)
    {
        if (row.Causes == SpecialCause.None)
        {
            return "Common cause";
        }
        var rules = new List<string>();
        var rise = row.Direction == SignalDirection.Rise;
        if (row.Causes.HasFlag(SpecialCause.BeyondLimit)) rules.Add("beyond a limit");
        if (row.Causes.HasFlag(SpecialCause.Shift)) rules.Add($"{ProcessControl.RunLength} or more {(row.Value > row.Mean ? "above" : "below")} the mean");
        if (row.Causes.HasFlag(SpecialCause.Trend)) rules.Add($"{ProcessControl.RunLength} or more {(rise ? "rising" : "falling")}");
        if (row.Causes.HasFlag(SpecialCause.TwoOfThreeNearALimit)) rules.Add("two of three near a limit");
        return $"{(rise ? "Concern" : "Improvement")}: {string.Join(", ", rules)}";
    }

    /// <summary>"12 Jan 2026" for a week (its Monday), "January 2026" for a month.</summary>
    public static string PeriodName(DateOnly starts, ChartPeriod period) => period == ChartPeriod.Week
        ? $"Week from {UkTime.Format(starts)}"
        : starts.ToString("MMMM yyyy", EnGb);

    /// <summary>A figure as the table and axis show it: whole numbers plainly, others to one decimal place.</summary>
    public static string Figure(double value) =>
        Math.Abs(value - Math.Round(value)) < 0.05 ? Math.Round(value).ToString("0", EnGb) : value.ToString("0.0", EnGb);

    /// <summary>The noun a measure counts, for sentences: "uses of prone restraint".</summary>
    public static string Noun(Measure measure) =>
        typeof(Measure).GetField(measure.ToString())?.GetCustomAttribute<DisplayAttribute>()?.Description ?? measure.ToString();

    private static string PeriodAdjective(ChartPeriod period) => period == ChartPeriod.Week ? "weekly" : "monthly";

    private static string Describe(Measure measure, ChartPeriod period, string subjectPhrase, IReadOnlyList<ChartRow> rows,
        Variation variation, IReadOnlyList<string> rules, int earlier, IReadOnlyList<ChartChangeLine> changes)
    {
        if (rows.Count == 0)
        {
            return $"{EnumNames.Of(measure)} {subjectPhrase}: no periods to show.";
        }
        var unit = period == ChartPeriod.Week ? "week" : "month";
        var sentence = $"{EnumNames.Of(measure)} {subjectPhrase}, {PeriodAdjective(period)}, "
            + $"{UkTime.Format(rows[0].Starts)} to {UkTime.Format(Periods.EndOf(rows[^1].Starts, period))}. "
            + $"The latest {unit} had {Figure(rows[^1].Value)} {Noun(measure)} against a mean of {Figure(rows[^1].Mean)}. "
            + EnumNames.Of(variation);
        sentence += rules.Count == 0 ? "." : ": " + string.Join(" ", rules.Select(r => LowerFirst(r[(r.IndexOf(':') + 2)..])));
        if (earlier > 0)
        {
            sentence += $" {earlier} earlier {unit}{(earlier == 1 ? " shows" : "s show")} special cause.";
        }
        if (changes.Count > 0)
        {
            sentence += " Limits recalculated from " + string.Join(", ", changes.Select(c => $"{UkTime.Format(c.Date)} ({c.Description})")) + ".";
        }
        return sentence;
    }

    private static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

    private static int RunBack(IReadOnlyList<ChartRow> rows, Func<ChartRow, bool> inRun)
    {
        var run = 0;
        for (var i = rows.Count - 1; i >= 0 && inRun(rows[i]) && rows[i].Segment == rows[^1].Segment; i--)
        {
            run++;
        }
        return run;
    }

    private static int[] SegmentNumbers(int count, IEnumerable<int> starts)
    {
        var set = starts.ToHashSet();
        var numbers = new int[count];
        for (int i = 0, segment = 0; i < count; i++)
        {
            if (set.Contains(i))
            {
                segment++;
            }
            numbers[i] = segment;
        }
        return numbers;
    }

    private static double Step(int count) => count <= 1 ? Width - Left - Right : (Width - Left - Right) / (count - 1);

    private static double XOf(int index, int count) =>
        Math.Round(count <= 1 ? (Left + Width - Right) / 2 : Left + index * Step(count), 1);

    private static double YOf(double value, double top) =>
        Math.Round(Height - Bottom - (Height - Bottom - Top) * (top <= 0 ? 0 : value / top), 1);

    /// <summary>The value at the top of the plot: a round number at or above every value and limit.</summary>
    private static double ScaleTop(IReadOnlyList<ControlPoint> points)
    {
        var highest = points.Count == 0 ? 0 : points.Max(p => Math.Max(p.Value, p.UpperLimit));
        return highest <= 0 ? 4 : TickStep(highest) * Math.Ceiling(highest / TickStep(highest));
    }

    /// <summary>1, 2 or 5 times a power of ten, giving about four gridlines.</summary>
    private static double TickStep(double highest)
    {
        var rough = highest / 4;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1.0, 2, 5, 10 }.Select(m => m * power).First(s => s >= rough);
        return Math.Max(1, step);
    }

    private static IReadOnlyList<AxisTick> YTicksFor(double top)
    {
        var step = TickStep(top);
        var ticks = new List<AxisTick>();
        for (var v = 0.0; v <= top + step / 1000; v += step)
        {
            ticks.Add(new AxisTick(YOf(v, top), Figure(v)));
        }
        return ticks;
    }

    /// <summary>About five dates along the bottom, always the first and the last period.</summary>
    private static IReadOnlyList<AxisTick> XTicksFor(IReadOnlyList<ChartRow> rows, ChartPeriod period)
    {
        if (rows.Count == 0)
        {
            return [];
        }
        var every = Math.Max(1, (int)Math.Ceiling((rows.Count - 1) / 4.0));
        var indexes = Enumerable.Range(0, rows.Count).Where(i => i % every == 0).ToList();
        if (indexes[^1] != rows.Count - 1)
        {
            // The last period is always labelled; the label before it gives way if they would touch.
            if (rows.Count - 1 - indexes[^1] < every / 2.0)
            {
                indexes.RemoveAt(indexes.Count - 1);
            }
            indexes.Add(rows.Count - 1);
        }
        return [.. indexes.Select(i => new AxisTick(rows[i].X,
            rows[i].Starts.ToString(period == ChartPeriod.Week ? "d MMM" : "MMM", EnGb), rows[i].Starts.ToString("yyyy", EnGb)))];
    }
}
