using Proportion.Core.Model;

namespace Proportion.Core.Rules;

/// <summary>
/// Every restriction needs lawful authority, and the authority claimed must fit the person's capacity and
/// response. Consent needs capacity and agreement; the Mental Capacity Act (s.5 best interests, DoLS, the
/// Court of Protection) gives authority only when the person lacks capacity for the decision. Nothing in
/// the Act lets anyone override a person with capacity who refuses: then the practice cannot be agreed
/// unless another law (the Mental Health Act, a court order, a statute) applies.
/// </summary>
public static class LegalBasisRules
{
    // Provisional number: the lead catalogues it in docs/rules.md.
    public const string Rule = "R21";
    public const string Source = "MCA 2005 s.1, s.5; §5.10";

    public const string CapacityAndObjectsMessage =
        "The person has capacity to decide about this practice and objects to it. The Mental Capacity Act gives no authority to restrict them, so it cannot be agreed. "
        + "What can lawfully happen now: stop the practice; find an alternative they accept; seek legal advice (§5.10); "
        + "or, if one applies, record another legal authority, such as the Mental Health Act or a court order";

    public static IReadOnlyList<Finding> Check(LegalBasis? basis, string? detail, CapacityToConsent? capacity, PersonResponse? response)
    {
        var findings = new List<Finding>();
        void Refuse(string field, string message) => findings.Add(new Finding(Rule, Source, field, message));
        var anotherLaw = basis is LegalBasis.MentalHealthAct or LegalBasis.OtherCourtOrderOrStatute;

        if (capacity == CapacityToConsent.HasCapacity && response == PersonResponse.Resists && !anotherLaw)
        {
            Refuse(nameof(PracticeDecision.LegalBasis), CapacityAndObjectsMessage);
            return findings;
        }
        switch (basis)
        {
            case null:
                Refuse(nameof(PracticeDecision.LegalBasis), "Choose the legal basis for the practice: what gives the law's authority to use it");
                break;
            case LegalBasis.Consent when capacity == CapacityToConsent.LacksCapacity:
                Refuse(nameof(PracticeDecision.LegalBasis),
                    "Consent cannot be the legal basis: the person lacks capacity to consent to this practice. Choose best interests under section 5, or the authorisation or order that applies");
                break;
            case LegalBasis.Consent when capacity == CapacityToConsent.HasCapacity && response != PersonResponse.Agrees:
                Refuse(nameof(PracticeDecision.LegalBasis),
                    "Consent can be the legal basis only when the person agrees. Ask them and record that they agree, or choose another legal basis");
                break;
            case LegalBasis.BestInterests or LegalBasis.DolsOrCourtOfProtection when capacity == CapacityToConsent.HasCapacity:
                Refuse(nameof(PracticeDecision.LegalBasis),
                    "The Mental Capacity Act gives authority only when the person lacks capacity for this decision. They have capacity, so the practice needs their consent");
                break;
        }
        if (basis is LegalBasis.DolsOrCourtOfProtection or LegalBasis.MentalHealthAct or LegalBasis.OtherCourtOrderOrStatute
            && string.IsNullOrWhiteSpace(detail))
        {
            Refuse(nameof(PracticeDecision.LegalBasisDetail), basis switch
            {
                LegalBasis.DolsOrCourtOfProtection => "Say which DoLS authorisation or Court of Protection order applies, with its reference and when it ends",
                LegalBasis.MentalHealthAct => "Say which section of the Mental Health Act applies and how it covers this practice",
                _ => "Say which court order or statute gives authority for this practice",
            });
        }
        return findings;
    }
}
