using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Core.Plans;

/// <summary>Where one version stands: the draft waiting to be agreed, the version staff follow, or one it replaced.</summary>
public enum PlanVersionState
{
    Draft = 1,
    InForce = 2,
    Replaced = 3,
    /// <summary>A draft never agreed before its plan was closed.</summary>
    NeverAgreed = 4,
}

/// <summary>One version of a plan as listed on its page: why it was written, and who drafted and agreed it when.</summary>
public sealed record PlanVersionSummary(int Number, string? ChangeReason, DateTime DraftedAt, string DraftedBy,
    DateTime? AgreedAt, string? AgreedBy, PlanVersionState State);

/// <summary>One review of a plan, as listed on its page.</summary>
public sealed record PlanReviewSummary(DateOnly ReviewedOn, PlanReviewOutcome Outcome, string Notes, DateOnly? NextReviewDate, string RecordedBy);

/// <summary>
/// A plan's page, whatever its kind (R19): its versions with their reasons, its reviews, what its kind's gate
/// says about the draft waiting, and how many stage outcomes are recorded. Read by
/// <see cref="PlanRecords.OverviewAsync"/>; shown by the shared status part of every kind's page.
/// </summary>
public sealed record PlanOverview(Plan Plan, IReadOnlyList<PlanVersionSummary> Versions, IReadOnlyList<PlanReviewSummary> Reviews,
    IReadOnlyList<Finding> DraftFindings, int StageOutcomes, string? ClosedBy, DateOnly Today)
{
    /// <summary>The version staff follow, if one has been agreed.</summary>
    public PlanVersionSummary? InForce => Versions.FirstOrDefault(v => v.State == PlanVersionState.InForce);

    /// <summary>The draft waiting to be agreed, if any.</summary>
    public PlanVersionSummary? Draft => Versions.FirstOrDefault(v => v.State == PlanVersionState.Draft);

    public IEnumerable<Finding> Refusals => DraftFindings.Where(f => f.Severity == FindingSeverity.Refusal);
    public IEnumerable<Finding> Warnings => DraftFindings.Where(f => f.Severity == FindingSeverity.Warning);

    /// <summary>Whether the review date is near or past (a closed plan is never due).</summary>
    public ReviewState ReviewState => Plan.Status == PlanStatus.InPlace ? ReviewDue.State(Plan.ReviewDate, Today) : ReviewState.NotDue;

    /// <summary>The next thing to do, in plain words.</summary>
    public string NextAction => NextActionFor(Plan, Refusals.Any(), Today);

    /// <summary>The next thing to do with a plan, in plain words, for lists that do not load its overview.</summary>
    public static string NextActionFor(Plan plan, bool draftHasGaps, DateOnly today) => plan switch
    {
        { Status: PlanStatus.Closed } => "None: the plan is closed",
        { HasDraft: true } when draftHasGaps => "Finish the draft: some parts are missing",
        { HasDraft: true } => "Agree the draft",
        { ReviewDate: { } d } when d < today => $"Review it: the review was due on {UkTime.Format(d)}",
        { ReviewDate: { } d } => $"Review it by {UkTime.Format(d)}",
        _ => "Review it",
    };
}
