using Proportion.Core.Model;

namespace Proportion.Core.Rules;

/// <summary>
/// R7 and R8: a practice used outside the circumstances agreed (§5.9), guidelines proving ineffective
/// (§8.11) or a change in circumstances (§6.2) bring the practice's review forward.
/// </summary>
public static class EarlyReview
{
    public const string Rule = "R8";

    public static bool CalledForBy(Incident incident) =>
        incident.PracticeId is not null
        && (incident.WithinAgreedGuidelines == false || incident.PracticeIneffective || incident.ChangedCircumstances is not null);

    /// <summary>
    /// The practice's review date once an incident calls for an early review: the day it was recorded, unless the
    /// review was already due sooner. Written to the practice itself, so the register, the practice, the person's
    /// pages, the tasks, the API and the guidelines all read the one date.
    /// </summary>
    public static DateOnly? BroughtForward(DateOnly? reviewDate, DateOnly recordedOn) =>
        reviewDate is { } d && d <= recordedOn ? d : recordedOn;

    /// <summary>Why, in words for the manager: "used outside the circumstances agreed (R7)".</summary>
    public static string Reasons(Incident incident) => string.Join("; ", new[]
    {
        incident.WithinAgreedGuidelines == false ? "used outside the circumstances agreed (R7)" : null,
        incident.PracticeIneffective ? "the guidelines did not work" : null,
        incident.ChangedCircumstances is not null ? "circumstances have changed" : null,
    }.OfType<string>());
}
