namespace Proportion.Core.Rules;

/// <summary>An agreement that was declined, and whether the discussion has answered it yet.</summary>
public sealed record DeclineFacts(SignOffRole Role, string Name, string Reasons, bool Answered);

/// <summary>
/// Agreements can be declined as well as given (R3, R4, R5). A decline sends the discussion back: while
/// one stands unanswered, no agreement is given and the practice is not agreed. The manager answers it by
/// revising the discussion or by saying how it was answered, and where agreement is still hard to reach
/// the disagreement route of §5.10 is followed (a multi-disciplinary discussion, then legal advice).
/// </summary>
public static class DeclinedAgreements
{
    public const string Source = "§5.10";

    /// <summary>The rule that asks for the agreement in this role.</summary>
    public static string RuleFor(SignOffRole role) => role switch
    {
        SignOffRole.ServiceManager => "R3",
        SignOffRole.SeniorManager => "R4",
        _ => "R5",
    };

    /// <summary>The roles whose agreement can be declined: those given by a person, not the record that the commissioner was told.</summary>
    public static bool CanBeDeclined(SignOffRole role) => role is SignOffRole.ServiceManager or SignOffRole.SeniorManager or SignOffRole.SocialWorker;

    /// <summary>A refusal for every decline the discussion has not answered yet.</summary>
    public static IReadOnlyList<Finding> Check(IEnumerable<DeclineFacts> declines) =>
        [.. declines.Where(d => !d.Answered).Select(d => new Finding(RuleFor(d.Role), Source, "Decline",
            $"{d.Name} declined to agree as {Describe(d.Role)}: {d.Reasons}. Revise the discussion, or record how the decline was answered"))];

    /// <summary>Why a decline is refused before it is recorded: reasons are required, so the manager knows what to answer.</summary>
    public static Finding? CheckReasons(SignOffRole role, string? reasons) =>
        string.IsNullOrWhiteSpace(reasons)
            ? new Finding(RuleFor(role), Source, "Reasons", "Enter why you do not agree, so the discussion can answer it")
            : null;

    /// <summary>Refuses giving an agreement while a decline stands: the discussion must answer it first.</summary>
    public static Finding? BeforeAgreeing(SignOffRole role, IEnumerable<DeclineFacts> declines) =>
        declines.FirstOrDefault(d => !d.Answered) is { } standing
            ? new Finding(RuleFor(standing.Role), Source, "",
                $"{standing.Name} declined to agree as {Describe(standing.Role)}. The discussion must answer the decline before anyone agrees it")
            : null;

    private static string Describe(SignOffRole role) => Decisions.DecisionRecords.Describe(role);
}
