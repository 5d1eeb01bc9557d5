namespace Proportion.Core.Rules;

/// <summary>
/// What a rule of docs/rules.md says about a record: a gap that refuses an action, or a warning to surface.
/// The same finding refuses the action and is listed to the user, so both always agree.
/// </summary>
/// <param name="Rule">The rule's number in docs/rules.md, e.g. "R4".</param>
/// <param name="Source">The procedure paragraph it comes from, e.g. "§5.14".</param>
/// <param name="Field">The form field or part of the record it concerns, for showing it in the right place.</param>
/// <param name="Message">Plain English: what is missing or wrong and how to put it right.</param>
public sealed record Finding(string Rule, string Source, string Field, string Message, FindingSeverity Severity = FindingSeverity.Refusal)
{
    public override string ToString() => $"{Message} (rule {Rule}, {Source})";
}

public enum FindingSeverity
{
    /// <summary>The action cannot go ahead until this is put right.</summary>
    Refusal = 1,
    /// <summary>The action may go ahead, but people must see this and be able to challenge it.</summary>
    Warning = 2,
}
