using Proportion.Core.Model;

namespace Proportion.Core.Rules;

/// <summary>A health and welfare attorney or deputy recorded for the person, who may be the decision-maker.</summary>
/// <param name="Standing">"attorney for health and welfare" or "court-appointed deputy", for messages.</param>
public sealed record LegalDecisionMaker(Guid RepresentativeId, string Name, string Standing);

/// <summary>Who decides, as answered on the decision.</summary>
/// <param name="RepresentativeId">The attorney or deputy who decides, or null when someone else decides.</param>
/// <param name="Name">Who decides: the attorney or deputy, or the best-interests decision-maker's name and role.</param>
/// <param name="AuthorityNotCoveringReason">Why a recorded attorney or deputy does not decide this.</param>
/// <param name="TheirDecision">The attorney's or deputy's decision, in their words.</param>
/// <param name="TheyAgree">Whether the attorney or deputy agrees to the practice.</param>
public sealed record DecisionMakerAnswers(Guid? RepresentativeId, string? Name, string? AuthorityNotCoveringReason, string? TheirDecision, bool? TheyAgree);

/// <summary>
/// The right decision-maker when the person lacks capacity. A health and welfare attorney or a deputy whose
/// authority covers the decision makes it, and nothing done against their decision is authorised by
/// section 5 (MCA s.6(6)); a dispute goes to the Court of Protection. Otherwise the person who proposes
/// the practice decides in the person's best interests and is named. A person with capacity decides for
/// themselves, so nothing is asked.
/// </summary>
public static class DecisionMakerRules
{
    // Provisional number: the lead catalogues it in docs/rules.md.
    public const string Rule = "R22";
    public const string Source = "MCA 2005 s.4, s.6(6); §5.14";

    /// <summary>The person's recorded health and welfare attorneys and deputies.</summary>
    public static IReadOnlyList<LegalDecisionMaker> AttorneysAndDeputies(IEnumerable<Representative> representatives) =>
        [.. representatives.Where(r => r.Roles.HasFlag(RepresentativeRoles.LastingPowerOfAttorneyHealthAndWelfare) || r.Roles.HasFlag(RepresentativeRoles.CourtAppointedDeputy))
            .Select(r => new LegalDecisionMaker(r.Id, r.Name, r.Roles.HasFlag(RepresentativeRoles.LastingPowerOfAttorneyHealthAndWelfare)
                ? "attorney for health and welfare" : "court-appointed deputy"))];

    public static IReadOnlyList<Finding> Check(CapacityToConsent? capacity, IReadOnlyList<LegalDecisionMaker> attorneysAndDeputies, DecisionMakerAnswers answers)
    {
        var findings = new List<Finding>();
        if (capacity != CapacityToConsent.LacksCapacity)
        {
            return findings;
        }
        void Refuse(string field, string message) => findings.Add(new Finding(Rule, Source, field, message));
        static bool Has(string? text) => !string.IsNullOrWhiteSpace(text);

        if (answers.RepresentativeId is { } chosen)
        {
            if (attorneysAndDeputies.FirstOrDefault(a => a.RepresentativeId == chosen) is not { } maker)
            {
                Refuse("DecisionMakerRepresentativeId", "The decision-maker chosen is no longer recorded as the person's attorney or deputy. Choose the decision-maker again");
                return findings;
            }
            if (!Has(answers.TheirDecision))
            {
                Refuse("AttorneyDecision", $"Record {maker.Name}'s decision about the practice, in their words");
            }
            if (answers.TheyAgree is null)
            {
                Refuse("AttorneyAgrees", $"Say whether {maker.Name} agrees to the practice");
            }
            else if (answers.TheyAgree == false)
            {
                Refuse("AttorneyAgrees",
                    $"{maker.Name}, as {maker.Standing}, has not agreed. Nothing done against the decision of an attorney or deputy acting within their authority is authorised (MCA s.6(6)). "
                    + "If you believe it is not in the person's best interests, seek legal advice (§5.10) about asking the Court of Protection to decide");
            }
            return findings;
        }
        if (attorneysAndDeputies.Count > 0 && !Has(answers.AuthorityNotCoveringReason))
        {
            var who = string.Join(" and ", attorneysAndDeputies.Select(a => $"{a.Name} ({a.Standing})"));
            Refuse("DecisionMakerRepresentativeId",
                $"{who} can make this decision if their authority covers it, and then they are the decision-maker (MCA s.6(6)). Choose them, or say why their authority does not cover this decision");
        }
        if (!Has(answers.Name))
        {
            Refuse("DecisionMakerName", "Record who is the decision-maker: the name and role of the person responsible for the practice, deciding in the person's best interests");
        }
        return findings;
    }
}
