using System.Text.Json.Serialization;
using Proportion.Core.Rules;

namespace Proportion.Core.Plans.RiskAssessments;

/// <summary>
/// The person's risk assessment (§5.1), made with them: each risk on the likelihood and impact matrix,
/// with the benefits of the activity as well as its harms, the person's own view, and what reduces it.
/// </summary>
public sealed record RiskAssessmentContent : IPlanContent
{
    /// <summary>How the person took part, and who else did.</summary>
    public string? HowThePersonTookPart { get; init; }
    public List<AssessedRisk> Risks { get; init; } = [];

    public IEnumerable<PlanSection> Sections() =>
    [
        PlanContents.Section("How this was made", HowThePersonTookPart),
        .. Risks.Select(r => new PlanSection(r.WhatCouldHappen, r.Activity,
        [
            $"As first assessed: {RiskMatrix.Describe(r.Likelihood, r.Impact)}",
            $"What is good about it: {r.Benefits ?? "Not recorded"}",
            $"What could go wrong: {r.Harms ?? "Not recorded"}",
            $"What the person thinks: {r.PersonsView ?? "Not recorded"}",
            $"What makes it safer: {r.WhatReducesIt ?? "Not recorded"}",
            $"With that in place: {RiskMatrix.Describe(r.ResidualLikelihood, r.ResidualImpact)}",
        ])),
    ];
}

/// <summary>
/// One risk. Its id stays the same across versions, so plans, panels and incidents that name it keep
/// pointing at it. Likelihood and impact are 1 to 5, as on the restrictive practice discussion (RP2).
/// </summary>
public sealed record AssessedRisk
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    /// <summary>The harm, in a few words: "Scalds while cooking".</summary>
    public string WhatCouldHappen { get; init; } = "";
    /// <summary>The activity or situation it arises in: "Making hot drinks".</summary>
    public string? Activity { get; init; }
    public int Likelihood { get; init; }
    public int Impact { get; init; }
    /// <summary>Likelihood once what reduces it is in place; null when not assessed.</summary>
    public int? ResidualLikelihood { get; init; }
    public int? ResidualImpact { get; init; }
    /// <summary>What the person gains from the activity: the benefits weighed against the harms.</summary>
    public string? Benefits { get; init; }
    public string? Harms { get; init; }
    /// <summary>The person's own view of the risk, in their words where possible.</summary>
    public string? PersonsView { get; init; }
    /// <summary>What reduces the risk: the safeguards and support.</summary>
    public string? WhatReducesIt { get; init; }
    /// <summary>The restrictive practices this risk explains.</summary>
    public List<Guid> PracticeIds { get; init; } = [];
    /// <summary>The plans (positive risk-taking, reduction, behaviour support) that manage it.</summary>
    public List<Guid> PlanIds { get; init; } = [];
    /// <summary>Incidents that show the risk.</summary>
    public List<Guid> IncidentIds { get; init; } = [];

    /// <summary>The risk as first assessed, before what reduces it.</summary>
    [JsonIgnore]
    public RiskBand InitialBand => RiskMatrix.BandOf(Likelihood, Impact);

    /// <summary>A few words naming the risk where space is short (the matrix): what could happen, cut at a word.</summary>
    [JsonIgnore]
    public string ShortName => ShortNameOf(WhatCouldHappen);

    public const int ShortNameLength = 40;

    public static string ShortNameOf(string text)
    {
        text = text.Trim();
        if (text.Length <= ShortNameLength)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', ShortNameLength);
        return text[..(cut > 10 ? cut : ShortNameLength)].TrimEnd(',', ';', ':', '.', ' ') + "…";
    }

    /// <summary>The risk as it stands with what reduces it in place, or as first assessed when that is not recorded.</summary>
    public RiskBand ResidualBand => RiskMatrix.BandOf(ResidualLikelihood ?? Likelihood, ResidualImpact ?? Impact);
}
