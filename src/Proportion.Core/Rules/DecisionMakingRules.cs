using Proportion.Core.Plans.DecisionMaking;

namespace Proportion.Core.Rules;

/// <summary>
/// R20, tools for risky choices: a supported decision-making agreement (Practical approaches to safeguarding and personalisation) is agreed only when it says
/// which decisions it covers, who helps the person decide and how (information in the way they understand, the
/// time and place), whether they have a third-party representative and who, their circle of support or advocate,
/// how disagreements are handled, how the person agreed to it and how it is reviewed. Each gap is one refusal at
/// its own field. Where the guidance and the law differ the law leads: helping the person decide is the
/// practicable steps of MCA 2005 s.1(3), and a person who would have substantial difficulty being involved, with
/// nobody unpaid to support them, needs an independent advocate (Care Act 2014 s.67(4)-(5)), not merely "ideally".
/// </summary>
public static class DecisionMakingRules
{
    public const string Rule = "R20";
    public const string Source = "Supported decision-making; MCA s.1(3)";
    public const string AdvocacySource = "Care Act s.67";

    public static IReadOnlyList<Finding> Findings(DecisionMakingContent agreement)
    {
        var findings = new List<Finding>();
        void Missing(string field, string message) => findings.Add(new Finding(Rule, Source, field, message));

        if (string.IsNullOrWhiteSpace(agreement.DecisionsCovered))
        {
            Missing(nameof(agreement.DecisionsCovered), "Say which decisions the agreement covers");
        }
        var supporters = agreement.Supporters.Where(s => !string.IsNullOrWhiteSpace(s.Name)).ToList();
        if (supporters.Count == 0)
        {
            Missing(nameof(agreement.Supporters), "Name who helps the person decide, with their relationship to them");
        }
        foreach (var s in supporters.Where(s => string.IsNullOrWhiteSpace(s.Relationship)))
        {
            Missing(nameof(agreement.Supporters), $"Say how {s.Name.Trim()} is related to the person, or their role");
        }
        // MCA s.1(3): a person is not treated as unable to decide until all practicable steps to help them have been taken.
        if (string.IsNullOrWhiteSpace(agreement.HowInformationIsGiven))
        {
            Missing(nameof(agreement.HowInformationIsGiven), "Say how information is given in the way the person understands");
        }
        if (string.IsNullOrWhiteSpace(agreement.TimeAndPlace))
        {
            Missing(nameof(agreement.TimeAndPlace), "Say the time and place that help the person decide, and how much time they need");
        }
        switch (agreement.HasRepresentative)
        {
            case null:
                Missing(nameof(agreement.HasRepresentative), "Say whether the person has a third-party representative");
                break;
            case true:
                // Shown at the representative's part of the agreement, which holds the name and the authority.
                if (string.IsNullOrWhiteSpace(agreement.RepresentativeName))
                {
                    Missing(nameof(agreement.HasRepresentative), "Name the person's third-party representative");
                }
                if (string.IsNullOrWhiteSpace(agreement.RepresentativeAuthority))
                {
                    Missing(nameof(agreement.HasRepresentative),
                        "Say what the representative does and on what authority: an attorney, a deputy, or a suitable person for a direct payment");
                }
                break;
        }
        var circle = agreement.CircleOfSupport.Where(s => !string.IsNullOrWhiteSpace(s.Name)).ToList();
        var hasAdvocate = !string.IsNullOrWhiteSpace(agreement.Advocate);
        if (circle.Count == 0 && !hasAdvocate)
        {
            Missing(nameof(agreement.CircleOfSupport), "Name the person's circle of support, with their relationship to them, or their advocate");
        }
        foreach (var s in circle.Where(s => string.IsNullOrWhiteSpace(s.Relationship)))
        {
            Missing(nameof(agreement.CircleOfSupport), $"Say how {s.Name.Trim()} in the circle of support is related to the person, or their role");
        }
        switch (agreement.SubstantialDifficulty)
        {
            case null:
                Missing(nameof(agreement.SubstantialDifficulty),
                    "Say whether the person would have substantial difficulty being involved in these decisions without support");
                break;
            // Care Act s.67(4)-(5): with nobody appropriate who is not paid to care for them, the council must arrange an independent advocate.
            case true when !hasAdvocate && !agreement.UnpaidSupport.Any():
                findings.Add(new Finding(Rule, AdvocacySource, nameof(agreement.Advocate),
                    "The person would have substantial difficulty being involved and nobody unpaid supports them: the council must arrange an independent advocate. Name the advocate"));
                break;
        }
        if (string.IsNullOrWhiteSpace(agreement.HowDisagreementsAreHandled))
        {
            Missing(nameof(agreement.HowDisagreementsAreHandled), "Say how disagreements about a decision are handled");
        }
        if (string.IsNullOrWhiteSpace(agreement.HowThePersonAgreed))
        {
            Missing(nameof(agreement.HowThePersonAgreed), "Record how the person agreed to this agreement, in their words where possible");
        }
        if (string.IsNullOrWhiteSpace(agreement.HowItIsReviewed))
        {
            Missing(nameof(agreement.HowItIsReviewed), "Say who reviews the agreement with the person, and what would bring the review sooner");
        }
        return findings;
    }
}
