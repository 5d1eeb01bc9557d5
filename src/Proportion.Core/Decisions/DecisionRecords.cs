using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Rules;
using Proportion.Core.Scoping;

namespace Proportion.Core.Decisions;

/// <summary>Someone consulted: a recorded representative (by id), or a name, relationship and standing given.</summary>
public sealed record NewConsultee(Guid? RepresentativeId, string? Name, string? Relationship, ConsulteeKind? Kind, string View, DateOnly ConsultedOn);

/// <summary>
/// The restrictive practice discussion (form RP2): a draft answered a step at a time, the agreements
/// the rules require, and the agreement that makes the practice agreed. Every write is audited against
/// the person; an agreed decision is never changed.
/// </summary>
public sealed class DecisionRecords(ProportionDbContext db, AuditTrail audit, TimeProvider clock, IOptions<RuleSettings> rules, SignOffNotices notices)
{
    /// <summary>Service and senior managers run restrictive practice discussions (§5.15).</summary>

    /// <summary>
    /// The guidelines in force for the practices the user can see: the latest agreed decision of each practice
    /// that is still agreed or under review (§6.1). Earlier agreements stay in the practice's history.
    /// </summary>
    public static async Task<List<PracticeDecision>> GuidelinesInForceAsync(ProportionDbContext db, CancellationToken ct = default)
    {
        var agreed = await db.Decisions.AsNoTracking().Include(d => d.Practice).ThenInclude(p => p!.Person)
            .Where(d => d.Status == DecisionStatus.Agreed
                && (d.Practice!.Status == PracticeStatus.Agreed || d.Practice.Status == PracticeStatus.UnderReview))
            .ToListAsync(ct);
        return [.. agreed.GroupBy(d => d.PracticeId).Select(g => g.MaxBy(d => d.Number)!)];
    }

    /// <summary>The practice's open draft, or a new one: blank for a first decision, a copy of the last agreed one after that.</summary>
    /// <param name="changeReason">Why an agreed practice is changing: required for every discussion after the first.</param>
    public async Task<PracticeDecision> StartOrResumeAsync(Guid personId, Guid practiceId, string? changeReason = null, CancellationToken ct = default)
    {
        RequireEditor();
        var practice = await db.Practices.SingleOrDefaultAsync(p => p.Id == practiceId && p.PersonId == personId && p.OrganisationId == db.Scope.OrganisationId, ct)
            ?? throw new RecordNotFoundException("The restrictive practice");
        if (practice.Status == PracticeStatus.Ended)
        {
            throw new RuleViolationException("", "This practice has ended. Propose a new practice instead.");
        }
        var decisions = await db.Decisions.Include(d => d.Alternatives).Include(d => d.SignOffs).Include(d => d.Signatures).Include(d => d.Consultees)
            .Where(d => d.PracticeId == practiceId).OrderByDescending(d => d.Number).ToListAsync(ct);
        if (decisions.FirstOrDefault() is { Status: DecisionStatus.Draft } draft)
        {
            return draft;
        }
        if (decisions.Count > 0 && string.IsNullOrWhiteSpace(changeReason))
        {
            throw new RuleViolationException("ChangeReason", "Enter why the agreed practice is changing");
        }
        var decision = NextDiscussion(practice, decisions, decisions.Count > 0 ? changeReason!.Trim() : null, db.Scope.UserId, clock.GetUtcNow().UtcDateTime);
        db.Decisions.Add(decision);
        audit.Record(decision.OrganisationId, AuditAction.Created, nameof(PracticeDecision), decision.Id,
            $"Started restrictive practice discussion {decision.Number} for: {practice.Description}", personId, reason: decision.ChangeReason);
        await db.SaveChangesAsync(ct);
        return decision;
    }

    /// <summary>
    /// Saves one step's answers to the draft. Agreements already given are withdrawn, because they
    /// agreed to what the answers said before (§5.13: people sign what they contributed to).
    /// </summary>
    public async Task SaveAsync(Guid decisionId, int versionUserSaw, string step, Action<PracticeDecision> answer, CancellationToken ct = default)
    {
        var decision = await DraftAsync(decisionId, versionUserSaw, ct);
        answer(decision);
        var changes = new ChangeSet();
        foreach (var property in db.Entry(decision).Properties.Where(p => p.IsModified && p.Metadata.Name is not (nameof(PracticeDecision.Version) or nameof(PracticeDecision.UpdatedAt))))
        {
            changes.Track(property.Metadata.Name, property.OriginalValue?.ToString(), property.CurrentValue?.ToString());
        }
        if (changes.IsEmpty)
        {
            // Nothing new was said: keep the version as it was, so nobody else's edit is refused for it.
            decision.Version = versionUserSaw;
            return;
        }
        var withdrawn = WithdrawSignOffs(decision);
        // Revising the discussion answers a decline standing against it (§5.10).
        await DecisionAgreements.AnswerStandingAsync(db, audit, clock, decision, $"Revised the discussion: answered '{step}' again", ct);
        decision.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(decision.OrganisationId, AuditAction.Updated, nameof(PracticeDecision), decision.Id,
            $"Answered '{step}' in restrictive practice discussion {decision.Number}{(withdrawn ? "; agreements given so far were withdrawn" : "")}",
            decision.PersonId, changes);
        await db.SaveChangesAsync(ct);
    }

    public async Task AddAlternativeAsync(Guid decisionId, int versionUserSaw, string description, string whyRejected, CancellationToken ct = default)
    {
        var decision = await DraftAsync(decisionId, versionUserSaw, ct);
        var alternative = new DecisionAlternative { Description = description.Trim(), WhyRejected = whyRejected.Trim() };
        decision.Alternatives.Add(alternative);
        var withdrawn = WithdrawSignOffs(decision);
        await DecisionAgreements.AnswerStandingAsync(db, audit, clock, decision, $"Revised the discussion: added the alternative '{alternative.Description}'", ct);
        decision.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(decision.OrganisationId, AuditAction.Updated, nameof(PracticeDecision), decision.Id,
            $"Added a less restrictive alternative considered: {alternative.Description}{(withdrawn ? "; agreements given so far were withdrawn" : "")}",
            decision.PersonId, new ChangeSet().Set("Alternative", alternative.Description).Set("Why not chosen", alternative.WhyRejected));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The signed-in user agrees the decision in the role they hold (R3, R4, R5), or a manager records
    /// that the commissioner was informed, which sends the commissioner the details (§6.3). Each role agrees
    /// once, and nobody agrees while a decline stands unanswered.
    /// </summary>
    /// <returns>The messages sent in the app, for the web app to email as well.</returns>
    public async Task<IReadOnlyList<Notification>> SignOffAsync(Guid decisionId, int versionUserSaw, SignOffRole role, string? note = null, CancellationToken ct = default)
    {
        var decision = await db.Decisions.Include(d => d.Alternatives).Include(d => d.SignOffs).Include(d => d.Signatures).Include(d => d.Consultees).Include(d => d.Practice).ThenInclude(p => p!.Person)
            .SingleOrDefaultAsync(d => d.Id == decisionId, ct) ?? throw new RecordNotFoundException("The decision");
        RequireDraft(decision);
        ProportionDbContext.ClaimVersion(decision, versionUserSaw);
        if (decision.SignOffs.Any(s => s.Role == role))
        {
            throw new RuleViolationException("", "This agreement has already been given.");
        }
        if (DeclinedAgreements.BeforeAgreeing(role, await DecisionAgreements.DeclineFactsAsync(db, decision.Id, ct)) is { } declined)
        {
            throw new RuleViolationException([declined]);
        }
        var user = await db.Users.Include(u => u.Organisation).SingleAsync(u => u.Id == db.Scope.UserId, ct);
        var person = decision.Practice!.Person!;
        var signOff = new DecisionSignOff { Role = role, Name = user.DisplayName, UserId = user.Id, At = clock.GetUtcNow().UtcDateTime };
        switch (role)
        {
            case SignOffRole.ServiceManager when db.Scope.Allows(Permissions.ToGive(role), decision.OrganisationId):
                break;
            case SignOffRole.SeniorManager when db.Scope.Allows(Permissions.ToGive(role), decision.OrganisationId):
                signOff.WorksInTheService = await db.ServiceAssignments.AnyAsync(a => a.UserId == user.Id && a.ServiceId == decision.ServiceId, ct);
                break;
            case SignOffRole.SocialWorker when db.Scope.MayGive(role, decision.OrganisationId, person):
                signOff.RegistrationNumber = user.RegistrationNumber;
                signOff.Council = user.Organisation?.Name;
                break;
            case SignOffRole.CommissionerInformed when db.Scope.Allows(Permissions.ToGive(role), decision.OrganisationId):
                if (string.IsNullOrWhiteSpace(note))
                {
                    throw new RuleViolationException("Note", "Say when and how the commissioner was told, and who told them");
                }
                signOff.Note = note.Trim();
                break;
            default:
                throw new NotPermittedException("Your role cannot give this agreement.");
        }
        decision.SignOffs.Add(signOff);
        audit.Record(decision.OrganisationId, AuditAction.Updated, nameof(PracticeDecision), decision.Id,
            role == SignOffRole.CommissionerInformed ? $"Recorded that the commissioner was informed: {signOff.Note}" : $"{user.DisplayName} agreed the decision as {Describe(role)}",
            decision.PersonId);
        var sent = new List<Notification>();
        if (role == SignOffRole.CommissionerInformed)
        {
            var provider = await db.Organisations.Where(o => o.Id == decision.OrganisationId).Select(o => o.Name).SingleAsync(ct);
            sent.AddRange((await notices.CommissionersAsync(person, ct)).Select(c => notices.InformCommissioner(decision, decision.Practice!, person, provider, signOff, c.Id)));
            db.Notifications.AddRange(sent);
        }
        await db.SaveChangesAsync(ct);
        return sent;
    }

    /// <summary>Records that someone who contributed signed the decision, and how (§5.13).</summary>
    public async Task RecordSignatureAsync(Guid decisionId, int versionUserSaw, DecisionSignature signature, CancellationToken ct = default)
    {
        var decision = await DraftAsync(decisionId, versionUserSaw, ct);
        var fields = Signatures.Prepare(signature, db.Scope.UserId, clock);
        decision.Signatures.Add(signature);
        audit.Record(decision.OrganisationId, AuditAction.Updated, nameof(PracticeDecision), decision.Id,
            $"Recorded the signature of {signature.Name} ({signature.SignedAs})", decision.PersonId, fields);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The signed-in member of staff confirms they have read the guidelines of an agreed decision for a
    /// person they support. Confirming again changes nothing.
    /// </summary>
    public async Task AcknowledgeGuidelinesAsync(Guid decisionId, CancellationToken ct = default)
    {
        db.Scope.Demand(Permission.ConfirmGuidelines);
        var decision = await db.Decisions.Include(d => d.Practice)
            .SingleOrDefaultAsync(d => d.Id == decisionId && d.Status == DecisionStatus.Agreed && d.OrganisationId == db.Scope.OrganisationId, ct)
            ?? throw new RecordNotFoundException("The guidelines");
        if (await db.GuidelineAcknowledgements.AnyAsync(g => g.DecisionId == decisionId && g.UserId == db.Scope.UserId, ct))
        {
            return;
        }
        db.GuidelineAcknowledgements.Add(new GuidelineAcknowledgement
        {
            OrganisationId = decision.OrganisationId, DecisionId = decisionId, PersonId = decision.PersonId,
            UserId = db.Scope.UserId, At = clock.GetUtcNow().UtcDateTime,
        });
        audit.Record(decision.OrganisationId, AuditAction.Created, nameof(GuidelineAcknowledgement), decisionId,
            $"{db.Scope.UserName} confirmed reading the guidelines for: {decision.Practice!.Description}", decision.PersonId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two taps may race each other: if the other one recorded it, all is well.
            db.ChangeTracker.Clear();
            if (!await db.GuidelineAcknowledgements.AnyAsync(g => g.DecisionId == decisionId && g.UserId == db.Scope.UserId, ct))
            {
                throw;
            }
        }
    }

    /// <summary>Everything the rules say about the decision as it stands: refusals block agreement, warnings are shown.</summary>
    public async Task<IReadOnlyList<Finding>> FindingsAsync(PracticeDecision decision, CancellationToken ct = default)
    {
        var today = UkTime.Today(clock);
        // The free-text consultees' views of older records are superseded for drafts by the list of people
        // consulted (ConsultationRules), so that requirement is not asked twice.
        var findings = new List<Finding>(DecisionCompleteness.Check(decision.Answers, today).Where(f => f.Field != "BestInterests.ConsulteesViews"));
        var (capacity, capacityFindings) = CapacityAssessment.Conclude(decision.CapacityAnswers);
        findings.AddRange(capacityFindings.Where(f => f.Severity == FindingSeverity.Warning));
        if (decision.PersonResponse is null)
        {
            findings.Add(new Finding("R4", "§5.14", nameof(PracticeDecision.PersonResponse), "Say whether the person agrees with the practice or resists it"));
        }
        if (capacity is { } known && decision.PersonResponse is { } response)
        {
            var signOffs = decision.SignOffs.Select(s => new SignOff(s.Role, s.Name,
                s.WorksInTheService ? [decision.ServiceId] : [], s.RegistrationNumber, s.Council)).ToList();
            findings.AddRange(SignOffRules.Check(new DecisionFacts(known, response, decision.ServiceId), signOffs));
        }
        findings.AddRange(await BlanketRuleFindingsAsync(decision, ct));
        findings.AddRange(await LawFindingsAsync(decision, capacity, today, ct));
        findings.AddRange(DeclinedAgreements.Check(await DecisionAgreements.DeclineFactsAsync(db, decision.Id, ct)));
        return findings;
    }

    /// <summary>Agrees the practice when nothing refuses it: the decision is fixed and the practice becomes agreed.</summary>
    public async Task AgreeAsync(Guid decisionId, int versionUserSaw, CancellationToken ct = default)
    {
        var decision = await DraftAsync(decisionId, versionUserSaw, ct);
        var refusals = (await FindingsAsync(decision, ct)).Where(f => f.Severity == FindingSeverity.Refusal).ToList();
        if (refusals.Count > 0)
        {
            throw new RuleViolationException(refusals);
        }
        var practice = await db.Practices.SingleAsync(p => p.Id == decision.PracticeId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var changes = new ChangeSet()
            .Track("Status", practice.Status, PracticeStatus.Agreed)
            .Track("Review date", practice.ReviewDate, decision.ReviewDate);
        // Issue 11: a proposal starts on the day it is agreed; a practice already in place keeps its start.
        if (practice.Status == PracticeStatus.Proposed)
        {
            var agreedOn = UkTime.Today(clock);
            changes.Track("Start date", practice.StartDate, agreedOn);
            practice.StartDate = agreedOn;
        }
        decision.Status = DecisionStatus.Agreed;
        decision.AgreedAt = now;
        decision.UpdatedAt = now;
        practice.Status = PracticeStatus.Agreed;
        practice.ReviewDate = decision.ReviewDate;
        practice.Version++;
        audit.Record(decision.OrganisationId, AuditAction.Updated, nameof(RestrictivePractice), practice.Id,
            $"Agreed practice: {practice.Description} (discussion {decision.Number})", decision.PersonId, changes);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The law on a draft: its legal basis, the evidence for "lacks capacity", who decides, and who was
    /// consulted. Only drafts are judged: agreed decisions keep the meaning they were agreed with.
    /// </summary>
    private async Task<IEnumerable<Finding>> LawFindingsAsync(PracticeDecision decision, CapacityToConsent? capacity, DateOnly today, CancellationToken ct)
    {
        var representatives = (await db.People.AsNoTracking().SingleAsync(p => p.Id == decision.PersonId, ct)).Representatives;
        var findings = new List<Finding>();
        findings.AddRange(CapacityAssessment.EvidenceFindings(decision.CapacityAnswers, decision.CapacityEvidenceAnswers, today));
        findings.AddRange(LegalBasisRules.Check(decision.LegalBasis, decision.LegalBasisDetail, capacity, decision.PersonResponse));
        findings.AddRange(DecisionMakerRules.Check(capacity, DecisionMakerRules.AttorneysAndDeputies(representatives), decision.DecisionMakerAnswers));
        findings.AddRange(ConsultationRules.Check(capacity,
            [.. decision.Consultees.Select(c => new ConsultedPerson(c.Name, c.View, c.ConsultedOn, c.Kind, c.RepresentativeId))],
            [.. representatives.Select(r => new RecordedRepresentative(r.Id, r.Name, ConsultationRules.KindOf(r.Roles)))],
            new ImcaAnswers(decision.ImcaInstructed, decision.ImcaName, decision.ImcaNotInstructedReason), today));
        return findings;
    }

    /// <summary>
    /// Records someone consulted about the person's best interests (MCA s.4(7)): one of the person's
    /// recorded representatives, whose name and standing are taken from their record, or someone else.
    /// </summary>
    public async Task AddConsulteeAsync(Guid decisionId, int versionUserSaw, NewConsultee consultee, CancellationToken ct = default)
    {
        var decision = await DraftAsync(decisionId, versionUserSaw, ct);
        if (consultee.ConsultedOn > UkTime.Today(clock))
        {
            throw new RuleViolationException("ConsultedOn", "The date they were consulted cannot be in the future");
        }
        var added = new DecisionConsultee
        {
            Name = Text.OrNull(consultee.Name) ?? "", Relationship = Text.OrNull(consultee.Relationship) ?? "",
            Kind = consultee.Kind ?? ConsulteeKind.Unpaid, View = consultee.View.Trim(), ConsultedOn = consultee.ConsultedOn,
        };
        if (consultee.RepresentativeId is { } representativeId)
        {
            var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == decision.PersonId, ct);
            var representative = person.Representatives.SingleOrDefault(r => r.Id == representativeId) ?? throw new RuleViolationException("RepresentativeId", "Choose one of the person's representatives");
            added.RepresentativeId = representative.Id;
            added.Name = representative.Name;
            added.Relationship = representative.Relationship;
            added.Kind = ConsultationRules.KindOf(representative.Roles);
        }
        if (added.Name.Length == 0 || added.Relationship.Length == 0 || consultee.RepresentativeId is null && consultee.Kind is null)
        {
            throw new RuleViolationException("Name", "Choose one of the person's representatives, or enter the name, relationship and standing of the person consulted");
        }
        decision.Consultees.Add(added);
        var withdrawn = WithdrawSignOffs(decision);
        decision.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(decision.OrganisationId, AuditAction.Updated, nameof(PracticeDecision), decision.Id,
            $"Recorded that {added.Name} ({added.Relationship}) was consulted{(withdrawn ? "; agreements given so far were withdrawn" : "")}",
            decision.PersonId, new ChangeSet().Set("Consulted", added.Name).Set("Relationship", added.Relationship).Set("Standing", added.Kind)
                .Set("Their view", added.View).Set("Consulted on", added.ConsultedOn));
        await db.SaveChangesAsync(ct);
    }

    private async Task<IEnumerable<Finding>> BlanketRuleFindingsAsync(PracticeDecision decision, CancellationToken ct)
    {
        var practice = await db.Practices.SingleAsync(p => p.Id == decision.PracticeId, ct);
        return await Practices.BlanketRuleFindings.ForPracticeAsync(db, practice, rules.Value, ct) is { } warning ? [warning] : [];
    }

    private async Task<PracticeDecision> DraftAsync(Guid decisionId, int versionUserSaw, CancellationToken ct)
    {
        RequireEditor();
        var decision = await db.Decisions.Include(d => d.Alternatives).Include(d => d.SignOffs).Include(d => d.Signatures).Include(d => d.Consultees)
            .SingleOrDefaultAsync(d => d.Id == decisionId && d.OrganisationId == db.Scope.OrganisationId, ct)
            ?? throw new RecordNotFoundException("The decision");
        // The version first: a discussion agreed by someone else since this form was opened is a stale edit.
        ProportionDbContext.ClaimVersion(decision, versionUserSaw);
        RequireDraft(decision);
        return decision;
    }

    private static void RequireDraft(PracticeDecision decision)
    {
        if (decision.Status != DecisionStatus.Draft)
        {
            throw new RuleViolationException("", "This decision has been agreed and cannot be changed. Start a new discussion to change the practice.");
        }
    }

    /// <summary>Agreements and signatures were given to the answers as they were; a change withdraws them.</summary>
    private static bool WithdrawSignOffs(PracticeDecision decision)
    {
        if (decision.SignOffs.Count == 0 && decision.Signatures.Count == 0)
        {
            return false;
        }
        decision.SignOffs.Clear();
        decision.Signatures.Clear();
        return true;
    }

    /// <summary>
    /// The practice's next discussion: the first starts from the proposal, a later one from the last agreed
    /// answers, so only what changes needs saying again. The caller adds it and audits why it began.
    /// </summary>
    /// <param name="newestFirst">The practice's decisions so far, newest first, none of them a draft.</param>
    public static PracticeDecision NextDiscussion(RestrictivePractice practice, IReadOnlyList<PracticeDecision> newestFirst, string? changeReason, Guid startedBy, DateTime now)
    {
        var decision = new PracticeDecision
        {
            ChangeReason = changeReason,
            OrganisationId = practice.OrganisationId,
            ServiceId = practice.ServiceId,
            PersonId = practice.PersonId,
            PracticeId = practice.Id,
            Number = (newestFirst.FirstOrDefault()?.Number ?? 0) + 1,
            Risk = practice.ProposalReason,
            ReviewDate = practice.ReviewDate,
            CreatedAt = now,
            UpdatedAt = now,
            CreatedById = startedBy,
        };
        if (newestFirst.FirstOrDefault() is { } agreed)
        {
            CopyAnswers(agreed, decision);
        }
        return decision;
    }

    private static void CopyAnswers(PracticeDecision from, PracticeDecision to)
    {
        foreach (var property in typeof(PracticeDecision).GetProperties().Where(p => p.CanWrite && p.DeclaringType == typeof(PracticeDecision)
            && p.Name is not (nameof(PracticeDecision.Id) or nameof(PracticeDecision.Number) or nameof(PracticeDecision.Status) or nameof(PracticeDecision.ChangeReason)
                or nameof(PracticeDecision.Version) or nameof(PracticeDecision.CreatedAt) or nameof(PracticeDecision.CreatedById)
                or nameof(PracticeDecision.UpdatedAt) or nameof(PracticeDecision.AgreedAt) or nameof(PracticeDecision.Practice)
                or nameof(PracticeDecision.Alternatives) or nameof(PracticeDecision.SignOffs) or nameof(PracticeDecision.Signatures)
                // A change is consulted on afresh: those consulted before, and an attorney or deputy who decided,
                // gave their views and decision on the earlier version, not on this one.
                or nameof(PracticeDecision.Consultees) or nameof(PracticeDecision.AttorneyDecision) or nameof(PracticeDecision.AttorneyAgrees))))
        {
            property.SetValue(to, property.GetValue(from));
        }
        to.Alternatives = [.. from.Alternatives.Select(a => new DecisionAlternative { Description = a.Description, WhyRejected = a.WhyRejected })];
    }

    private void RequireEditor() => db.Scope.Demand(Permission.EditPractices);

    public static string Describe(SignOffRole role) => role switch
    {
        SignOffRole.ServiceManager => "service manager",
        SignOffRole.SeniorManager => "senior manager",
        SignOffRole.SocialWorker => "social worker",
        SignOffRole.CommissionerInformed => "commissioner informed",
        _ => role.ToString(),
    };
}
