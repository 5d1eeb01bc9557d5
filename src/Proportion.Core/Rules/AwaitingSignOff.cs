namespace Proportion.Core.Rules;

/// <summary>
/// A discussion (RP2) is waiting for a sign-off only when everything else is answered and the one thing left
/// is an agreement the rules ask for (R3, R4, R5): a draft still missing answers waits for its answers, and
/// counting it as waiting for a sign-off would send managers to sign something not ready to be signed.
/// </summary>
public static class AwaitingSignOff
{
    private static readonly HashSet<string> SignOffFields = [.. Enum.GetNames<SignOffRole>()];

    /// <param name="findings">Everything the rules say about the draft as it stands (DecisionRecords.FindingsAsync).</param>
    public static bool IsWaiting(IEnumerable<Finding> findings)
    {
        var refusals = findings.Where(f => f.Severity == FindingSeverity.Refusal).ToList();
        return refusals.Count > 0 && refusals.All(f => SignOffFields.Contains(f.Field));
    }
}
