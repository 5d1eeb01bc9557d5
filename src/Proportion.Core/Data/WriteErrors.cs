namespace Proportion.Core.Data;

/// <summary>The record asked for does not exist, or is not in the user's scope: both look the same to them.</summary>
public sealed class RecordNotFoundException(string what) : Exception($"{what} was not found.");

/// <summary>Someone else saved the record after this user opened it (docs/architecture.md: concurrency).</summary>
public sealed class StaleEditException() : Exception(
    "Someone else changed this record after you opened it. Your changes have not been saved. Check the record as it is now and make your changes again.");

/// <summary>The user's role does not allow this write.</summary>
public sealed class NotPermittedException(string message) : Exception(message);

/// <summary>A write refused by a rule; each error names the form field it belongs to and how to fix it.</summary>
public sealed class RuleViolationException(IReadOnlyDictionary<string, string> errors)
    : Exception(string.Join(" ", errors.Values))
{
    public IReadOnlyDictionary<string, string> Errors { get; } = errors;

    public RuleViolationException(string field, string message) : this(new Dictionary<string, string> { [field] = message }) { }

    /// <summary>A rule's refusals, each at its field and naming the rule, so the user sees why.</summary>
    public RuleViolationException(IEnumerable<Rules.Finding> refusals)
        : this(refusals.Where(f => f.Severity == Rules.FindingSeverity.Refusal)
            .GroupBy(f => f.Field).ToDictionary(g => g.Key, g => string.Join(". ", g.Select(f => f.ToString())))) { }
}
