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
            $"How likely: {r.Likelihood} of 5. How serious: {r.Impact} of 5 ({RiskMatrix.BandName(RiskMatrix.BandOf(r.Likelihood, r.Impact))} risk)",
            $"What is good about it: {r.Benefits ?? "Not recorded"}",
            $"What could go wrong: {r.Harms ?? "Not recorded"}",
            $"What the person thinks: {r.PersonsView ?? "Not recorded"}",
            $"What makes it safer: {r.WhatReducesIt ?? "Not recorded"}",
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

    /// <summary>The risk as it stands with what reduces it in place, or as first assessed when that is not recorded.</summary>
    public RiskBand ResidualBand => RiskMatrix.BandOf(ResidualLikelihood ?? Likelihood, ResidualImpact ?? Impact);
}
