using Proportion.Core.Plans.KeepingSafe;

namespace Proportion.Core.Rules;

/// <summary>
/// R20, tools for risky choices: a keeping safe plan (Practical approaches to safeguarding and personalisation, "my keeping safe plan") is agreed only when,
/// made with the person, it says how the money is managed, how help is recruited (with the checks), the
/// person's responsibilities as an employer (or who employs the staff instead), training, what to do when
/// things go wrong, and who can help with how to reach them; and it always carries a safeguarding helpline:
/// the council's when the council has set one, otherwise a number written in the plan. Each gap is one
/// refusal at its own field.
/// </summary>
public static class KeepingSafeRules
{
    public const string Rule = "R20";
    public const string Source = "Keeping safe plan";
    /// <summary>The helpline's part of the plan, where a missing helpline is shown (<see cref="SafeguardingHelplines.Section"/>).</summary>
    public const string HelplineField = "Helpline";

    /// <summary>The parts that must be written, in the order the plan asks them, with what to say when one is missing.</summary>
    public static readonly IReadOnlyList<(string Field, Func<KeepingSafeContent, string?> Value, string Missing)> RequiredParts =
    [
        (nameof(KeepingSafeContent.ManagingTheMoney), c => c.ManagingTheMoney,
            "Write how the money is managed: the account, paying for support and keeping records"),
        (nameof(KeepingSafeContent.Recruiting), c => c.Recruiting, "Write how help is recruited, with the checks (DBS check and references)"),
        (nameof(KeepingSafeContent.Employing), c => c.Employing,
            "Write the person's responsibilities as an employer (contracts, insurance, pay), or who employs the people who help them"),
        (nameof(KeepingSafeContent.Training), c => c.Training, "Write the training needed, for the person and for the people who help them"),
        (nameof(KeepingSafeContent.WhenThingsGoWrong), c => c.WhenThingsGoWrong, "Write what to do when things go wrong"),
        (nameof(KeepingSafeContent.HowThePersonTookPart), c => c.HowThePersonTookPart, "Write how the plan was made with the person, and who else helped"),
    ];

    /// <param name="helplines">The councils' safeguarding helplines the plan shows (<see cref="SafeguardingHelplines.ForPersonAsync"/>).</param>
    /// <param name="knownAs">The person's name, for the message when no helpline can be shown.</param>
    public static IReadOnlyList<Finding> Findings(KeepingSafeContent plan, SafeguardingHelplines helplines, string knownAs)
    {
        var findings = RequiredParts.Where(p => string.IsNullOrWhiteSpace(p.Value(plan)))
            .Select(p => new Finding(Rule, Source, p.Field, p.Missing)).ToList();
        var contacts = plan.WhoCanHelp.Where(c => !string.IsNullOrWhiteSpace(c.Name)).ToList();
        if (contacts.Count == 0)
        {
            findings.Add(new Finding(Rule, Source, nameof(plan.WhoCanHelp), "Name who can help, with how to reach them"));
        }
        foreach (var c in contacts.Where(c => string.IsNullOrWhiteSpace(c.HowToReach)))
        {
            findings.Add(new Finding(Rule, Source, nameof(plan.WhoCanHelp), $"Say how to reach {c.Name.Trim()}"));
        }
        // Always with a safeguarding helpline: the council's, shown by itself once the council sets it.
        if (helplines.NoneSetMessage(knownAs) is { } none && string.IsNullOrWhiteSpace(plan.SafeguardingContact))
        {
            findings.Add(new Finding(Rule, Source, HelplineField,
                $"{none}. Write the safeguarding number to ring in the plan until the council sets its helpline"));
        }
        return findings;
    }
}
