using Proportion.Core.Plans.RiskAssessments;

namespace Proportion.Core.Rules;

/// <summary>
/// R24: a risk assessment for every person, made with them (§5.1; the risk matrix of the safeguarding and
/// personalisation guidance; positive risk-taking guidance). Before it is agreed it holds at least one risk,
/// each complete: the activity it arises in, how likely and how serious on the matrix, the benefits as well
/// as the harms, the person's own view, what reduces it and where it then sits; it says how the person took
/// part; and what it links to is the person's own. A practice in place that no risk explains is a warning:
/// a restriction with no risk behind it.
/// </summary>
public static class RiskAssessmentRules
{
    public const string Rule = "R24";
    public const string Source = "§5.1";

    /// <summary>The field of one part of one risk, for showing a finding beside it: "Risks[id].Activity".</summary>
    public static string FieldOf(Guid riskId, string part) => $"Risks[{riskId}].{part}";

    /// <summary>Whether a finding is about the given risk.</summary>
    public static bool IsAbout(Finding finding, Guid riskId) => finding.Field.StartsWith($"Risks[{riskId}]", StringComparison.Ordinal);

    public static IReadOnlyList<Finding> Check(RiskAssessmentContent content, RiskAssessmentSubject person)
    {
        var findings = new List<Finding>();
        void Refuse(string field, string message) => findings.Add(new Finding(Rule, Source, field, message));
        var name = person.KnownAs;

        if (string.IsNullOrWhiteSpace(content.HowThePersonTookPart))
        {
            Refuse(nameof(RiskAssessmentContent.HowThePersonTookPart), $"Say how {name} took part in the risk assessment, and who else did");
        }
        if (content.Risks.Count == 0)
        {
            Refuse(nameof(RiskAssessmentContent.Risks), $"Add at least one risk: everyone supported has a risk assessment of the risks in their life");
        }
        var practices = person.Practices.ToDictionary(p => p.Id);
        for (var i = 0; i < content.Risks.Count; i++)
        {
            var risk = content.Risks[i];
            var label = string.IsNullOrWhiteSpace(risk.WhatCouldHappen) ? $"Risk {i + 1}" : $"Risk \"{risk.ShortName}\"";
            void Missing(string part, string what) => Refuse(FieldOf(risk.Id, part), $"{label}: {what}");

            if (string.IsNullOrWhiteSpace(risk.WhatCouldHappen))
            {
                Missing(nameof(AssessedRisk.WhatCouldHappen), "say what could happen");
            }
            if (string.IsNullOrWhiteSpace(risk.Activity))
            {
                Missing(nameof(AssessedRisk.Activity), "say the activity or situation it arises in");
            }
            if (!RiskMatrix.IsOnScale(risk.Likelihood))
            {
                Missing(nameof(AssessedRisk.Likelihood), "choose how likely it is");
            }
            if (!RiskMatrix.IsOnScale(risk.Impact))
            {
                Missing(nameof(AssessedRisk.Impact), "choose how serious it would be");
            }
            if (string.IsNullOrWhiteSpace(risk.Benefits))
            {
                Missing(nameof(AssessedRisk.Benefits), $"say what {name} gains from the activity, as well as its harms");
            }
            if (string.IsNullOrWhiteSpace(risk.Harms))
            {
                Missing(nameof(AssessedRisk.Harms), "say what harm it could do, and to whom");
            }
            if (string.IsNullOrWhiteSpace(risk.PersonsView))
            {
                Missing(nameof(AssessedRisk.PersonsView), $"record {name}'s own view of the risk");
            }
            if (string.IsNullOrWhiteSpace(risk.WhatReducesIt))
            {
                Missing(nameof(AssessedRisk.WhatReducesIt), "say what reduces the risk");
            }
            if (risk.ResidualLikelihood is not { } residualLikelihood || !RiskMatrix.IsOnScale(residualLikelihood))
            {
                Missing(nameof(AssessedRisk.ResidualLikelihood), "choose how likely it is with what reduces it in place");
            }
            else if (RiskMatrix.IsOnScale(risk.Likelihood) && residualLikelihood > risk.Likelihood)
            {
                Missing(nameof(AssessedRisk.ResidualLikelihood), "what reduces the risk cannot make it more likely: check both answers");
            }
            if (risk.ResidualImpact is not { } residualImpact || !RiskMatrix.IsOnScale(residualImpact))
            {
                Missing(nameof(AssessedRisk.ResidualImpact), "choose how serious it would be with what reduces it in place");
            }
            else if (RiskMatrix.IsOnScale(risk.Impact) && residualImpact > risk.Impact)
            {
                Missing(nameof(AssessedRisk.ResidualImpact), "what reduces the risk cannot make it more serious: check both answers");
            }
            if (risk.PracticeIds.Any(id => !practices.ContainsKey(id)))
            {
                Missing(nameof(AssessedRisk.PracticeIds), $"a linked practice is not {name}'s. Choose from {name}'s own practices");
            }
            if (risk.IncidentIds.Any(id => !person.IncidentIds.Contains(id)))
            {
                Missing(nameof(AssessedRisk.IncidentIds), $"a linked incident is not {name}'s. Choose from {name}'s own incidents");
            }
            if (risk.PlanIds.Any(id => !person.PlanIds.Contains(id)))
            {
                Missing(nameof(AssessedRisk.PlanIds), $"a linked plan is not {name}'s. Choose from {name}'s own plans");
            }
        }
        var explained = content.Risks.SelectMany(r => r.PracticeIds).ToHashSet();
        foreach (var practice in person.Practices.Where(p => p.InPlace && !explained.Contains(p.Id)))
        {
            findings.Add(new Finding(Rule, Source, "Practices",
                $"\"{practice.Description}\" is a restriction with no risk behind it. Link it to the risk it manages, or consider ending it",
                FindingSeverity.Warning));
        }
        return findings;
    }
}

/// <summary>What R24 checks a risk assessment against: the person's name, their practices, and which incidents and plans are theirs.</summary>
public sealed record RiskAssessmentSubject(string KnownAs, IReadOnlyList<PracticeForRisk> Practices, IReadOnlySet<Guid> IncidentIds, IReadOnlySet<Guid> PlanIds);

/// <param name="InPlace">Agreed or under review: on the register and in use.</param>
public sealed record PracticeForRisk(Guid Id, string Description, bool InPlace);
