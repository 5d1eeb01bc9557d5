using Proportion.Core.Plans.RiskAssessments;

namespace Proportion.Web.Pages.Plans.PositiveRisk;

/// <summary>How a positive risk-taking plan's pages name what it links to.</summary>
public static class PositiveRiskDisplay
{
    /// <summary>The risk assessment's risk a plan's risk is, by name.</summary>
    public static string AssessedRiskName(RiskAssessmentContent? assessment, Guid? id) =>
        id is { } risk
            ? assessment?.Risks.FirstOrDefault(r => r.Id == risk)?.WhatCouldHappen ?? "A risk not on the agreed risk assessment"
            : "Not linked to the risk assessment";
}

