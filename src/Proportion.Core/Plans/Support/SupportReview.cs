using Proportion.Core.Model;

namespace Proportion.Core.Plans.Support;

/// <summary>
/// What an outcome-focused review of a support plan says, as entered (R20): what is working and what is not
/// for the person, each outcome met or not, and what changes. <see cref="Rules.SupportPlanRules.ReviewFindings"/>
/// checks it; <see cref="SupportPlanRecords.RecordReviewAsync"/> writes it.
/// </summary>
/// <param name="NothingChanges">The reviewer said nothing needs to change (rather than leaving the question unanswered).</param>
public sealed record SupportReview(string? WhatIsWorking, string? WhatIsNotWorking, IReadOnlyList<OutcomeAnswer> Outcomes,
    SupportChanges Changes, bool NothingChanges, string? WhatChanges);

/// <summary>Whether one outcome of the plan is met, by the outcome's id.</summary>
public sealed record OutcomeAnswer(Guid OutcomeId, OutcomesMet? Met);
