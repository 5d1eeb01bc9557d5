using Proportion.Core.Model;

namespace Proportion.Core.Rules;

/// <summary>What a monitoring check needs to know of one practice (§8.7).</summary>
/// <param name="DecisionInForce">The latest agreed RP2, or null when there is none yet.</param>
/// <param name="StaffCount">Staff assigned to the service.</param>
/// <param name="StaffWhoRead">Of those, how many confirmed reading the guidelines in force.</param>
/// <param name="LateReviews">Completed reviews held after the date they were due.</param>
/// <param name="LastReductionConsideredOn">When a completed review last considered reducing the practice (R18).</param>
public sealed record PracticeFacts(
    RestrictivePractice Practice,
    PracticeDecision? DecisionInForce,
    int StaffCount,
    int StaffWhoRead,
    int LateReviews,
    DateOnly? LastReductionConsideredOn);

/// <summary>
/// R11 and §8.7: what auditing and monitoring must check for each practice: the decision is evidenced and
/// least restrictive, the person was involved, review dates were followed, the agreements the rules need
/// were given, staff know the guidelines, and (R18) the practice has not quietly become permanent.
/// The same rules that refuse an agreement decide each answer here, so the two cannot disagree.
/// </summary>
public static class MonitoringChecks
{
    public static MonitoringPracticeCheck For(PracticeFacts facts, DateOnly today, int reductionMonths)
    {
        var p = facts.Practice;
        var d = facts.DecisionInForce;
        var answers = d?.Answers;
        bool SignOffsComplete()
        {
            if (d?.Capacity is not { } capacity || d.PersonResponse is not { } response)
            {
                return false;
            }
            var given = d.SignOffs.Select(s => new SignOff(s.Role, s.Name, s.WorksInTheService ? [d.ServiceId] : [], s.RegistrationNumber, s.Council)).ToList();
            return SignOffRules.Check(new DecisionFacts(capacity, response, d.ServiceId), given).All(f => f.Severity != FindingSeverity.Refusal);
        }
        return new MonitoringPracticeCheck
        {
            PracticeId = p.Id,
            PersonName = p.Person?.FullName ?? "",
            Description = p.Description,
            Status = p.Status,
            // Judged as it was agreed: the review date rule is checked from the day of agreement.
            DecisionEvidenced = d is not null && DecisionCompleteness.Check(answers!, DateOnly.FromDateTime(UkTime.ToLondon(d.AgreedAt ?? d.CreatedAt)))
                .All(f => f.Severity != FindingSeverity.Refusal),
            LeastRestrictiveSought = answers is not null && answers.Alternatives.Count > 0
                && answers.Alternatives.All(a => !string.IsNullOrWhiteSpace(a.Description) && !string.IsNullOrWhiteSpace(a.WhyRejected)),
            PersonInvolved = answers is not null && !string.IsNullOrWhiteSpace(answers.PersonViews) && answers.ViewsGatheringMethodRecorded,
            ReviewDatesMet = facts.LateReviews == 0 && ReviewDue.State(p.ReviewDate, today) != ReviewState.Overdue,
            SignOffsComplete = SignOffsComplete(),
            GuidelinesAcknowledged = d is not null && facts.StaffWhoRead >= facts.StaffCount,
            ReductionOverdue = p.Status != PracticeStatus.Proposed
                && ReductionConsidered.IsFlagged(p.StartDate, facts.LastReductionConsideredOn, reductionMonths, today),
        };
    }

    /// <summary>The checks as words for the form, each with its source paragraph.</summary>
    public static readonly IReadOnlyList<(string Name, string Source, Func<MonitoringPracticeCheck, bool> Passed)> Columns =
    [
        ("Decision evidenced", "R2, §8.7", c => c.DecisionEvidenced),
        ("Least restrictive sought", "§5.7, §8.7", c => c.LeastRestrictiveSought),
        ("Person involved", "§5.4, §8.7", c => c.PersonInvolved),
        ("Review dates met", "R9, §8.7", c => c.ReviewDatesMet),
        ("Agreements complete", "R3, R4, R5", c => c.SignOffsComplete),
        ("Guidelines read by staff", "§7.5", c => c.GuidelinesAcknowledged),
        ("Reduction considered", "R18", c => !c.ReductionOverdue),
    ];
}
