using Proportion.Core.Model;

namespace Proportion.Core.Rules;

/// <summary>Whether the person can consent to this specific practice (MCA functional test), as assessed.</summary>
public enum CapacityToConsent
{
    HasCapacity = 1,
    LacksCapacity = 2,
}

/// <summary>What the person says or shows about the practice.</summary>
public enum PersonResponse
{
    Agrees = 1,
    /// <summary>Objects, in words or behaviour: resisting a practice triggers R4 even with capacity.</summary>
    Resists = 2,
    /// <summary>Neither agrees nor resists, for example because they cannot express a view.</summary>
    NoClearView = 3,
}

/// <summary>The agreements a restrictive practice decision can need (§5.8, §5.14, §5.15, §6.3).</summary>
public enum SignOffRole
{
    ServiceManager = 1,
    SeniorManager = 2,
    SocialWorker = 3,
    /// <summary>Not a signature but a record that the commissioner was told (§6.3).</summary>
    CommissionerInformed = 4,
}

/// <summary>The facts about a decision that decide who must agree it.</summary>
public sealed record DecisionFacts(CapacityToConsent Capacity, PersonResponse Response, Guid ServiceId);

/// <summary>One agreement given: by whom, in which role, and what the rules need to know about them.</summary>
/// <param name="SignerServiceIds">The services the signer is assigned to, to see whether a senior manager is external (§5.14).</param>
/// <param name="RegistrationNumber">A social worker's Social Work England registration (§5.8: a protected title).</param>
public sealed record SignOff(SignOffRole Role, string Name, IReadOnlyCollection<Guid> SignerServiceIds, string? RegistrationNumber = null, string? Council = null);

/// <summary>
/// Who must agree a restrictive practice, and whether they have. Each requirement names its rule:
/// R3 the service manager always (§5.15); R4 a senior manager, ideally external, when the person lacks
/// capacity or resists (§5.14); R5 a registered social worker and the commissioner informed when the
/// person lacks capacity (§5.8, §6.3).
/// </summary>
public static class SignOffRules
{
    public static IReadOnlyList<(SignOffRole Role, string Rule, string Source)> Required(DecisionFacts facts)
    {
        var required = new List<(SignOffRole, string, string)> { (SignOffRole.ServiceManager, "R3", "§5.15") };
        if (facts.Capacity == CapacityToConsent.LacksCapacity || facts.Response == PersonResponse.Resists)
        {
            required.Add((SignOffRole.SeniorManager, "R4", "§5.14"));
        }
        if (facts.Capacity == CapacityToConsent.LacksCapacity)
        {
            required.Add((SignOffRole.SocialWorker, "R5", "§5.8"));
            required.Add((SignOffRole.CommissionerInformed, "R5", "§6.3"));
        }
        return required;
    }

    /// <summary>Refusals for every missing agreement, and warnings the people signing should see.</summary>
    public static IReadOnlyList<Finding> Check(DecisionFacts facts, IReadOnlyCollection<SignOff> signOffs)
    {
        var findings = new List<Finding>();
        foreach (var (role, rule, source) in Required(facts))
        {
            var given = signOffs.Where(s => s.Role == role).ToList();
            if (given.Count == 0)
            {
                findings.Add(new Finding(rule, source, role.ToString(), MissingMessage(role, facts)));
                continue;
            }
            if (role == SignOffRole.SocialWorker && given.All(s => string.IsNullOrWhiteSpace(s.RegistrationNumber) || string.IsNullOrWhiteSpace(s.Council)))
            {
                findings.Add(new Finding(rule, source, role.ToString(),
                    "Record the social worker's Social Work England registration number and council: only a registered social worker can agree this"));
            }
            if (role == SignOffRole.SeniorManager && given.All(s => s.SignerServiceIds.Contains(facts.ServiceId)))
            {
                findings.Add(new Finding(rule, source, role.ToString(), SameServiceAgreed, FindingSeverity.Warning));
            }
        }
        return findings;
    }

    private const string SameServiceAgreed =
        "The senior manager who agreed this works in the same service. The procedure asks for one external to the service where possible";

    /// <summary>
    /// The same R4 warning, shown to a senior manager before they agree rather than after: they work in the
    /// service, and §5.14 asks for a senior manager external to it where possible.
    /// </summary>
    public static Finding? BeforeSeniorManagerAgrees(DecisionFacts facts, IReadOnlyCollection<Guid> signerServiceIds) =>
        Required(facts).Any(r => r.Role == SignOffRole.SeniorManager) && signerServiceIds.Contains(facts.ServiceId)
            ? new Finding("R4", "§5.14", nameof(SignOffRole.SeniorManager),
                "You work in this service. The procedure asks for a senior manager external to the service where possible: agree only if none can",
                FindingSeverity.Warning)
            : null;

    private static string MissingMessage(SignOffRole role, DecisionFacts facts) => role switch
    {
        SignOffRole.ServiceManager => "The service manager must agree every restrictive practice, even when the person agrees",
        SignOffRole.SeniorManager => facts.Capacity == CapacityToConsent.LacksCapacity
            ? "A senior manager must agree this practice because the person lacks capacity to consent to it"
            : "A senior manager must agree this practice because the person resists it",
        SignOffRole.SocialWorker => "A registered social worker must agree this planned restriction because the person lacks capacity to consent to it",
        SignOffRole.CommissionerInformed => "Record when and how the commissioner was told about this restriction",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}
