using System.Text.Json;
using System.Text.Json.Serialization;
using Proportion.Core.Analytics;
using Proportion.Core.Model;

namespace Proportion.Core.Reporting;

/// <summary>One year's counts of restriction in the organisation, as recorded: the small-number rule is applied when shown.</summary>
public sealed record YearCounts(int Incidents, int Interventions, int PeopleRestrained, int Prone, int RapidTranquillisation,
    int Seclusion, int IncidentsWithInjury, int Deaths, int SeriousInjuries, int DeathOrSeriousInjuryNotSeparated);

/// <summary>How often one kind of intervention, or one reason, was recorded: this year and the year before.</summary>
public sealed record CountByKind(int Code, string Name, int ThisYear, int YearBefore);

/// <summary>One month of the chart: interventions this year and in the same month the year before, and incidents.</summary>
public sealed record MonthCounts(DateOnly Month, int Incidents, int Interventions, int InterventionsYearBefore);

/// <summary>A month the Making Data Count rules mark as special cause, and which way it points.</summary>
public sealed record MonthSignal(DateOnly Month, SignalDirection Direction, SpecialCause Causes);

/// <summary>Staff who may use restrictive interventions, and how many held in-date certified training on <see cref="On"/> (R15).</summary>
public sealed record TrainingShare(DateOnly On, int Staff, int Trained);

/// <summary>
/// The figures of a yearly report (R17), worked out from the records when the report is drafted and frozen
/// into the version when it is published. Real counts are kept, so every page and the PDF apply the same
/// small-number rule (<see cref="SmallNumbers"/>) the same way, in <see cref="PublicFigures"/>.
/// </summary>
public sealed record ReportFigures(
    int YearStarting,
    DateTime WorkedOutAt,
    YearCounts ThisYear,
    YearCounts YearBefore,
    IReadOnlyList<CountByKind> Types,
    IReadOnlyList<CountByKind> Reasons,
    IReadOnlyList<MonthCounts> Months,
    IReadOnlyList<MonthSignal> Signals,
    TrainingShare Training)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    [JsonIgnore]
    public ReportingYear Year => new(YearStarting);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ReportFigures? FromJson(string? json) => string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<ReportFigures>(json, Json);
}
