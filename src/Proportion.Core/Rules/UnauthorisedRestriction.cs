using Proportion.Core.Model;

namespace Proportion.Core.Rules;

/// <summary>
/// A restriction used as planned must be one that was agreed (R7, §5.9): a practice only proposed, or already
/// ended, has no agreement behind it. Such a use is recorded as it happened and flagged as an unauthorised
/// restriction, on the incident, in the managers' lists and in the message the managers receive.
/// </summary>
public static class UnauthorisedRestriction
{
    public const string Rule = "R7";
    public const string Message = "It used a restriction nobody has agreed: an unauthorised restriction. Stop it, or agree it through a restrictive practice discussion (RP2).";

    /// <summary>Practices in place: agreed, or agreed and now under review. Only these may be used as planned.</summary>
    public static bool IsAgreed(PracticeStatus status) => status is PracticeStatus.Agreed or PracticeStatus.UnderReview;

    /// <summary>
    /// A planned use of a practice that is not agreed. An emergency (§9.2) is unforeseen by definition and
    /// carries its own duties (R10), so it is not flagged here.
    /// </summary>
    public static bool Applies(IncidentKind kind, PracticeStatus? practiceUsed) =>
        kind == IncidentKind.Planned && practiceUsed is { } status && !IsAgreed(status);
}
