using Proportion.Core.Model;

namespace Proportion.Core.Rules;

/// <summary>
/// Which regulation, if any, requires CQC to be told about an incident, in the words the app uses for it
/// everywhere. The Care Quality Commission (Registration) Regulations 2009: regulation 16 for the death of a
/// person using the service, regulation 18 for a serious injury (18(2)(a) and (b)), abuse or an allegation of
/// abuse (18(2)(e)) and an incident reported to or investigated by the police (18(2)(f)). Both say "without
/// delay". When neither applies, telling CQC is something to consider (§9.4), never a duty: the two read
/// differently so nobody mistakes one for the other.
/// </summary>
public static class CqcNotification
{
    public const string MustBeTold = "CQC must be told without delay";
    public const string Consider = "Consider telling CQC (not required: no death, serious injury, abuse or police involvement was recorded)";

    /// <summary>Regulation 18(2)(a) and (b): what makes an injury serious, in the regulation's own terms.</summary>
    public static readonly IReadOnlyList<string> SeriousInjuryCriteria =
    [
        "an impairment of the person's sensory, motor or intellectual functions that is not likely to be temporary",
        "changes to the structure of the person's body",
        "the person experiencing prolonged pain or prolonged psychological harm",
        "the shortening of the person's life expectancy",
        "an injury that needs treatment by a health care professional to prevent the person's death, or to prevent one of the outcomes above",
    ];

    public const string SeriousInjuryCriteriaLead = "A serious injury is one that, in the reasonable opinion of a health care professional, has resulted in or needs treatment to prevent (Regulation 18(2)(a) and (b)):";

    public static bool Required(Incident incident) => Regulations(incident).Count > 0;

    /// <summary>The regulations that require CQC to be told, for example "Regulation 16"; empty when none does.</summary>
    public static IReadOnlyList<string> Regulations(Incident incident)
    {
        var regulations = new List<string>();
        if (incident.DeathOrSeriousInjuryNotSeparated)
        {
            // Recorded under the old single question: a death (16) or a serious injury (18), not known which.
            regulations.Add("Regulation 16 or 18 (death or serious injury: not recorded which)");
        }
        if (incident.Died == true)
        {
            regulations.Add("Regulation 16");
        }
        if (incident.SeriousInjury == true || incident.AbuseOrAllegation || incident.PoliceInvolved)
        {
            regulations.Add("Regulation 18");
        }
        return regulations;
    }

    /// <summary>The source to cite: the regulations when CQC must be told, the procedure when it is only to consider.</summary>
    public static string Source(Incident incident) => Required(incident) ? string.Join(" and ", Regulations(incident)) : "§9.4";

    /// <summary>Why CQC must be told, in plain words: "the person died (Regulation 16)".</summary>
    public static string Why(Incident incident) => string.Join("; ", Events(incident));

    /// <summary>The events recorded that CQC must be told of, each with its regulation.</summary>
    public static IReadOnlyList<string> Events(Incident incident) => new[]
    {
        NotSeparatedText(incident),
        incident.Died == true ? "the person died (Regulation 16)" : null,
        incident.SeriousInjury == true ? "a serious injury (Regulation 18(2)(a) or (b))" : null,
        incident.AbuseOrAllegation ? "abuse or an allegation of abuse (Regulation 18(2)(e))" : null,
        incident.PoliceInvolved ? "the police were involved (Regulation 18(2)(f))" : null,
    }.OfType<string>().ToList();

    private static string? NotSeparatedText(Incident incident) =>
        incident.DeathOrSeriousInjuryNotSeparated ? "a death or serious injury, recorded before the two were asked apart: not recorded which (Regulation 16 or 18)" : null;
}
