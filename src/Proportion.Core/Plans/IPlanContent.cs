using System.Text.Json;
using System.Text.Json.Serialization;
using Proportion.Core.Model;
using Proportion.Core.Plans.BehaviourSupport;
using Proportion.Core.Plans.DecisionMaking;
using Proportion.Core.Plans.KeepingSafe;
using Proportion.Core.Plans.PositiveRisk;
using Proportion.Core.Plans.Profiles;
using Proportion.Core.Plans.Reduction;
using Proportion.Core.Plans.RiskAssessments;
using Proportion.Core.Plans.Support;

namespace Proportion.Core.Plans;

/// <summary>
/// What one version of a plan says. Each kind has its own record in its own folder; all of them are read
/// the same way through <see cref="Sections"/>, which the version pages and the easy-read copy show.
/// </summary>
public interface IPlanContent
{
    /// <summary>The plan in order, each part under a plain heading, for reading a version and for the easy-read copy.</summary>
    IEnumerable<PlanSection> Sections();
}

/// <param name="Restricted">Shown only to those who need it (<see cref="Scoping.Permission.ReadTraumaHistory"/>), never in the easy-read copy.</param>
/// <param name="Field">The content's property this section shows, as the gate's findings name it, so a gap is shown at its section.</param>
public sealed record PlanSection(string Heading, string? Text, IReadOnlyList<string>? Items = null, bool Restricted = false, string? Field = null);

/// <summary>
/// One planned stage of a staged plan: a step of a reduction plan, or of a positive risk-taking plan's
/// progression. Its id stays the same across versions, so what happened at it (<see cref="StageOutcome"/>)
/// is found whichever version is read.
/// </summary>
public sealed record PlanStage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string Description { get; init; } = "";
    public DateOnly? PlannedOn { get; init; }
    public string? SuccessCriteria { get; init; }
    /// <summary>The support in place at this stage, so support visibly lessens stage by stage.</summary>
    public string? Support { get; init; }
}

/// <summary>Plan content to and from the JSON kept in <see cref="PlanVersion.Content"/>; the one place that knows every kind's record.</summary>
public static class PlanContents
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string ToJson(IPlanContent content) => JsonSerializer.Serialize(content, content.GetType(), Options);

    public static IPlanContent FromJson(PlanKind kind, string json) => kind switch
    {
        PlanKind.Profile => Read<ProfileContent>(json),
        PlanKind.RiskAssessment => Read<RiskAssessmentContent>(json),
        PlanKind.BehaviourSupport => Read<BehaviourSupportContent>(json),
        PlanKind.PositiveRisk => Read<PositiveRiskContent>(json),
        PlanKind.Reduction => Read<ReductionContent>(json),
        PlanKind.SupportPlan => Read<SupportPlanContent>(json),
        PlanKind.DecisionMaking => Read<DecisionMakingContent>(json),
        PlanKind.KeepingSafe => Read<KeepingSafeContent>(json),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static T FromJson<T>(string json) where T : IPlanContent => Read<T>(json);

    public static PlanKind KindOf(IPlanContent content) => content switch
    {
        ProfileContent => PlanKind.Profile,
        RiskAssessmentContent => PlanKind.RiskAssessment,
        BehaviourSupportContent => PlanKind.BehaviourSupport,
        PositiveRiskContent => PlanKind.PositiveRisk,
        ReductionContent => PlanKind.Reduction,
        SupportPlanContent => PlanKind.SupportPlan,
        DecisionMakingContent => PlanKind.DecisionMaking,
        KeepingSafeContent => PlanKind.KeepingSafe,
        _ => throw new ArgumentOutOfRangeException(nameof(content)),
    };

    /// <summary>Kinds a person has at most one of at a time (not closed); the others are one per activity or practice.</summary>
    public static bool OnePerPerson(PlanKind kind) => kind is PlanKind.Profile or PlanKind.RiskAssessment or PlanKind.BehaviourSupport
        or PlanKind.SupportPlan or PlanKind.DecisionMaking or PlanKind.KeepingSafe;

    private static T Read<T>(string json) where T : IPlanContent =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidOperationException("A plan version holds no content.");

    /// <summary>A section from optional text: "Not recorded" rather than a blank.</summary>
    public static PlanSection Section(string heading, string? text, bool restricted = false, string? field = null) =>
        new(heading, string.IsNullOrWhiteSpace(text) ? "Not recorded" : text, Restricted: restricted, Field: field);
}
