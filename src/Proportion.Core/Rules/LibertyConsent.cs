using Proportion.Core.Model;

namespace Proportion.Core.Rules;

/// <summary>
/// R6: what the person's capacity to consent to the arrangements means for the screening. A person with
/// that capacity who consents is not deprived of liberty (there is valid consent, so Article 5 is not
/// engaged) and needs no authorisation; a person with capacity who does not consent cannot be deprived of
/// liberty under the Mental Capacity Act at all, since DoLS and the Court's MCA powers are only for people
/// who lack capacity.
/// </summary>
public static class LibertyConsent
{
    public const string Rule = "R6";
    public const string Source = "§4.1";

    public const string ConsentMeansNoDeprivation =
        "A person who has capacity to consent to the arrangements and consents to them is not deprived of their liberty: no authorisation is needed. Record the conclusion as not a deprivation of liberty, or record that they do not consent";

    public const string CapacityWithoutConsent =
        "The person has capacity to consent to the arrangements and does not consent. The Mental Capacity Act cannot authorise depriving them of their liberty: neither DoLS nor the Court of Protection can be used. Stop the restrictions or find an alternative they agree to, and seek legal advice (another law, such as the Mental Health Act, may apply)";

    /// <returns>Refusals to correct before the screening is recorded, and warnings to show with it.</returns>
    public static IReadOnlyList<Finding> Check(ArrangementsCapacity? capacity, bool? consents, LibertyConclusion conclusion)
    {
        var findings = new List<Finding>();
        if (capacity == ArrangementsCapacity.HasCapacity)
        {
            if (consents is null)
            {
                findings.Add(new Finding(Rule, Source, nameof(LibertyScreening.ConsentsToArrangements), "Select whether the person consents to the arrangements"));
            }
            else if (consents == true && conclusion == LibertyConclusion.LikelyDeprivation)
            {
                findings.Add(new Finding(Rule, Source, nameof(LibertyScreening.Conclusion), ConsentMeansNoDeprivation));
            }
            else if (consents == false)
            {
                findings.Add(new Finding(Rule, Source, nameof(LibertyScreening.ConsentsToArrangements), CapacityWithoutConsent, FindingSeverity.Warning));
            }
        }
        return findings;
    }

    /// <summary>What the screening's answers mean for the route, in words for the page; null when an authorisation route applies.</summary>
    public static string? Meaning(ArrangementsCapacity? capacity, bool? consents) => (capacity, consents) switch
    {
        (ArrangementsCapacity.HasCapacity, true) => "The person has capacity to consent to the arrangements and consents: they are not deprived of their liberty, and no authorisation route is needed.",
        (ArrangementsCapacity.HasCapacity, false) => CapacityWithoutConsent + ".",
        (ArrangementsCapacity.NotAssessed, _) => "Capacity to consent to the arrangements has not been assessed yet: assess it, as the authorisation routes are only for a person who lacks it.",
        _ => null,
    };
}
