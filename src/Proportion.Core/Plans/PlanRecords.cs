using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Rules;
using Proportion.Core.Scoping;

namespace Proportion.Core.Plans;

/// <summary>
/// Writes every kind of plan the same way (R19): a draft is written and changed, agreed once its kind's
/// gate finds nothing missing, revised as a new version with a reason, reviewed, and closed with a reason.
/// Nothing is deleted; every write is version-claimed and audited against the person.
/// </summary>
public sealed class PlanRecords(ProportionDbContext db, AuditTrail audit, TimeProvider clock, IEnumerable<IPlanGate> gates)
{
    /// <summary>Starts a plan as a first draft.</summary>
    public async Task<Plan> StartAsync(Guid personId, string title, IPlanContent content, Guid? practiceId = null, CancellationToken ct = default)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId, ct) ?? throw new RecordNotFoundException("The person");
        db.Scope.Demand(Permission.EditPlans, person.OrganisationId);
        var kind = PlanContents.KindOf(content);
        RequireTitle(title);
        if (PlanContents.OnePerPerson(kind)
            && await db.Plans.AnyAsync(p => p.PersonId == personId && p.Kind == kind && p.Status != PlanStatus.Closed, ct))
        {
            throw new RuleViolationException("Title", $"{person.KnownAs} already has a {EnumNames.Of(kind).ToLowerInvariant()}. Change it instead of starting another.");
        }
        if (practiceId is { } practice
            && !await db.Practices.AnyAsync(p => p.Id == practice && p.PersonId == personId, ct))
        {
            throw new RecordNotFoundException("The practice");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var plan = new Plan
        {
            OrganisationId = person.OrganisationId,
            ServiceId = person.ServiceId,
            PersonId = personId,
            Kind = kind,
            Title = title.Trim(),
            PracticeId = practiceId,
            CreatedAt = now,
            CreatedById = db.Scope.UserId,
        };
        db.Plans.Add(plan);
        db.PlanVersions.Add(NewVersion(plan, 1, PlanContents.ToJson(content), null, now));
        audit.Record(plan.OrganisationId, AuditAction.Created, nameof(Plan), plan.Id,
            $"Started a {EnumNames.Of(kind).ToLowerInvariant()}: {plan.Title}", personId);
        await db.SaveChangesAsync(ct);
        return plan;
    }

    /// <summary>Changes the draft: the first one, or the revision of an agreed plan.</summary>
    public async Task SaveDraftAsync(Guid planId, int versionUserSaw, string title, IPlanContent content, CancellationToken ct = default)
    {
        var plan = await FindForEditAsync(planId, ct);
        ProportionDbContext.ClaimVersion(plan, versionUserSaw);
        RequireTitle(title);
        if (PlanContents.KindOf(content) != plan.Kind)
        {
            throw new ArgumentException("The content is of another kind of plan.", nameof(content));
        }
        var draft = await DraftAsync(plan, ct);
        plan.Title = title.Trim();
        draft.Content = PlanContents.ToJson(content);
        audit.Record(plan.OrganisationId, AuditAction.Updated, nameof(Plan), plan.Id,
            $"Changed the draft of {plan.Title} (version {draft.Number})", plan.PersonId);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>What the kind's gate says about the draft; empty when there is no draft or no gate.</summary>
    public async Task<IReadOnlyList<Finding>> FindingsAsync(Plan plan, CancellationToken ct = default)
    {
        if (!plan.HasDraft)
        {
            return [];
        }
        var draft = await db.PlanVersions.AsNoTracking().SingleAsync(v => v.PlanId == plan.Id && v.Number == plan.LatestVersion, ct);
        return await GateFindingsAsync(plan, PlanContents.FromJson(plan.Kind, draft.Content), ct);
    }

    /// <summary>Agrees the draft: refused, naming each gap, while its kind's gate finds any; sets the review date.</summary>
    public async Task AgreeAsync(Guid planId, int versionUserSaw, DateOnly reviewDate, CancellationToken ct = default)
    {
        var plan = await FindForEditAsync(planId, ct);
        ProportionDbContext.ClaimVersion(plan, versionUserSaw);
        var draft = await DraftAsync(plan, ct);
        var today = UkTime.Today(clock);
        var refusals = (await GateFindingsAsync(plan, PlanContents.FromJson(plan.Kind, draft.Content), ct))
            .Where(f => f.Severity == FindingSeverity.Refusal).ToList();
        var dateProblem = ReviewDateProblem(reviewDate, today);
        if (dateProblem is not null)
        {
            refusals.Add(dateProblem);
        }
        if (refusals.Count > 0)
        {
            throw new RuleViolationException(refusals);
        }
        draft.AgreedAt = clock.GetUtcNow().UtcDateTime;
        draft.AgreedById = db.Scope.UserId;
        plan.AgreedVersion = draft.Number;
        plan.Status = PlanStatus.InPlace;
        plan.ReviewDate = reviewDate;
        audit.Record(plan.OrganisationId, AuditAction.Updated, nameof(Plan), plan.Id,
            $"Agreed version {draft.Number} of {plan.Title}", plan.PersonId,
            new ChangeSet().Set("Review date", UkTime.Format(reviewDate)));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Starts a new draft version from the agreed one, with the reason for changing it; the agreed one stays in force.</summary>
    public async Task<int> ReviseAsync(Guid planId, int versionUserSaw, string reason, CancellationToken ct = default)
    {
        var plan = await FindForEditAsync(planId, ct);
        ProportionDbContext.ClaimVersion(plan, versionUserSaw);
        if (plan.HasDraft)
        {
            throw new RuleViolationException("Reason", "This plan already has a draft waiting to be agreed. Change that draft instead.");
        }
        RequireReason(reason, "Reason", "Say why the plan is changing");
        var agreed = await db.PlanVersions.SingleAsync(v => v.PlanId == plan.Id && v.Number == plan.AgreedVersion, ct);
        plan.LatestVersion++;
        db.PlanVersions.Add(NewVersion(plan, plan.LatestVersion, agreed.Content, reason.Trim(), clock.GetUtcNow().UtcDateTime));
        audit.Record(plan.OrganisationId, AuditAction.Updated, nameof(Plan), plan.Id,
            $"Started version {plan.LatestVersion} of {plan.Title}", plan.PersonId, reason: reason.Trim());
        await db.SaveChangesAsync(ct);
        return plan.LatestVersion;
    }

    /// <summary>
    /// Records a review of a plan in place: keep it (next date), change it (a new draft), or close it. Kinds that
    /// record more about a review (a support plan's outcomes) call this within their own write, before saving.
    /// </summary>
    public async Task<PlanReview> RecordReviewAsync(Guid planId, int versionUserSaw, PlanReviewOutcome outcome, string notes, DateOnly? nextReviewDate,
        bool save = true, CancellationToken ct = default)
    {
        var plan = await FindForEditAsync(planId, ct);
        ProportionDbContext.ClaimVersion(plan, versionUserSaw);
        if (plan.Status != PlanStatus.InPlace)
        {
            throw new RuleViolationException("Outcome", "Only a plan in place is reviewed. Agree the draft first.");
        }
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(notes))
        {
            errors["Notes"] = "Enter what the review found";
        }
        else if (notes.Trim().Length > PlanReview.NotesMaxLength)
        {
            errors["Notes"] = $"What the review found must be {PlanReview.NotesMaxLength} characters or fewer";
        }
        var today = UkTime.Today(clock);
        if (outcome != PlanReviewOutcome.Close)
        {
            if (nextReviewDate is not { } next)
            {
                errors["NextReviewDate"] = "Enter the date of the next review";
            }
            else if (ReviewDateProblem(next, today) is { } problem)
            {
                errors["NextReviewDate"] = problem.Message;
            }
        }
        if (errors.Count > 0)
        {
            throw new RuleViolationException(errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var review = new PlanReview
        {
            OrganisationId = plan.OrganisationId,
            PlanId = plan.Id,
            ReviewedOn = today,
            Outcome = outcome,
            Notes = notes.Trim(),
            NextReviewDate = outcome == PlanReviewOutcome.Close ? null : nextReviewDate,
            RecordedAt = now,
            RecordedById = db.Scope.UserId,
        };
        db.PlanReviews.Add(review);
        switch (outcome)
        {
            case PlanReviewOutcome.Close:
                Close(plan, notes.Trim(), now);
                break;
            case PlanReviewOutcome.Change when !plan.HasDraft:
                var agreed = await db.PlanVersions.SingleAsync(v => v.PlanId == plan.Id && v.Number == plan.AgreedVersion, ct);
                plan.LatestVersion++;
                db.PlanVersions.Add(NewVersion(plan, plan.LatestVersion, agreed.Content, $"Review of {UkTime.Format(today)}: {notes.Trim()}", now));
                plan.ReviewDate = nextReviewDate;
                break;
            default:
                plan.ReviewDate = nextReviewDate;
                break;
        }
        audit.Record(plan.OrganisationId, AuditAction.Updated, nameof(Plan), plan.Id,
            $"Reviewed {plan.Title}: {EnumNames.Of(outcome)}", plan.PersonId,
            new ChangeSet().Set("Outcome", EnumNames.Of(outcome)).Set("Next review", UkTime.Format(nextReviewDate, "None")), notes.Trim());
        if (save)
        {
            await db.SaveChangesAsync(ct);
        }
        return review;
    }

    /// <summary>Closes a plan for good, with a reason; it stays readable.</summary>
    public async Task CloseAsync(Guid planId, int versionUserSaw, string reason, CancellationToken ct = default)
    {
        var plan = await FindForEditAsync(planId, ct);
        ProportionDbContext.ClaimVersion(plan, versionUserSaw);
        RequireReason(reason, "Reason", "Say why the plan is being closed");
        Close(plan, reason.Trim(), clock.GetUtcNow().UtcDateTime);
        audit.Record(plan.OrganisationId, AuditAction.Ended, nameof(Plan), plan.Id, $"Closed {plan.Title}", plan.PersonId, reason: reason.Trim());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A member of staff confirms they have read the agreed version; once per version.</summary>
    public async Task ConfirmReadingAsync(Guid planId, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, ct) ?? throw new RecordNotFoundException("The plan");
        db.Scope.Demand(Permission.ConfirmGuidelines, plan.OrganisationId);
        if (plan.AgreedVersion is not { } number || plan.Status != PlanStatus.InPlace)
        {
            throw new RecordNotFoundException("The agreed plan");
        }
        if (await db.PlanReadings.AnyAsync(r => r.PlanId == planId && r.VersionNumber == number && r.UserId == db.Scope.UserId, ct))
        {
            return;
        }
        db.PlanReadings.Add(new PlanReading
        {
            OrganisationId = plan.OrganisationId,
            PlanId = planId,
            VersionNumber = number,
            UserId = db.Scope.UserId,
            At = clock.GetUtcNow().UtcDateTime,
        });
        audit.Record(plan.OrganisationId, AuditAction.Created, nameof(PlanReading), planId,
            $"Confirmed reading version {number} of {plan.Title}", plan.PersonId);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Records what happened at one stage of the agreed plan. Kinds that change other records when a stage
    /// is taken (a reduction plan changes the practice) call this within their own write, before saving.
    /// </summary>
    public async Task<StageOutcome> RecordStageOutcomeAsync(Guid planId, int versionUserSaw, Guid stageId, DateOnly takenOn, StageResult result, string notes,
        bool save = true, CancellationToken ct = default)
    {
        var plan = await FindForEditAsync(planId, ct);
        ProportionDbContext.ClaimVersion(plan, versionUserSaw);
        if (plan.Status != PlanStatus.InPlace || plan.AgreedVersion is not { } number)
        {
            throw new RuleViolationException("StageId", "Agree the plan before recording its stages.");
        }
        var errors = new Dictionary<string, string>();
        if (takenOn > UkTime.Today(clock))
        {
            errors["TakenOn"] = "The date the stage was taken must be today or in the past";
        }
        if (string.IsNullOrWhiteSpace(notes))
        {
            errors["Notes"] = "Enter how it went";
        }
        else if (notes.Trim().Length > StageOutcome.NotesMaxLength)
        {
            errors["Notes"] = $"How it went must be {StageOutcome.NotesMaxLength} characters or fewer";
        }
        if (errors.Count > 0)
        {
            throw new RuleViolationException(errors);
        }
        var outcome = new StageOutcome
        {
            OrganisationId = plan.OrganisationId,
            PlanId = plan.Id,
            StageId = stageId,
            VersionNumber = number,
            TakenOn = takenOn,
            Result = result,
            Notes = notes.Trim(),
            RecordedAt = clock.GetUtcNow().UtcDateTime,
            RecordedById = db.Scope.UserId,
        };
        db.StageOutcomes.Add(outcome);
        audit.Record(plan.OrganisationId, AuditAction.Created, nameof(StageOutcome), outcome.Id,
            $"Recorded a stage of {plan.Title}: {EnumNames.Of(result)}", plan.PersonId, reason: notes.Trim());
        if (save)
        {
            await db.SaveChangesAsync(ct);
        }
        return outcome;
    }

    /// <summary>
    /// Everything a plan's page shows besides its content: the versions with their reasons and who drafted and
    /// agreed each, the reviews, what the gate says about the draft waiting, and how many stages are recorded.
    /// </summary>
    public async Task<PlanOverview> OverviewAsync(Plan plan, CancellationToken ct = default)
    {
        var versions = await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == plan.Id).OrderByDescending(v => v.Number)
            .Select(v => new { v.Number, v.ChangeReason, v.DraftedAt, v.DraftedById, v.AgreedAt, v.AgreedById }).ToListAsync(ct);
        var reviews = await db.PlanReviews.AsNoTracking().Where(r => r.PlanId == plan.Id).OrderByDescending(r => r.RecordedAt).ToListAsync(ct);
        var stages = await db.StageOutcomes.CountAsync(s => s.PlanId == plan.Id, ct);
        var userIds = versions.Select(v => v.DraftedById)
            .Concat(versions.Where(v => v.AgreedById != null).Select(v => v.AgreedById!.Value))
            .Concat(reviews.Select(r => r.RecordedById))
            .Concat(plan.ClosedById is { } closer ? [closer] : [])
            .Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        string Name(Guid id) => names.GetValueOrDefault(id) ?? "Unknown user";
        PlanVersionState State(int number) =>
            number == plan.AgreedVersion ? PlanVersionState.InForce
            : number == plan.LatestVersion && plan.HasDraft ? PlanVersionState.Draft
            : number > (plan.AgreedVersion ?? 0) ? PlanVersionState.NeverAgreed
            : PlanVersionState.Replaced;
        return new PlanOverview(plan,
            [.. versions.Select(v => new PlanVersionSummary(v.Number, v.ChangeReason, v.DraftedAt, Name(v.DraftedById),
                v.AgreedAt, v.AgreedById is { } a ? Name(a) : null, State(v.Number)))],
            [.. reviews.Select(r => new PlanReviewSummary(r.ReviewedOn, r.Outcome, r.Notes, r.NextReviewDate, Name(r.RecordedById)))],
            await FindingsAsync(plan, ct), stages, plan.ClosedById is { } c ? Name(c) : null, UkTime.Today(clock));
    }

    /// <summary>The content of a version, or null when there is no such version.</summary>
    public async Task<IPlanContent?> ContentAsync(Plan plan, int number, CancellationToken ct = default) =>
        await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == plan.Id && v.Number == number).Select(v => v.Content).SingleOrDefaultAsync(ct)
            is { } json ? PlanContents.FromJson(plan.Kind, json) : null;

    /// <summary>The version staff follow, or null before the first is agreed.</summary>
    public async Task<T?> AgreedContentAsync<T>(Plan plan, CancellationToken ct = default) where T : class, IPlanContent =>
        plan.AgreedVersion is { } number ? await ContentAsync(plan, number, ct) as T : null;

    /// <summary>The latest version, draft or agreed: what an editor changes.</summary>
    public async Task<T> LatestContentAsync<T>(Plan plan, CancellationToken ct = default) where T : class, IPlanContent =>
        (T)(await ContentAsync(plan, plan.LatestVersion, ct))!;

    /// <summary>A review date is set, not in the past, and never more than a year away (as R1 asks of practices).</summary>
    public static Finding? ReviewDateProblem(DateOnly reviewDate, DateOnly today) =>
        reviewDate < today ? new Finding("R19", "§7.2", "ReviewDate", "The review date must be today or in the future")
        : reviewDate > today.AddYears(1) ? new Finding("R19", "§7.2", "ReviewDate", "The review date must be within a year")
        : null;

    private async Task<IReadOnlyList<Finding>> GateFindingsAsync(Plan plan, IPlanContent content, CancellationToken ct) =>
        gates.FirstOrDefault(g => g.Kind == plan.Kind) is { } gate ? await gate.FindingsAsync(plan, content, ct) : [];

    private async Task<Plan> FindForEditAsync(Guid planId, CancellationToken ct)
    {
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == planId, ct) ?? throw new RecordNotFoundException("The plan");
        db.Scope.Demand(Permission.EditPlans, plan.OrganisationId);
        if (plan.Status == PlanStatus.Closed)
        {
            throw new RuleViolationException("Plan", "This plan is closed. Start a new plan instead.");
        }
        return plan;
    }

    private async Task<PlanVersion> DraftAsync(Plan plan, CancellationToken ct)
    {
        if (!plan.HasDraft)
        {
            throw new RuleViolationException("Plan", "This plan has no draft. Start a new version, with the reason for changing it.");
        }
        return await db.PlanVersions.SingleAsync(v => v.PlanId == plan.Id && v.Number == plan.LatestVersion, ct);
    }

    private PlanVersion NewVersion(Plan plan, int number, string content, string? reason, DateTime now) => new()
    {
        OrganisationId = plan.OrganisationId,
        PlanId = plan.Id,
        Number = number,
        Content = content,
        ChangeReason = reason,
        DraftedAt = now,
        DraftedById = db.Scope.UserId,
    };

    private void Close(Plan plan, string reason, DateTime now)
    {
        plan.Status = PlanStatus.Closed;
        plan.ClosedAt = now;
        plan.ClosedById = db.Scope.UserId;
        plan.ClosedReason = reason;
    }

    private static void RequireTitle(string title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new RuleViolationException("Title", "Enter what the plan is about");
        }
        if (title.Trim().Length > Plan.TitleMaxLength)
        {
            throw new RuleViolationException("Title", $"What the plan is about must be {Plan.TitleMaxLength} characters or fewer");
        }
    }

    private static void RequireReason(string reason, string field, string whenMissing)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleViolationException(field, whenMissing);
        }
        if (reason.Trim().Length > Plan.ReasonMaxLength)
        {
            throw new RuleViolationException(field, $"The reason must be {Plan.ReasonMaxLength} characters or fewer");
        }
    }
}
