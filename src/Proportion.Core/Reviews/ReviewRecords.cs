using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Decisions;
using Proportion.Core.Incidents;
using Proportion.Core.Model;
using Proportion.Core.Plans.Reduction;
using Proportion.Core.Scoping;
using Proportion.Core.Rules;

namespace Proportion.Core.Reviews;

/// <summary>
/// The review of an agreed practice (form RP2A, §7): a draft answered a question at a time, signatures
/// of everyone involved, and completion, which carries the outcome to the practice. Continue sets the
/// next review date (R1); change opens a new discussion (RP2) for the changed guidelines, which staff
/// then confirm reading (§7.5); reduce keeps the practice as agreed and starts a draft restriction
/// reduction plan to take it down step by step (R19); end ends the practice. Every write is audited against the
/// person; a completed review is never changed.
/// </summary>
public sealed class ReviewRecords(ProportionDbContext db, AuditTrail audit, TimeProvider clock, ReductionRecords reductions)
{
    /// <summary>Service and senior managers hold reviews, as they hold discussions (§5.15, §7).</summary>

    /// <summary>The practice's open review, or a new one. Only an agreed practice is reviewed; a proposal needs its discussion first.</summary>
    public async Task<PracticeReview> StartOrResumeAsync(Guid personId, Guid practiceId, CancellationToken ct = default)
    {
        RequireEditor();
        var practice = await db.Practices.SingleOrDefaultAsync(p => p.Id == practiceId && p.PersonId == personId && p.OrganisationId == db.Scope.OrganisationId, ct)
            ?? throw new RecordNotFoundException("The restrictive practice");
        var reviews = await db.Reviews.Include(r => r.Signatures).Where(r => r.PracticeId == practiceId).OrderByDescending(r => r.Number).ToListAsync(ct);
        if (reviews.FirstOrDefault() is { Status: ReviewStatus.Draft } draft)
        {
            return draft;
        }
        if (practice.Status is not (PracticeStatus.Agreed or PracticeStatus.UnderReview))
        {
            throw new RuleViolationException("", practice.Status == PracticeStatus.Ended
                ? "This practice has ended, so there is nothing to review."
                : "This practice has not been agreed yet. Hold the restrictive practice discussion first.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var today = UkTime.Today(clock);
        var early = await IncidentQueries.EarlyReviewsPending(db).Where(i => i.PracticeId == practiceId).OrderBy(i => i.OccurredAt).ToListAsync(ct);
        var review = new PracticeReview
        {
            OrganisationId = practice.OrganisationId,
            ServiceId = practice.ServiceId,
            PersonId = personId,
            PracticeId = practiceId,
            Number = (reviews.FirstOrDefault()?.Number ?? 0) + 1,
            DueOn = practice.ReviewDate,
            BroughtForwardBecause = early.Count > 0
                ? string.Join("; ", early.Select(i => $"incident on {UkTime.Format(i.OccurredAt)}: {EarlyReview.Reasons(i)}"))
                : null,
            HeldOn = today,
            CreatedAt = now,
            UpdatedAt = now,
            CreatedById = db.Scope.UserId,
        };
        db.Reviews.Add(review);
        var changes = new ChangeSet().Track("Status", practice.Status, PracticeStatus.UnderReview);
        practice.Status = PracticeStatus.UnderReview;
        practice.Version++;
        audit.Record(review.OrganisationId, AuditAction.Created, nameof(PracticeReview), review.Id,
            $"Started review {review.Number} of: {practice.Description}", personId, changes);
        await db.SaveChangesAsync(ct);
        return review;
    }

    /// <summary>Saves one step's answers. Signatures already given are withdrawn, because they signed what the answers said before (§7.5).</summary>
    public async Task SaveAsync(Guid reviewId, int versionUserSaw, string step, Action<PracticeReview> answer, CancellationToken ct = default)
    {
        var review = await DraftAsync(reviewId, versionUserSaw, ct);
        answer(review);
        var changes = new ChangeSet();
        foreach (var property in db.Entry(review).Properties.Where(p => p.IsModified && p.Metadata.Name is not (nameof(PracticeReview.Version) or nameof(PracticeReview.UpdatedAt))))
        {
            changes.Track(property.Metadata.Name, property.OriginalValue?.ToString(), property.CurrentValue?.ToString());
        }
        if (changes.IsEmpty)
        {
            // Nothing new was said: keep the version as it was, so nobody else's edit is refused for it.
            review.Version = versionUserSaw;
            return;
        }
        var withdrawn = review.Signatures.Count > 0;
        review.Signatures.Clear();
        review.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(review.OrganisationId, AuditAction.Updated, nameof(PracticeReview), review.Id,
            $"Answered '{step}' in review {review.Number}{(withdrawn ? "; signatures given so far were withdrawn" : "")}", review.PersonId, changes);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records that someone involved signed the review, and how (§7.5).</summary>
    public async Task RecordSignatureAsync(Guid reviewId, int versionUserSaw, ReviewSignature signature, CancellationToken ct = default)
    {
        var review = await DraftAsync(reviewId, versionUserSaw, ct);
        var fields = Signatures.Prepare(signature, db.Scope.UserId, clock);
        review.Signatures.Add(signature);
        audit.Record(review.OrganisationId, AuditAction.Updated, nameof(PracticeReview), review.Id,
            $"Recorded the signature of {signature.Name} ({signature.SignedAs}) on review {review.Number}", review.PersonId, fields);
        await db.SaveChangesAsync(ct);
    }

    public IReadOnlyList<Finding> Findings(PracticeReview review) => ReviewCompleteness.Check(review, UkTime.Today(clock));

    /// <summary>
    /// Completes the review when nothing is missing, and carries its outcome to the practice.
    /// Returns the new discussion opened for a change, or null; a reduction's plan is <see cref="PracticeReview.ReductionPlanId"/>.
    /// </summary>
    public async Task<PracticeDecision?> CompleteAsync(Guid reviewId, int versionUserSaw, CancellationToken ct = default)
    {
        var review = await DraftAsync(reviewId, versionUserSaw, ct);
        var refusals = Findings(review);
        if (refusals.Count > 0)
        {
            throw new RuleViolationException(refusals);
        }
        var practice = await db.Practices.SingleAsync(p => p.Id == review.PracticeId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        review.Status = ReviewStatus.Completed;
        review.CompletedAt = now;
        review.CompletedById = db.Scope.UserId;
        review.UpdatedAt = now;
        var changes = new ChangeSet();
        if (review.ReductionConsidered == true && !(practice.ReductionConsideredOn >= review.HeldOn))
        {
            changes.Track("Reduction last considered", practice.ReductionConsideredOn, review.HeldOn);
            practice.ReductionConsideredOn = review.HeldOn;
        }
        PracticeDecision? followUp = null;
        switch (review.Outcome!.Value)
        {
            case ReviewOutcome.End:
                changes.Track("Status", practice.Status, PracticeStatus.Ended).Track("End date", practice.EndDate, review.HeldOn);
                practice.Status = PracticeStatus.Ended;
                practice.EndDate = review.HeldOn;
                practice.EndReason = $"Ended at review {review.Number}: {review.OutcomeReasons}";
                break;
            case ReviewOutcome.Reduce:
                // The guidelines in force stay while the reduction plan is written and agreed; its steps change them.
                changes.Track("Status", practice.Status, PracticeStatus.Agreed).Track("Review date", practice.ReviewDate, review.NextReviewDate);
                practice.Status = PracticeStatus.Agreed;
                practice.ReviewDate = review.NextReviewDate;
                var rationale = string.Join("\n", new[] { review.OutcomeReasons, review.ReductionDetail }.Where(t => !string.IsNullOrWhiteSpace(t)));
                var (plan, _) = await reductions.StartDraftAsync(practice, $"Review {review.Number}, held {UkTime.Format(review.HeldOn)}: {rationale}", ct);
                review.ReductionPlanId = plan.Id;
                break;
            case ReviewOutcome.Continue:
                changes.Track("Status", practice.Status, PracticeStatus.Agreed).Track("Review date", practice.ReviewDate, review.NextReviewDate);
                practice.Status = PracticeStatus.Agreed;
                practice.ReviewDate = review.NextReviewDate;
                break;
            default:
                // The guidelines in force stay until the new discussion agrees the changed ones; the practice stays under review.
                changes.Track("Review date", practice.ReviewDate, review.NextReviewDate);
                practice.ReviewDate = review.NextReviewDate;
                followUp = await OpenFollowUpDiscussionAsync(review, practice, now, ct);
                review.FollowUpDecisionId = followUp.Id;
                break;
        }
        practice.Version++;
        audit.Record(review.OrganisationId, AuditAction.Updated, nameof(RestrictivePractice), practice.Id,
            $"Completed review {review.Number} of: {practice.Description}. Outcome: {EnumNames.Of(review.Outcome.Value)}", review.PersonId, changes, review.OutcomeReasons);
        await db.SaveChangesAsync(ct);
        return followUp;
    }

    /// <summary>A change or reduction is written as a new decision (RP2), starting from the guidelines in force.</summary>
    private async Task<PracticeDecision> OpenFollowUpDiscussionAsync(PracticeReview review, RestrictivePractice practice, DateTime now, CancellationToken ct)
    {
        var decisions = await db.Decisions.Include(d => d.Alternatives).Where(d => d.PracticeId == practice.Id).OrderByDescending(d => d.Number).ToListAsync(ct);
        if (decisions.FirstOrDefault() is { Status: DecisionStatus.Draft } open)
        {
            return open;
        }
        var decision = DecisionRecords.NextDiscussion(practice, decisions,
            $"Review {review.Number}: {EnumNames.Of(review.Outcome!.Value).ToLowerInvariant()}. {review.OutcomeReasons}", db.Scope.UserId, now);
        decision.ReviewDate = review.NextReviewDate;
        db.Decisions.Add(decision);
        audit.Record(decision.OrganisationId, AuditAction.Created, nameof(PracticeDecision), decision.Id,
            $"Started restrictive practice discussion {decision.Number} after review {review.Number}", practice.PersonId, reason: decision.ChangeReason);
        return decision;
    }

    private async Task<PracticeReview> DraftAsync(Guid reviewId, int versionUserSaw, CancellationToken ct)
    {
        RequireEditor();
        var review = await db.Reviews.Include(r => r.Signatures)
            .SingleOrDefaultAsync(r => r.Id == reviewId && r.OrganisationId == db.Scope.OrganisationId, ct)
            ?? throw new RecordNotFoundException("The review");
        // The version first: a review completed by someone else since this form was opened is a stale edit.
        ProportionDbContext.ClaimVersion(review, versionUserSaw);
        if (review.Status != ReviewStatus.Draft)
        {
            throw new RuleViolationException("", "This review has been completed and cannot be changed. Start a new review if the practice needs one.");
        }
        return review;
    }

    private void RequireEditor() => db.Scope.Demand(Permission.EditPractices);
}
