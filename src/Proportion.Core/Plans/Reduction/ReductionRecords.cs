using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Decisions;
using Proportion.Core.Model;
using Proportion.Core.Practices;
using Proportion.Core.Rules;
using Proportion.Core.Scoping;

namespace Proportion.Core.Plans.Reduction;

/// <summary>
/// Restriction reduction plans (R19): started from a practice in place, or by a review whose outcome is to
/// reduce it; one open plan per practice. Taking a step records its outcome (<see cref="PlanRecords.RecordStageOutcomeAsync"/>)
/// and, when achieved, changes the practice in the same transaction as the step says: ends it through the
/// register, or narrows it (its hours or its scope) through a new agreed decision whose guidelines staff
/// confirm reading again; each such change is counted as a <see cref="PracticeReduction"/>.
/// </summary>
public sealed class ReductionRecords(ProportionDbContext db, AuditTrail audit, TimeProvider clock, PlanRecords plans, PracticeRegister register)
{
    /// <summary>The practice's reduction plan that is not closed, if any: a practice has at most one.</summary>
    public Task<Plan?> OpenPlanAsync(Guid practiceId, CancellationToken ct = default) =>
        db.Plans.AsNoTracking().Where(p => p.PracticeId == practiceId && p.Kind == PlanKind.Reduction && p.Status != PlanStatus.Closed)
            .OrderBy(p => p.CreatedAt).FirstOrDefaultAsync(ct);

    /// <summary>Starts a draft reduction plan for a practice in place, the original restriction copied from it.</summary>
    public async Task<Plan> StartAsync(Guid personId, Guid practiceId, CancellationToken ct = default)
    {
        var practice = await db.Practices.SingleOrDefaultAsync(p => p.Id == practiceId && p.PersonId == personId, ct)
            ?? throw new RecordNotFoundException("The restrictive practice");
        var (plan, started) = await StartDraftAsync(practice, null, ct);
        if (!started)
        {
            throw new RuleViolationException("", "This practice already has a reduction plan. Change that plan instead.");
        }
        await db.SaveChangesAsync(ct);
        return plan;
    }

    /// <summary>
    /// Adds a draft reduction plan for the practice to the caller's write, without saving (a review completed
    /// with the outcome to reduce starts one in its own transaction). When the practice already has an open
    /// plan, that plan is returned and nothing is added.
    /// </summary>
    public async Task<(Plan Plan, bool Started)> StartDraftAsync(RestrictivePractice practice, string? rationale, CancellationToken ct = default)
    {
        db.Scope.Demand(Permission.EditPlans, practice.OrganisationId);
        if (!practice.IsInPlace)
        {
            throw new RuleViolationException("", practice.Status == PracticeStatus.Ended
                ? "This practice has ended, so there is nothing to reduce."
                : "This practice has not been agreed yet, so there is nothing to reduce.");
        }
        if (await db.Plans.SingleOrDefaultAsync(p => p.PracticeId == practice.Id && p.Kind == PlanKind.Reduction && p.Status != PlanStatus.Closed, ct) is { } open)
        {
            return (open, false);
        }
        var inForce = await db.Decisions.AsNoTracking().Where(d => d.PracticeId == practice.Id && d.Status == DecisionStatus.Agreed)
            .OrderByDescending(d => d.Number).Select(d => d.WhenMayBeUsed).FirstOrDefaultAsync(ct);
        var content = new ReductionContent
        {
            OriginalRestriction = string.IsNullOrWhiteSpace(inForce) ? practice.Description : $"{practice.Description}\nWhen it may be used: {inForce}",
            RationaleForChange = Text.OrNull(rationale),
        };
        var now = clock.GetUtcNow().UtcDateTime;
        var title = $"Reduce: {practice.Description}";
        var plan = new Plan
        {
            OrganisationId = practice.OrganisationId,
            ServiceId = practice.ServiceId,
            PersonId = practice.PersonId,
            Kind = PlanKind.Reduction,
            Title = title.Length > Plan.TitleMaxLength ? title[..(Plan.TitleMaxLength - 1)] + "…" : title,
            PracticeId = practice.Id,
            CreatedAt = now,
            CreatedById = db.Scope.UserId,
        };
        db.Plans.Add(plan);
        db.PlanVersions.Add(new PlanVersion
        {
            OrganisationId = plan.OrganisationId,
            PlanId = plan.Id,
            Number = 1,
            Content = PlanContents.ToJson(content),
            DraftedAt = now,
            DraftedById = db.Scope.UserId,
        });
        audit.Record(plan.OrganisationId, AuditAction.Created, nameof(Plan), plan.Id,
            $"Started a restriction reduction plan: {plan.Title}", plan.PersonId);
        return (plan, true);
    }

    /// <summary>
    /// Records the outcome of one step of the agreed plan. When achieved, the practice changes as the step
    /// says, in the same transaction, and the reduction is counted once per step.
    /// </summary>
    public async Task<(StageOutcome Outcome, PracticeReduction? Reduction)> TakeStepAsync(Guid planId, int versionUserSaw, Guid stageId, DateOnly takenOn,
        StageResult result, string notes, CancellationToken ct = default)
    {
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == planId && p.Kind == PlanKind.Reduction, ct) ?? throw new RecordNotFoundException("The plan");
        db.Scope.Demand(Permission.EditPlans, plan.OrganisationId);
        var content = await plans.AgreedContentAsync<ReductionContent>(plan, ct)
            ?? throw new RuleViolationException("StageId", "Agree the plan before recording its steps.");
        var index = content.Stages.FindIndex(s => s.Id == stageId);
        if (index < 0)
        {
            throw new RuleViolationException("StageId", "Choose the step that was taken");
        }
        var step = content.Stages[index];
        var outcome = await plans.RecordStageOutcomeAsync(planId, versionUserSaw, stageId, takenOn, result, notes, save: false, ct);
        PracticeReduction? reduction = null;
        if (result == StageResult.Achieved && step.ChangesThePractice
            && !await db.PracticeReductions.AnyAsync(r => r.PlanId == planId && r.StageId == stageId, ct))
        {
            db.Scope.Demand(Permission.EditPractices, plan.OrganisationId);
            var practice = await db.Practices.SingleAsync(p => p.Id == plan.PracticeId, ct);
            if (!practice.IsInPlace)
            {
                throw new RuleViolationException("StageId", "The practice is no longer in place, so this step cannot change it.");
            }
            var before = practice.Description;
            var stepName = $"step {index + 1} of the restriction reduction plan";
            if (step.Change == StepChange.EndPractice)
            {
                register.End(practice, takenOn, $"Ended by {stepName}: {notes.Trim()}", "TakenOn");
            }
            else
            {
                await NarrowAsync(plan, practice, step, stepName, takenOn, notes.Trim(), ct);
            }
            practice.Version++;
            reduction = new PracticeReduction
            {
                OrganisationId = plan.OrganisationId,
                ServiceId = practice.ServiceId,
                PersonId = plan.PersonId,
                PracticeId = practice.Id,
                PlanId = plan.Id,
                StageId = stageId,
                StageOutcomeId = outcome.Id,
                Kind = step.Change switch
                {
                    StepChange.EndPractice => ReductionKind.Ended,
                    StepChange.ReduceHours => ReductionKind.HoursReduced,
                    _ => ReductionKind.ScopeReduced,
                },
                AchievedOn = takenOn,
                WhatChanged = Cut(step.Change == StepChange.EndPractice ? $"Ended: {before}" : $"{before} → {practice.Description}", PracticeReduction.WhatChangedMaxLength),
                RecordedAt = outcome.RecordedAt,
                RecordedById = db.Scope.UserId,
            };
            db.PracticeReductions.Add(reduction);
            audit.Record(plan.OrganisationId, AuditAction.Created, nameof(PracticeReduction), reduction.Id,
                $"Reduction achieved ({EnumNames.Of(reduction.Kind).ToLowerInvariant()}) by {stepName}: {reduction.WhatChanged}", plan.PersonId);
        }
        await db.SaveChangesAsync(ct);
        return (outcome, reduction);
    }

    /// <summary>The manager confirms the care plan held outside Proportion reflects a reduction.</summary>
    public async Task ConfirmCarePlanAsync(Guid reductionId, CancellationToken ct = default)
    {
        var reduction = await db.PracticeReductions.SingleOrDefaultAsync(r => r.Id == reductionId, ct) ?? throw new RecordNotFoundException("The reduction");
        db.Scope.Demand(Permission.EditPlans, reduction.OrganisationId);
        if (reduction.CarePlanConfirmedAt is not null)
        {
            return;
        }
        reduction.CarePlanConfirmedAt = clock.GetUtcNow().UtcDateTime;
        reduction.CarePlanConfirmedById = db.Scope.UserId;
        audit.Record(reduction.OrganisationId, AuditAction.Updated, nameof(PracticeReduction), reduction.Id,
            $"Confirmed the care plan reflects the reduction: {reduction.WhatChanged}", reduction.PersonId);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Every operational document, and whether it reflects the change a step made (R19).</summary>
    public async Task<IReadOnlyList<ReductionDocuments.Check>> DocumentChecksAsync(PracticeReduction reduction, ReductionStep step, CancellationToken ct = default)
    {
        var practice = await db.Practices.AsNoTracking().SingleAsync(p => p.Id == reduction.PracticeId, ct);
        var inForce = practice.IsInPlace
            ? await db.Decisions.AsNoTracking().Where(d => d.PracticeId == practice.Id && d.Status == DecisionStatus.Agreed).OrderByDescending(d => d.Number).FirstOrDefaultAsync(ct)
            : null;
        var notYetRead = 0;
        if (inForce is not null)
        {
            var staff = await db.ServiceAssignments.Where(a => a.ServiceId == practice.ServiceId)
                .Join(db.Users.Where(u => u.IsActive), a => a.UserId, u => u.Id, (a, u) => u.Id).ToListAsync(ct);
            var read = await db.GuidelineAcknowledgements.Where(g => g.DecisionId == inForce.Id).Select(g => g.UserId).ToListAsync(ct);
            notYetRead = staff.Except(read).Count();
        }
        var others = await db.Plans.AsNoTracking()
            .Where(p => p.PersonId == reduction.PersonId && p.Status != PlanStatus.Closed
                && (p.Kind == PlanKind.BehaviourSupport || p.Kind == PlanKind.RiskAssessment || p.Kind == PlanKind.PositiveRisk))
            .ToListAsync(ct);
        var id = practice.Id.ToString();
        var naming = new List<ReductionDocuments.NamingPlan>();
        foreach (var other in others.Where(p => p.AgreedVersion is not null))
        {
            var agreed = await db.PlanVersions.AsNoTracking().SingleAsync(v => v.PlanId == other.Id && v.Number == other.AgreedVersion, ct);
            if (!agreed.Content.Contains(id, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var reactive = other.Kind == PlanKind.BehaviourSupport
                && PlanContents.FromJson<BehaviourSupport.BehaviourSupportContent>(agreed.Content).ReactivePracticeIds.Contains(practice.Id);
            naming.Add(new(other.Id, other.Kind, other.Title, reactive, agreed.AgreedAt));
        }
        return ReductionDocuments.Checks(new ReductionDocuments.Facts(
            reduction.Kind == ReductionKind.Ended, reduction.RecordedAt, practice.Status == PracticeStatus.Ended, practice.Description, step.NewDescription,
            inForce?.WhenMayBeUsed, step.NewWhenMayBeUsed, inForce?.AgreedAt, notYetRead,
            others.Any(p => p.Kind == PlanKind.BehaviourSupport), naming, reduction.CarePlanConfirmedAt is not null));
    }

    /// <summary>
    /// Narrows the practice (its scope or its hours) through the existing decision path: a new decision,
    /// copied from the one in force with the step's guidelines, agreed as the step is taken by the manager
    /// taking it. Staff confirm reading it as they do any changed guidelines, because readings are per decision.
    /// </summary>
    private async Task NarrowAsync(Plan plan, RestrictivePractice practice, ReductionStep step, string stepName, DateOnly takenOn, string notes, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(step.NewDescription) || string.IsNullOrWhiteSpace(step.NewWhenMayBeUsed))
        {
            throw new RuleViolationException("StageId", "This step does not say what the practice becomes. Change the plan first.");
        }
        if (step.NewDescription.Trim().Length > RestrictivePractice.DescriptionMaxLength)
        {
            throw new RuleViolationException("StageId", $"The practice as it will be must be {RestrictivePractice.DescriptionMaxLength} characters or fewer. Change the plan first.");
        }
        var decisions = await db.Decisions.Include(d => d.Alternatives).Where(d => d.PracticeId == practice.Id).OrderByDescending(d => d.Number).ToListAsync(ct);
        if (decisions.FirstOrDefault() is { Status: DecisionStatus.Draft })
        {
            throw new RuleViolationException("StageId", "This practice has a restrictive practice discussion in progress. Finish it first: this step changes the guidelines it is writing.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var reason = Cut($"{Capitalise(stepName)} “{plan.Title}” (version {plan.AgreedVersion}) was achieved on {UkTime.Format(takenOn)}: {notes}", 1000);
        var decision = DecisionRecords.NextDiscussion(practice, decisions, reason, db.Scope.UserId, now);
        var previous = decisions.FirstOrDefault();
        decision.WhenMayBeUsed = step.NewWhenMayBeUsed.Trim();
        if (!string.IsNullOrWhiteSpace(step.NewWhenMustNotBeUsed))
        {
            decision.WhenMustNotBeUsed = step.NewWhenMustNotBeUsed.Trim();
        }
        decision.Status = DecisionStatus.Agreed;
        decision.AgreedAt = now;
        // The manager taking the step agrees the narrowed guidelines, in the role they hold (R3).
        var role = db.Scope.Allows(Permission.AgreeAsServiceManager, plan.OrganisationId) ? SignOffRole.ServiceManager
            : db.Scope.Allows(Permission.AgreeAsSeniorManager, plan.OrganisationId) ? SignOffRole.SeniorManager : (SignOffRole?)null;
        if (role is { } given)
        {
            var name = await db.Users.Where(u => u.Id == db.Scope.UserId).Select(u => u.DisplayName).SingleAsync(ct);
            decision.SignOffs.Add(new DecisionSignOff
            {
                Role = given, Name = name, UserId = db.Scope.UserId, At = now,
                WorksInTheService = given == SignOffRole.SeniorManager
                    && await db.ServiceAssignments.AnyAsync(a => a.UserId == db.Scope.UserId && a.ServiceId == practice.ServiceId, ct),
            });
        }
        db.Decisions.Add(decision);
        var changes = new ChangeSet()
            .Track("Description", practice.Description, step.NewDescription.Trim())
            .Track("When it may be used", previous?.WhenMayBeUsed, decision.WhenMayBeUsed)
            .Track("When it must not be used", previous?.WhenMustNotBeUsed, decision.WhenMustNotBeUsed);
        practice.Description = step.NewDescription.Trim();
        audit.Record(practice.OrganisationId, AuditAction.Updated, nameof(RestrictivePractice), practice.Id,
            $"Reduced practice by {stepName} (decision {decision.Number}): {practice.Description}", practice.PersonId, changes, notes);
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
