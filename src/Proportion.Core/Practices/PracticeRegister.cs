using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Scoping;
using Proportion.Core.Rules;

namespace Proportion.Core.Practices;

public sealed record ProposedPractice(
    PracticeCategory Category,
    string Description,
    PracticeKind Kind,
    string ProposalReason,
    DateOnly? ReviewDate)
{
    /// <summary>R12: what the practice restricts; "Something else" needs <see cref="RestrictedThingInOwnWords"/>.</summary>
    public RestrictedThing? RestrictedThing { get; init; }
    public string? RestrictedThingInOwnWords { get; init; }
}

/// <summary>
/// Writes to a person's register of restrictive practices (form RP1). A practice starts as a proposal;
/// agreeing it is the decision process (RP2). Ending one keeps it on the register with its reason.
/// </summary>
public sealed class PracticeRegister(ProportionDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Service and senior managers run restrictive practice discussions (§5.15).</summary>

    public async Task<RestrictivePractice> ProposeAsync(Guid personId, ProposedPractice proposal, CancellationToken ct = default)
    {
        RequireEditor();
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId, ct)
            ?? throw new RecordNotFoundException("The person");
        // A proposal has no start date: it starts when agreed (RP2). A suggested review date is checked from today.
        if (proposal.ReviewDate is { } reviewDate && ReviewDateWithinAYear.Check(UkTime.Today(clock), reviewDate) is { } problem)
        {
            throw new RuleViolationException([problem]);
        }
        if (proposal.RestrictedThing == RestrictedThing.SomethingElse && BlanketRule.Normalise(proposal.RestrictedThingInOwnWords).Length == 0)
        {
            throw new RuleViolationException(nameof(ProposedPractice.RestrictedThingInOwnWords), "Say what the practice restricts");
        }
        var ownWords = proposal.RestrictedThing == RestrictedThing.SomethingElse ? proposal.RestrictedThingInOwnWords!.Trim() : null;
        var practice = new RestrictivePractice
        {
            OrganisationId = person.OrganisationId,
            ServiceId = person.ServiceId,
            PersonId = person.Id,
            Category = proposal.Category,
            Description = proposal.Description.Trim(),
            Kind = proposal.Kind,
            RestrictedThing = proposal.RestrictedThing,
            RestrictedThingInOwnWords = ownWords,
            SameRestrictionKey = BlanketRule.SameRestrictionKey(proposal.RestrictedThing, ownWords),
            Status = PracticeStatus.Proposed,
            // Not shown while proposed; replaced by the day it is agreed.
            StartDate = UkTime.Today(clock),
            ReviewDate = proposal.ReviewDate,
            ProposalReason = proposal.ProposalReason.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedById = db.Scope.UserId,
        };
        db.Practices.Add(practice);
        audit.Record(person.OrganisationId, AuditAction.Created, nameof(RestrictivePractice), practice.Id,
            $"Proposed practice: {practice.Description}", person.Id,
            new ChangeSet().Set("Category", practice.Category).Set("Description", practice.Description)
                .Set("Planned or reactive", practice.Kind)
                .Set("What it restricts", practice.RestrictedThingInOwnWords ?? (practice.RestrictedThing is { } thing ? EnumNames.Of(thing) : null))
                .Set("Review date", practice.ReviewDate).Set("Reason proposed", practice.ProposalReason));
        await db.SaveChangesAsync(ct);
        return practice;
    }

    /// <summary>Ends a practice. It stays on the register, marked ended, with the reason (R16).</summary>
    public async Task EndAsync(Guid personId, Guid practiceId, int versionUserSaw, DateOnly endDate, string reason, CancellationToken ct = default)
    {
        RequireEditor();
        var practice = await db.Practices.SingleOrDefaultAsync(p => p.Id == practiceId && p.PersonId == personId, ct)
            ?? throw new RecordNotFoundException("The restrictive practice");
        // The version first: if someone else ended it after this user opened the form, that is what they need to hear.
        ProportionDbContext.ClaimVersion(practice, versionUserSaw);
        End(practice, endDate, reason);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Ends a practice in the caller's write, with the register's checks and audit, without saving: for a
    /// write that ends it as part of something else (a reduction plan's step). The caller claims its version.
    /// </summary>
    public void End(RestrictivePractice practice, DateOnly endDate, string reason, string endDateField = "EndDate")
    {
        RequireEditor();
        if (practice.Status == PracticeStatus.Ended)
        {
            throw new RuleViolationException("", "This practice has already been ended.");
        }
        var today = UkTime.Today(clock);
        if (endDate < practice.StartDate)
        {
            throw new RuleViolationException(endDateField, $"End date must be on or after the start date, {practice.StartDate:d MMMM yyyy}");
        }
        if (endDate > today)
        {
            throw new RuleViolationException(endDateField, "End date must be today or in the past");
        }
        var changes = new ChangeSet()
            .Track("Status", practice.Status, PracticeStatus.Ended)
            .Track("End date", practice.EndDate, endDate);
        practice.Status = PracticeStatus.Ended;
        practice.EndDate = endDate;
        practice.EndReason = reason.Trim();
        audit.Record(practice.OrganisationId, AuditAction.Ended, nameof(RestrictivePractice), practice.Id,
            $"Ended practice: {practice.Description}", practice.PersonId, changes, practice.EndReason);
    }

    /// <summary>
    /// R12: records what a practice in place restricts, for one recorded before it was asked (or to
    /// correct it), so the blanket-rule check can compare it. Audited with the old and new answers.
    /// </summary>
    public async Task SayWhatItRestrictsAsync(Guid personId, Guid practiceId, int versionUserSaw, RestrictedThing thing, string? inOwnWords,
        CancellationToken ct = default)
    {
        RequireEditor();
        var practice = await db.Practices.SingleOrDefaultAsync(p => p.Id == practiceId && p.PersonId == personId, ct)
            ?? throw new RecordNotFoundException("The restrictive practice");
        ProportionDbContext.ClaimVersion(practice, versionUserSaw);
        if (practice.Status == PracticeStatus.Ended)
        {
            throw new RuleViolationException("", "This practice has ended.");
        }
        var ownWords = thing == RestrictedThing.SomethingElse ? inOwnWords?.Trim() : null;
        if (thing == RestrictedThing.SomethingElse && BlanketRule.Normalise(ownWords).Length == 0)
        {
            throw new RuleViolationException(nameof(ProposedPractice.RestrictedThingInOwnWords), "Say what the practice restricts");
        }
        var before = practice.WhatItRestricts();
        practice.RestrictedThing = thing;
        practice.RestrictedThingInOwnWords = ownWords;
        practice.SameRestrictionKey = BlanketRule.SameRestrictionKey(thing, ownWords);
        audit.Record(practice.OrganisationId, AuditAction.Updated, nameof(RestrictivePractice), practice.Id,
            $"Recorded what the practice restricts: {practice.Description}", personId,
            new ChangeSet().Track("What it restricts", before, practice.WhatItRestricts()));
        await db.SaveChangesAsync(ct);
    }

    private void RequireEditor() => db.Scope.Demand(Permission.EditPractices);
}
