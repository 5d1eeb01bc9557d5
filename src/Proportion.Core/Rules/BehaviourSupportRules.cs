using Proportion.Core.Model;
using Proportion.Core.Plans.BehaviourSupport;

namespace Proportion.Core.Rules;

/// <summary>
/// R25: a positive behaviour support plan (Positive and Proactive Care) is written in full, prevention first;
/// its reactive strategies use only practices agreed for the person; and it is reviewed whenever incidents
/// say it is not working: <see cref="RuleSettings.BehaviourSupportReviewIncidents"/> or more incidents within
/// <see cref="RuleSettings.BehaviourSupportReviewWithinDays"/> days (3 in 28 unless set), or an emergency use
/// of an intervention the plan does not name.
/// </summary>
public static class BehaviourSupportRules
{
    public const string Rule = "R25";
    public const string Source = "Positive and Proactive Care";
    public const int DefaultReviewIncidents = 3;
    public const int DefaultReviewWithinDays = 28;

    /// <summary>One of the person's practices, as the rule needs it.</summary>
    public sealed record PracticeFact(Guid Id, string Description, PracticeCategory Category, PracticeStatus Status)
    {
        public bool InPlace => Status is PracticeStatus.Agreed or PracticeStatus.UnderReview;
    }

    /// <summary>One of the person's incidents: when, and the agreed practice used (null for an emergency).</summary>
    public sealed record IncidentFact(DateTime OccurredAt, Guid? PracticeId);

    /// <summary>Each part of the plan, its field and what to ask for when it is blank.</summary>
    public static readonly IReadOnlyList<(string Field, string Missing, Func<BehaviourSupportContent, string?> Value)> Parts =
    [
        (nameof(BehaviourSupportContent.WhatTheBehaviourCommunicates), "Say what the behaviour communicates: the need it meets for the person", c => c.WhatTheBehaviourCommunicates),
        (nameof(BehaviourSupportContent.PreventionEnvironment), "Say how the place around the person is kept calm (primary prevention: environment)", c => c.PreventionEnvironment),
        (nameof(BehaviourSupportContent.PreventionActivity), "Say what the person does to stay well (primary prevention: activity)", c => c.PreventionActivity),
        (nameof(BehaviourSupportContent.PreventionSkills), "Say which skills the person is learning to cope or communicate (primary prevention: skills)", c => c.PreventionSkills),
        (nameof(BehaviourSupportContent.EarlyWarningResponses), "Say how staff respond to early warning signs (secondary prevention)", c => c.EarlyWarningResponses),
        (nameof(BehaviourSupportContent.ReactiveStrategies), "Say what staff do in a crisis (reactive strategies)", c => c.ReactiveStrategies),
        (nameof(BehaviourSupportContent.SupportAfterAnIncident), "Say how the person and staff are supported after an incident", c => c.SupportAfterAnIncident),
    ];

    /// <summary>Restraint and seclusion: the practices a plan's reactive strategies must name if they are in place.</summary>
    public static bool IsRestraintOrSeclusion(PracticeCategory category) => category is PracticeCategory.PhysicalRestraint
        or PracticeCategory.MechanicalRestraint or PracticeCategory.ChemicalRestraint or PracticeCategory.EnvironmentalRestraint
        or PracticeCategory.Seclusion or PracticeCategory.LongTermSegregation;

    /// <summary>
    /// What must be put right before the plan is agreed: each blank part; each chosen practice not in place for
    /// the person; reactive strategies written with no agreed practice chosen and no statement that none is used.
    /// Warnings name the restraint or seclusion practices in place that the plan does not name.
    /// </summary>
    public static IReadOnlyList<Finding> Findings(BehaviourSupportContent plan, IReadOnlyCollection<PracticeFact> practices)
    {
        var findings = new List<Finding>();
        foreach (var (field, missing, value) in Parts)
        {
            if (string.IsNullOrWhiteSpace(value(plan)))
            {
                findings.Add(new Finding(Rule, Source, field, missing));
            }
        }
        var known = practices.ToDictionary(p => p.Id);
        foreach (var id in plan.ReactivePracticeIds.Distinct())
        {
            if (!known.TryGetValue(id, out var practice))
            {
                findings.Add(new Finding(Rule, Source, nameof(BehaviourSupportContent.ReactivePracticeIds),
                    "A practice chosen for the reactive strategies is not one of this person's practices. Choose only their agreed practices"));
            }
            else if (!practice.InPlace)
            {
                findings.Add(new Finding(Rule, Source, nameof(BehaviourSupportContent.ReactivePracticeIds),
                    $"\"{practice.Description}\" is {EnumNames.Of(practice.Status).ToLowerInvariant()}, not agreed: reactive strategies may only use practices in place. Remove it, or agree it first"));
            }
        }
        if (plan.NoRestrictivePractice && plan.ReactivePracticeIds.Count > 0)
        {
            findings.Add(new Finding(Rule, Source, nameof(BehaviourSupportContent.NoRestrictivePractice),
                "The plan says no restrictive practice is used, but practices are chosen. Untick one or the other"));
        }
        else if (!string.IsNullOrWhiteSpace(plan.ReactiveStrategies) && plan.ReactivePracticeIds.Count == 0 && !plan.NoRestrictivePractice)
        {
            findings.Add(new Finding(Rule, Source, nameof(BehaviourSupportContent.ReactivePracticeIds),
                "Choose the agreed practices the reactive strategies may use, or say that no restrictive practice is used"));
        }
        findings.AddRange(UnnamedRestraints(practices, plan.ReactivePracticeIds));
        return findings;
    }

    /// <summary>A warning for each restraint or seclusion practice in place for the person that the plan does not name.</summary>
    public static IEnumerable<Finding> UnnamedRestraints(IEnumerable<PracticeFact> practices, IReadOnlyCollection<Guid> named) =>
        practices.Where(p => p.InPlace && IsRestraintOrSeclusion(p.Category) && !named.Contains(p.Id))
            .Select(p => new Finding(Rule, Source, nameof(BehaviourSupportContent.ReactivePracticeIds),
                $"\"{p.Description}\" ({EnumNames.Of(p.Category).ToLowerInvariant()}) is in place, but no behaviour support plan in place names it. Add it to the reactive strategies, or ask why it is still needed",
                FindingSeverity.Warning));

    /// <summary>
    /// Whether incidents say the plan in place is not working, since it was agreed or last reviewed: each
    /// reason is a warning asking for a review now. Incidents before <paramref name="since"/> are not counted.
    /// </summary>
    public static IReadOnlyList<Finding> ReviewNow(DateTime since, IReadOnlyCollection<Guid> reactivePracticeIds,
        IEnumerable<IncidentFact> incidents, int count, int days)
    {
        var findings = new List<Finding>();
        var after = incidents.Where(i => i.OccurredAt >= since).OrderBy(i => i.OccurredAt).ToList();
        for (var first = 0; first + count - 1 < after.Count; first++)
        {
            if (after[first + count - 1].OccurredAt - after[first].OccurredAt < TimeSpan.FromDays(days))
            {
                findings.Add(new Finding(Rule, Source, "Review",
                    $"{count} or more incidents within {days} days since the plan was agreed or last reviewed (from {Day(after[first].OccurredAt)}): the plan may not be working. Review it now",
                    FindingSeverity.Warning));
                break;
            }
        }
        if (after.FirstOrDefault(i => i.PracticeId is not { } used || !reactivePracticeIds.Contains(used)) is { } emergency)
        {
            findings.Add(new Finding(Rule, Source, "Review",
                $"On {Day(emergency.OccurredAt)} an intervention was used that is not one of the plan's reactive practices (an emergency use). Review the plan now",
                FindingSeverity.Warning));
        }
        return findings;
    }

    private static string Day(DateTime utc) => UkTime.Format(DateOnly.FromDateTime(UkTime.ToLondon(utc)));
}
