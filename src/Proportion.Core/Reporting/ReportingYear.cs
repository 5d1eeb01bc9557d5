using Proportion.Core.Model;

namespace Proportion.Core.Reporting;

/// <summary>
/// The year a yearly report covers: England's financial year, 1 April to 31 March (ADR 0022), named by the
/// calendar year it starts in ("2025 to 2026" is <c>new ReportingYear(2025)</c>).
/// </summary>
public readonly record struct ReportingYear(int Starting)
{
    public const int FirstMonth = 4;

    public DateOnly FirstDay => new(Starting, FirstMonth, 1);
    public DateOnly LastDay => FirstDay.AddYears(1).AddDays(-1);
    public ReportingYear Before => new(Starting - 1);

    /// <summary>The UTC instants the year runs between, in England's calendar: from its first moment, up to but not including the next year's.</summary>
    public DateTime StartsAtUtc => UkTime.ToUtc(FirstDay, TimeOnly.MinValue)!.Value;
    public DateTime EndsAtUtc => UkTime.EndOfDay(LastDay);

    /// <summary>"2025 to 2026", as GOV.UK writes a financial year.</summary>
    public override string ToString() => $"{Starting} to {Starting + 1}";

    /// <summary>The year <paramref name="day"/> falls in.</summary>
    public static ReportingYear Of(DateOnly day) => new(day.Month >= FirstMonth ? day.Year : day.Year - 1);

    /// <summary>The latest year that has ended by <paramref name="today"/>: the one a report can now be written for.</summary>
    public static ReportingYear LastEnded(DateOnly today) => Of(today).Before;

    /// <summary>Whether the year is over by <paramref name="today"/>: only then are its figures whole.</summary>
    public bool HasEnded(DateOnly today) => LastDay < today;
}
