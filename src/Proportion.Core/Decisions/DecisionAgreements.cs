using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Reminders;
using Proportion.Core.Rules;
using Proportion.Core.Scoping;

namespace Proportion.Core.Decisions;

/// <summary>What asking for agreement did: the messages sent (to email as well), who was told, and the agreements nobody could be asked for.</summary>
/// <param name="AlreadyTold">Those asked before for this version of the discussion, who were not told again.</param>
public sealed record AgreementRequest(IReadOnlyList<Notification> Sent, IReadOnlyList<string> Told, IReadOnlyList<string> AlreadyTold, IReadOnlyList<SignOffRole> NobodyToAsk);

/// <summary>A discussion's disagreements: every decline with how it was answered, and the §5.10 route taken. Oldest first.</summary>
public sealed record DisagreementHistory(IReadOnlyList<DecisionDecline> Declines, IReadOnlyList<DisagreementStep> Steps)
{
    public static readonly DisagreementHistory None = new([], []);

    public IEnumerable<DecisionDecline> Standing => Declines.Where(d => !d.IsAnswered);
}

/// <summary>
/// The other side of agreeing a discussion (RP2): asking the people whose agreement is needed, declining
/// with reasons, answering a decline, and the disagreement route of §5.10. Agreements given are in
/// <see cref="DecisionRecords.SignOffAsync"/>. Every write is audited against the person; nothing here is
/// ever changed once recorded, except that a decline is marked answered.
/// </summary>
public sealed class DecisionAgreements(ProportionDbContext db, AuditTrail audit, TimeProvider clock, SignOffNotices notices)
{
    public static async Task<DisagreementHistory> HistoryAsync(ProportionDbContext db, Guid decisionId, CancellationToken ct = default) => new(
        await db.DecisionDeclines.AsNoTracking().Where(d => d.DecisionId == decisionId).OrderBy(d => d.At).ToListAsync(ct),
        await db.DisagreementSteps.AsNoTracking().Where(s => s.DecisionId == decisionId).OrderBy(s => s.On).ThenBy(s => s.RecordedAt).ToListAsync(ct));

    /// <summary>The declines of a decision as the rules see them.</summary>
    public static async Task<IReadOnlyList<DeclineFacts>> DeclineFactsAsync(ProportionDbContext db, Guid decisionId, CancellationToken ct = default) =>
        (await db.DecisionDeclines.AsNoTracking().Where(d => d.DecisionId == decisionId).OrderBy(d => d.At).ToListAsync(ct))
            .Select(d => new DeclineFacts(d.Role, d.Name, d.Reasons, d.IsAnswered)).ToList();

    /// <summary>
    /// The signed-in user declines the agreement their role would give, with reasons (required). The
    /// discussion goes back to its manager, who is told at once.
    /// </summary>
    /// <returns>The message sent to the discussion's manager, for email.</returns>
    public async Task<IReadOnlyList<Notification>> DeclineAsync(Guid decisionId, int versionUserSaw, SignOffRole role, string? reasons, CancellationToken ct = default)
    {
        var decision = await DecisionAsync(decisionId, ct);
        var person = decision.Practice!.Person!;
        if (!DeclinedAgreements.CanBeDeclined(role) || !db.Scope.MayGive(role, decision.OrganisationId, person))
        {
            throw new NotPermittedException("Your role cannot give or decline this agreement.");
        }
        RequireDraft(decision);
        ProportionDbContext.ClaimVersion(decision, versionUserSaw);
        if (DeclinedAgreements.CheckReasons(role, reasons) is { } missing)
        {
            throw new RuleViolationException([missing]);
        }
        if (decision.SignOffs.Any(s => s.Role == role))
        {
            throw new RuleViolationException("", $"The {DecisionRecords.Describe(role)}'s agreement has already been given.");
        }
        var decline = new DecisionDecline
        {
            OrganisationId = decision.OrganisationId, DecisionId = decision.Id, Role = role, UserId = db.Scope.UserId,
            Name = db.Scope.UserName, Reasons = reasons!.Trim(), At = clock.GetUtcNow().UtcDateTime,
        };
        db.DecisionDeclines.Add(decline);
        decision.UpdatedAt = decline.At;
        audit.Record(decision.OrganisationId, AuditAction.Created, nameof(DecisionDecline), decline.Id,
            $"{decline.Name} declined to agree restrictive practice discussion {decision.Number} as {DecisionRecords.Describe(role)}", decision.PersonId,
            new ChangeSet().Set("Declined as", DecisionRecords.Describe(role)).Set("Reasons", decline.Reasons));
        // The discussion's manager: whoever started it. The service's other managers see it in their tasks.
        var sent = new List<Notification>();
        if (decision.CreatedById != db.Scope.UserId && await db.Users.AnyAsync(u => u.Id == decision.CreatedById && u.IsActive, ct))
        {
            sent.Add(notices.Declined(decision, decision.Practice, person, decline, decision.CreatedById));
            db.Notifications.AddRange(sent);
        }
        await db.SaveChangesAsync(ct);
        return sent;
    }

    /// <summary>The manager records how the discussion answered every decline still standing (§5.10), without changing an answer.</summary>
    public async Task AnswerDeclinesAsync(Guid decisionId, int versionUserSaw, string? answer, CancellationToken ct = default)
    {
        db.Scope.Demand(Permission.EditPractices);
        var decision = await DecisionAsync(decisionId, ct);
        db.Scope.Demand(Permission.EditPractices, decision.OrganisationId);
        ProportionDbContext.ClaimVersion(decision, versionUserSaw);
        RequireDraft(decision);
        if (string.IsNullOrWhiteSpace(answer))
        {
            throw new RuleViolationException("Answer", "Enter how the decline was answered");
        }
        if (!await AnswerStandingAsync(db, audit, clock, decision, answer.Trim(), ct))
        {
            throw new RuleViolationException("", "No decline is waiting for an answer.");
        }
        decision.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Marks every standing decline answered, audited, in the caller's unit of work: a saved change to the
    /// discussion answers it (the manager revised what was declined), as does the manager's own account.
    /// </summary>
    /// <returns>Whether any decline was standing.</returns>
    public static async Task<bool> AnswerStandingAsync(ProportionDbContext db, AuditTrail audit, TimeProvider clock, PracticeDecision decision, string answer,
        CancellationToken ct = default)
    {
        var standing = await db.DecisionDeclines.Where(d => d.DecisionId == decision.Id && d.AnsweredAt == null).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var decline in standing)
        {
            decline.AnsweredAt = now;
            decline.AnsweredById = db.Scope.UserId;
            decline.AnsweredByName = db.Scope.UserName;
            decline.Answer = answer.Length <= DecisionDecline.TextMaxLength ? answer : answer[..DecisionDecline.TextMaxLength];
            audit.Record(decision.OrganisationId, AuditAction.Updated, nameof(DecisionDecline), decline.Id,
                $"Answered the decline by {decline.Name} ({DecisionRecords.Describe(decline.Role)}) of restrictive practice discussion {decision.Number}",
                decision.PersonId, new ChangeSet().Set("Answer", decline.Answer));
        }
        return standing.Count > 0;
    }

    /// <summary>Records a step of the disagreement route (§5.10): a multi-disciplinary discussion, or legal advice a senior manager agreed was needed.</summary>
    public async Task RecordStepAsync(Guid decisionId, int versionUserSaw, DisagreementStep step, CancellationToken ct = default)
    {
        db.Scope.Demand(Permission.EditPractices);
        var decision = await DecisionAsync(decisionId, ct);
        db.Scope.Demand(Permission.EditPractices, decision.OrganisationId);
        ProportionDbContext.ClaimVersion(decision, versionUserSaw);
        RequireDraft(decision);
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(step.Who))
        {
            errors[nameof(step.Who)] = step.Kind == DisagreementStepKind.LegalAdvice ? "Enter who gave the legal advice" : "Enter who took part in the discussion";
        }
        if (string.IsNullOrWhiteSpace(step.Outcome))
        {
            errors[nameof(step.Outcome)] = step.Kind == DisagreementStepKind.LegalAdvice ? "Enter the advice given" : "Enter what the discussion concluded";
        }
        if (step.Kind == DisagreementStepKind.LegalAdvice && string.IsNullOrWhiteSpace(step.AgreedBySeniorManager))
        {
            errors[nameof(step.AgreedBySeniorManager)] = "Enter the senior manager who agreed legal advice was needed (§5.10)";
        }
        if (step.On > UkTime.Today(clock))
        {
            errors[nameof(step.On)] = "The date must be today or in the past";
        }
        if (errors.Count > 0)
        {
            throw new RuleViolationException(errors);
        }
        step.Id = Guid.CreateVersion7();
        step.OrganisationId = decision.OrganisationId;
        step.DecisionId = decision.Id;
        step.Who = step.Who.Trim();
        step.Outcome = step.Outcome.Trim();
        step.AgreedBySeniorManager = step.Kind == DisagreementStepKind.LegalAdvice ? step.AgreedBySeniorManager!.Trim() : null;
        step.RecordedById = db.Scope.UserId;
        step.RecordedAt = clock.GetUtcNow().UtcDateTime;
        db.DisagreementSteps.Add(step);
        decision.UpdatedAt = step.RecordedAt;
        audit.Record(decision.OrganisationId, AuditAction.Created, nameof(DisagreementStep), step.Id,
            $"Recorded {EnumNames.Of(step.Kind).ToLowerInvariant()} on {UkTime.Format(step.On)} in restrictive practice discussion {decision.Number}", decision.PersonId,
            new ChangeSet().Set("Who", step.Who).Set("Outcome", step.Outcome).Set("Agreed by senior manager", step.AgreedBySeniorManager));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The manager asks for the agreements still needed: everyone who could give each one is told at once,
    /// in the app, with a link to the check page. Asking again tells nobody twice, until a decline has
    /// been answered: then the revised discussion is a new request.
    /// </summary>
    public async Task<AgreementRequest> AskForAgreementAsync(Guid decisionId, CancellationToken ct = default)
    {
        db.Scope.Demand(Permission.EditPractices);
        var decision = await DecisionAsync(decisionId, ct);
        db.Scope.Demand(Permission.EditPractices, decision.OrganisationId);
        RequireDraft(decision);
        var declines = await DeclineFactsAsync(db, decision.Id, ct);
        if (DeclinedAgreements.BeforeAgreeing(SignOffRole.ServiceManager, declines) is { } standing)
        {
            throw new RuleViolationException("", "Answer the decline before asking for agreement again.");
        }
        if (decision.Capacity is not { } capacity || decision.PersonResponse is not { } response)
        {
            throw new RuleViolationException("", "Answer the capacity questions and whether the person agrees first: they decide whose agreement is needed.");
        }
        var practice = decision.Practice!;
        var person = practice.Person!;
        var waiting = SignOffRules.Required(new DecisionFacts(capacity, response, decision.ServiceId))
            .Select(r => r.Role).Where(r => DeclinedAgreements.CanBeDeclined(r) && decision.SignOffs.All(s => s.Role != r)).ToList();
        var wanted = new List<(Notification Message, string Name)>();
        var nobody = new List<SignOffRole>();
        foreach (var role in waiting)
        {
            var people = (await notices.WhoCanGiveAsync(role, decision, person, ct)).Where(u => u.Id != db.Scope.UserId).ToList();
            if (people.Count == 0)
            {
                nobody.Add(role);
            }
            wanted.AddRange(people.Select(u => (notices.AskToAgree(decision, practice, person, role, u, db.Scope.UserName, declines.Count), u.DisplayName)));
        }
        // Each person is told once per request, however often the button is pressed.
        var fresh = new List<(Notification Message, string Name)>();
        foreach (var w in wanted)
        {
            if (await Unscoped.MessagesSentAsync(db, w.Message.UserId, w.Message.ReminderKey!, ct) == 0)
            {
                fresh.Add(w);
            }
        }
        if (fresh.Count == 0)
        {
            return new AgreementRequest([], [], [.. wanted.Select(w => w.Name).Distinct()], nobody);
        }
        audit.Record(decision.OrganisationId, AuditAction.Updated, nameof(PracticeDecision), decision.Id,
            $"Asked for agreement to restrictive practice discussion {decision.Number}: told {string.Join(", ", fresh.Select(w => w.Name).Distinct())}", decision.PersonId);
        // The audit entry is saved with the messages; if another request sent them first, neither is saved.
        var sent = await ReminderOutbox.SendOnceAsync(db, [.. fresh.Select(w => w.Message)], ct);
        var names = sent.Count == 0 ? [] : fresh.Select(w => w.Name).Distinct().ToList();
        return new AgreementRequest(sent, names, [.. wanted.Except(fresh).Select(w => w.Name).Distinct()], nobody);
    }

    private async Task<PracticeDecision> DecisionAsync(Guid decisionId, CancellationToken ct) =>
        await db.Decisions.Include(d => d.Practice).ThenInclude(p => p!.Person)
            .SingleOrDefaultAsync(d => d.Id == decisionId, ct) ?? throw new RecordNotFoundException("The decision");

    private static void RequireDraft(PracticeDecision decision)
    {
        if (decision.Status != DecisionStatus.Draft)
        {
            throw new RuleViolationException("", "This decision has been agreed and cannot be changed. Start a new discussion to change the practice.");
        }
    }
}
