using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Rules;
using Proportion.Core.Scoping;

namespace Proportion.Core.Safeguarding;

/// <summary>
/// Writes the council's response to a safeguarding concern (R20, ADR 0030): the safeguarding adults team of the
/// council it was sent to receives it, decides whether a s.42 enquiry is needed, makes the safety or protection
/// plan with the person, sets its actions, reviews it and closes it, asking the person whether their outcomes
/// were met. The provider's managers mark done the actions the council gave the provider. Every step is
/// permission-checked against the concern's council, version-claimed and audited in the same transaction.
/// The council's steps and looks are audited in the council's own trail (its team's work, and a provider's
/// History tab must not show an alleged source of harm that a concern exists); the provider's in its own trail.
/// </summary>
public sealed class SafeguardingResponses(ProportionDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>A concern sent to the user's council, for its safeguarding team; not found for anyone else.</summary>
    public async Task<SafeguardingConcern> ForCouncilAsync(Guid concernId, CancellationToken ct = default)
    {
        db.Scope.Demand(Permission.RespondToSafeguarding);
        var concern = await db.SafeguardingConcerns.Include(c => c.Actions).Include(c => c.Reviews)
            .SingleOrDefaultAsync(c => c.Id == concernId, ct);
        if (concern is null || !db.Scope.MayRespondTo(concern))
        {
            throw new RecordNotFoundException("The safeguarding concern");
        }
        return concern;
    }

    /// <summary>Every look at a concern by the council's team is logged (R20: the most sensitive records).</summary>
    public async Task RecordViewAsync(SafeguardingConcern concern, string what, CancellationToken ct = default)
    {
        audit.Record(CouncilOf(concern), AuditAction.Viewed, nameof(SafeguardingConcern), concern.Id,
            $"Viewed {what} about {concern.PersonName} ({concern.ProviderName})", concern.PersonId);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The team's inbox was looked at: the names of the people it lists were seen.</summary>
    public async Task RecordInboxViewAsync(int listed, CancellationToken ct = default)
    {
        db.Scope.Demand(Permission.RespondToSafeguarding);
        audit.Record(db.Scope.OrganisationId, AuditAction.Viewed, nameof(Organisation), db.Scope.OrganisationId,
            $"Viewed the safeguarding concerns sent to the council ({listed} listed)");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Marks a sent concern received by the council's team.</summary>
    public async Task ReceiveAsync(Guid concernId, int versionUserSaw, CancellationToken ct = default)
    {
        var concern = await ForCouncilAsync(concernId, ct);
        ProportionDbContext.ClaimVersion(concern, versionUserSaw);
        if (concern.Status != SafeguardingStatus.Sent)
        {
            throw new RuleViolationException("", "This concern has already been marked as received.");
        }
        concern.Status = SafeguardingStatus.Received;
        concern.ReceivedAt = clock.GetUtcNow().UtcDateTime;
        concern.ReceivedById = db.Scope.UserId;
        audit.Record(CouncilOf(concern), AuditAction.Updated, nameof(SafeguardingConcern), concern.Id,
            $"Received a safeguarding concern about {concern.PersonName} from {concern.ProviderName}", concern.PersonId);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records, once, whether a s.42 enquiry is needed, why, and who makes enquiries.</summary>
    public async Task DecideAsync(Guid concernId, int versionUserSaw, SafeguardingDecisionInput input, CancellationToken ct = default)
    {
        var concern = await ForCouncilAsync(concernId, ct);
        ProportionDbContext.ClaimVersion(concern, versionUserSaw);
        if (concern.Status == SafeguardingStatus.Sent)
        {
            throw new RuleViolationException("", "Mark the concern as received before recording the decision.");
        }
        if (concern.Status != SafeguardingStatus.Received)
        {
            throw new RuleViolationException("", "The decision on this concern is already recorded.");
        }
        Refuse(SafeguardingResponseRules.ForDecision(input));
        var needed = input.EnquiryNeeded!.Value;
        concern.EnquiryNeeded = needed;
        concern.DecisionReason = input.Reason!.Trim();
        concern.EnquiryBy = needed ? input.EnquiryBy : null;
        concern.DecidedAt = clock.GetUtcNow().UtcDateTime;
        concern.DecidedById = db.Scope.UserId;
        concern.Status = needed ? SafeguardingStatus.Enquiry : SafeguardingStatus.NoEnquiry;
        audit.Record(CouncilOf(concern), AuditAction.Updated, nameof(SafeguardingConcern), concern.Id,
            needed ? "Decided a s.42 enquiry is needed" : "Decided no s.42 enquiry is needed", concern.PersonId,
            new ChangeSet().Set("Enquiry needed", needed ? "Yes" : "No").Set("Enquiries by", concern.EnquiryBy is { } by ? EnumNames.Of(by) : null)
                .Set("Reasons", concern.DecisionReason));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records, once, the safety or protection plan made with the person and when it is reviewed; reviews follow it.</summary>
    public async Task RecordPlanAsync(Guid concernId, int versionUserSaw, SafetyPlanInput input, CancellationToken ct = default)
    {
        var concern = await ForCouncilAsync(concernId, ct);
        ProportionDbContext.ClaimVersion(concern, versionUserSaw);
        RequireDecidedAndOpen(concern, "making the safety plan");
        if (concern.SafetyPlan is not null)
        {
            throw new RuleViolationException("", "The safety plan is already recorded. Record a review of it to say how it is going and what changes.");
        }
        Refuse(SafeguardingResponseRules.ForPlan(input, UkTime.Today(clock)));
        concern.SafetyPlan = input.Plan!.Trim();
        concern.PlanMadeWithPerson = input.MadeWithPerson!.Trim();
        concern.PlanReviewOn = input.ReviewOn;
        audit.Record(CouncilOf(concern), AuditAction.Updated, nameof(SafeguardingConcern), concern.Id, "Recorded the safety plan made with the person", concern.PersonId,
            new ChangeSet().Set("Plan", concern.SafetyPlan).Set("How the person took part", concern.PlanMadeWithPerson).Set("Review", UkTime.Format(concern.PlanReviewOn)));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds an action to the safety plan: what, whose, by when. The concern's version moves, so a stale page is refused.</summary>
    public async Task<SafeguardingAction> AddActionAsync(Guid concernId, int versionUserSaw, SafeguardingActionInput input, CancellationToken ct = default)
    {
        var concern = await ForCouncilAsync(concernId, ct);
        ProportionDbContext.ClaimVersion(concern, versionUserSaw);
        RequireDecidedAndOpen(concern, "adding an action");
        if (concern.SafetyPlan is null)
        {
            throw new RuleViolationException("", "Record the safety plan before adding its actions.");
        }
        Refuse(SafeguardingResponseRules.ForAction(input, UkTime.Today(clock)));
        var action = new SafeguardingAction
        {
            OrganisationId = concern.OrganisationId,
            ConcernId = concern.Id,
            What = input.What!.Trim(),
            Owner = input.Owner!.Value,
            OwnerName = string.IsNullOrWhiteSpace(input.OwnerName) ? null : input.OwnerName.Trim(),
            DueOn = input.DueOn!.Value,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedById = db.Scope.UserId,
        };
        db.SafeguardingActions.Add(action);
        audit.Record(CouncilOf(concern), AuditAction.Created, nameof(SafeguardingAction), action.Id, $"Added an action to the safety plan for {EnumNames.Of(action.Owner).ToLowerInvariant()}", concern.PersonId,
            new ChangeSet().Set("What", action.What).Set("Who", EnumNames.Of(action.Owner)).Set("Who in particular", action.OwnerName).Set("Due", UkTime.Format(action.DueOn)));
        await db.SaveChangesAsync(ct);
        return action;
    }

    /// <summary>Records a review of the safety plan with the person's view; its next date becomes the plan's review date.</summary>
    public async Task ReviewAsync(Guid concernId, int versionUserSaw, SafeguardingReviewInput input, CancellationToken ct = default)
    {
        var concern = await ForCouncilAsync(concernId, ct);
        ProportionDbContext.ClaimVersion(concern, versionUserSaw);
        RequireDecidedAndOpen(concern, "reviewing the safety plan");
        if (concern.SafetyPlan is null)
        {
            throw new RuleViolationException("", "Record the safety plan before reviewing it.");
        }
        Refuse(SafeguardingResponseRules.ForReview(input, UkTime.Today(clock)));
        var review = new SafeguardingReview
        {
            OrganisationId = concern.OrganisationId,
            ConcernId = concern.Id,
            ReviewedAt = clock.GetUtcNow().UtcDateTime,
            ReviewedById = db.Scope.UserId,
            PersonsView = input.PersonsView!.Trim(),
            Notes = input.Notes!.Trim(),
            NextReviewOn = input.NextReviewOn,
        };
        db.SafeguardingReviews.Add(review);
        var previous = concern.PlanReviewOn;
        concern.PlanReviewOn = input.NextReviewOn;
        audit.Record(CouncilOf(concern), AuditAction.Created, nameof(SafeguardingReview), review.Id, "Reviewed the safety plan", concern.PersonId,
            new ChangeSet().Set("The person's view", review.PersonsView).Set("Notes", review.Notes)
                .Track("Next review", UkTime.Format(previous, "None"), UkTime.Format(concern.PlanReviewOn, "None")));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Closes the concern once the person has been asked whether their outcomes were met (or, with no enquiry, why not).</summary>
    public async Task CloseAsync(Guid concernId, int versionUserSaw, SafeguardingClosureInput input, CancellationToken ct = default)
    {
        var concern = await ForCouncilAsync(concernId, ct);
        ProportionDbContext.ClaimVersion(concern, versionUserSaw);
        RequireDecidedAndOpen(concern, "closing it");
        Refuse(SafeguardingResponseRules.ForClosure(input, concern.Status == SafeguardingStatus.Enquiry));
        concern.OutcomesMet = input.OutcomesNotAsked ? null : input.OutcomesMet;
        concern.PersonsViewAtClosure = input.PersonsView!.Trim();
        concern.ClosureReason = input.Reason!.Trim();
        concern.ClosedAt = clock.GetUtcNow().UtcDateTime;
        concern.ClosedById = db.Scope.UserId;
        concern.Status = SafeguardingStatus.Closed;
        audit.Record(CouncilOf(concern), AuditAction.Ended, nameof(SafeguardingConcern), concern.Id, "Closed a safeguarding concern", concern.PersonId,
            new ChangeSet().Set("Outcomes met", concern.OutcomesMet is { } met ? EnumNames.Of(met) : "The person was not asked")
                .Set("The person's view", concern.PersonsViewAtClosure).Set("Reason", concern.ClosureReason));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The council's team marks any action of the plan done (its own, the person's, another organisation's, or the provider's when told).</summary>
    public async Task MarkDoneByCouncilAsync(Guid concernId, Guid actionId, int versionUserSaw, string? note, CancellationToken ct = default)
    {
        var concern = await ForCouncilAsync(concernId, ct);
        var action = concern.Actions.SingleOrDefault(a => a.Id == actionId) ?? throw new RecordNotFoundException("The action");
        MarkDone(concern, action, versionUserSaw, note);
        audit.Record(CouncilOf(concern), AuditAction.Updated, nameof(SafeguardingAction), action.Id,
            $"Marked an action of the safety plan done ({EnumNames.Of(action.Owner).ToLowerInvariant()})", concern.PersonId, reason: action.DoneNote);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The provider's manager marks done an action the council gave the provider, and no other. Audited in the
    /// provider's trail without naming the person, so the person's History tab does not show it (ADR 0030).
    /// </summary>
    public async Task MarkDoneByProviderAsync(Guid personId, Guid concernId, Guid actionId, int versionUserSaw, string? note, CancellationToken ct = default)
    {
        var concern = await db.SafeguardingConcerns.SingleOrDefaultAsync(c => c.Id == concernId && c.PersonId == personId && c.Status != SafeguardingStatus.Draft, ct)
            ?? throw new RecordNotFoundException("The safeguarding concern");
        var action = await db.SafeguardingActions.SingleOrDefaultAsync(a => a.Id == actionId && a.ConcernId == concernId && a.Owner == ActionOwner.Provider, ct)
            ?? throw new RecordNotFoundException("The action");
        if (!db.Scope.MayMarkDone(concern, action))
        {
            throw new NotPermittedException("Only the provider's service managers and senior managers record the provider's safeguarding actions as done.");
        }
        MarkDone(concern, action, versionUserSaw, note);
        audit.Record(concern.OrganisationId, AuditAction.Updated, nameof(SafeguardingAction), action.Id,
            "Marked done an action the council's safeguarding team gave the provider", reason: action.DoneNote);
        await db.SaveChangesAsync(ct);
    }

    private void MarkDone(SafeguardingConcern concern, SafeguardingAction action, int versionUserSaw, string? note)
    {
        ProportionDbContext.ClaimVersion(action, versionUserSaw);
        if (concern.Status == SafeguardingStatus.Closed)
        {
            throw new RuleViolationException("Note", "This concern is closed: its actions are no longer marked done.");
        }
        if (action.DoneAt is not null)
        {
            throw new RuleViolationException("Note", "This action is already marked done.");
        }
        if (string.IsNullOrWhiteSpace(note))
        {
            throw new RuleViolationException("Note", "Enter what was done");
        }
        if (note.Trim().Length > SafeguardingConcern.TextMaxLength)
        {
            throw new RuleViolationException("Note", $"What was done must be {SafeguardingConcern.TextMaxLength:N0} characters or fewer");
        }
        action.DoneAt = clock.GetUtcNow().UtcDateTime;
        action.DoneById = db.Scope.UserId;
        action.DoneNote = note.Trim();
    }

    private static void RequireDecidedAndOpen(SafeguardingConcern concern, string step)
    {
        if (concern.Status is SafeguardingStatus.Sent or SafeguardingStatus.Received)
        {
            throw new RuleViolationException("", $"Record the decision on a s.42 enquiry before {step}.");
        }
        if (concern.Status == SafeguardingStatus.Closed)
        {
            throw new RuleViolationException("", "This concern is closed. A closed concern is not changed.");
        }
    }

    private static void Refuse(IReadOnlyList<Finding> findings)
    {
        if (findings.Count > 0)
        {
            throw new RuleViolationException(findings);
        }
    }

    /// <summary>The council's own trail: the team's work is the council's record.</summary>
    private Guid CouncilOf(SafeguardingConcern concern) => db.Scope.Everything ? concern.CouncilId : db.Scope.OrganisationId;
}
