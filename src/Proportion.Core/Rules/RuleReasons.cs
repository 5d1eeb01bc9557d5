namespace Proportion.Core.Rules;

/// <summary>
/// Why each rule asks for what it does, in plain words, for the "Why" behind a task: the line says what to do, the
/// reason and the rule's number sit behind it for whoever wants them. One sentence per rule, written for the person
/// doing the task, not for the inspector (who has docs/rules.md).
/// </summary>
public static class RuleReasons
{
    private static readonly Dictionary<string, string> Reasons = new()
    {
        ["R1"] = "Every restriction is looked at again at least once a year, so none is kept out of habit.",
        ["R2"] = "A restriction starts only once it has been talked through with the person and those who know them, and the whole decision is written down.",
        ["R3"] = "The service manager agrees every restriction, so someone accountable has weighed it.",
        ["R4"] = "When a person cannot decide, or resists, a senior manager must agree the restriction is in their best interests.",
        ["R5"] = "When a person cannot consent, their social worker must agree the restriction and the council is told.",
        ["R6"] = "A restriction that takes away someone's liberty needs legal authority, applied for and renewed in time.",
        ["R7"] = "A restriction may be used only in the circumstances agreed; any other use is looked at straight away.",
        ["R8"] = "An incident suggests the restriction may no longer be right, so its review comes early.",
        ["R9"] = "Reviews happen by their date, with the person, so restrictions end when they are no longer needed.",
        ["R10"] = "After an emergency, the manager talks it through with the person within 48 hours, and the right people are told.",
        ["R11"] = "Managers check restrictions every 3 months and senior managers audit them every 6, to catch any that have crept in.",
        ["R12"] = "A restriction on everyone in a service is a blanket rule; each person's needs must be weighed on their own.",
        ["R13"] = "After every use, the person and the staff are supported, and staff reflect on what happened, so that next time it may be avoided.",
        ["R14"] = "Incidents are looked at together, so a rise or a pattern is seen and acted on.",
        ["R15"] = "Staff who may use restrictive interventions need in-date training from a certified provider.",
        ["R16"] = "Records are kept, and corrected only by adding to them, so the history can be trusted.",
        ["R17"] = "Each year the public is told how restrictions have changed.",
        ["R18"] = "A temporary restriction must not become permanent without anyone deciding it should.",
        ["R19"] = "Plans to reduce a restriction, or to take a positive risk, are followed through step by step.",
        ["R20"] = "Safeguarding keeps the person safe and in control of what happens to them.",
        ["R21"] = "Every restriction needs a legal basis.",
        ["R22"] = "The right person makes the decision, having asked the right people.",
        ["R23"] = "Knowing what matters to the person is where support with fewer restrictions starts.",
        ["R24"] = "A risk assessment made with the person explains why each restriction is there.",
        ["R25"] = "A behaviour support plan that is not working is reviewed before restrictions are used more.",
        ["R26"] = "The panel's decision and its actions are carried out, so a hard decision is not left open.",
        ["R27"] = "The council checks how the people it funds are restricted, and the provider answers its checks.",
        ["§7.5"] = "Staff read and confirm the guidelines before they use a restriction, so it is used only as agreed.",
        ["§8.10"] = "The manager reviews every incident, to see whether the restriction is still right and what can be learned.",
    };

    /// <summary>The reason for <paramref name="rule"/>; a rule without one says where to find it rather than nothing.</summary>
    public static string Why(string rule) =>
        Reasons.TryGetValue(rule, out var reason) ? reason : "The procedure asks for it.";

    public static bool Explains(string rule) => Reasons.ContainsKey(rule);
}
