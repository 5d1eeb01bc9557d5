using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.RiskAssessments;
using Proportion.Core.Rules;
using Proportion.Core.Scoping;

namespace Proportion.Core.Panels;

/// <summary>
/// Writes risk review panel records (R26): a manager refers, a senior manager records the meeting and the
/// decision once, the people given actions mark them done, and a correction to a decision is an amendment
/// kept beside the original. Every write is permission-checked, version-claimed and audited against the person.
/// </summary>
public sealed class PanelRecords(ProportionDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<PanelReferral> ReferAsync(Guid personId, PanelReferralInput input, CancellationToken ct = default)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId, ct) ?? throw new RecordNotFoundException("The person");
        db.Scope.Demand(Permission.ReferToPanel, person.OrganisationId);
        var band = input.Band is { } b && Enum.IsDefined(b) ? b : (RiskBand?)null;
        if (input.PlanId is { } planId && !await db.Plans.AnyAsync(p => p.Id == planId && p.PersonId == personId, ct))
        {
            throw new RecordNotFoundException("The plan");
        }
        if (input.PracticeId is { } practiceId && !await db.Practices.AnyAsync(p => p.Id == practiceId && p.PersonId == personId, ct))
        {
            throw new RecordNotFoundException("The practice");
        }
        if (input.DecisionId is { } decisionId && !await db.Decisions.AnyAsync(d => d.Id == decisionId && d.PersonId == personId, ct))
        {
            throw new RecordNotFoundException("The decision");
        }
        if (input.RiskId is { } riskId)
        {
            // A risk is named from the person's agreed risk assessment; its band is the one the matrix gives it.
            var risk = (await AgreedRiskAssessmentAsync(db, personId, ct))?.Content.Risks.SingleOrDefault(r => r.Id == riskId)
                ?? throw new RecordNotFoundException("The risk");
            band = risk.ResidualBand;
        }
        var fundingCouncil = person.FundingCouncilId is { } councilId
            ? await db.Organisations.Where(o => o.Id == councilId).Select(o => o.Name).SingleOrDefaultAsync(ct) : null;
        var findings = PanelRules.ForReferral(input, fundingCouncil);
        if (findings.Count > 0)
        {
            throw new RuleViolationException(findings);
        }
        var referral = new PanelReferral
        {
            OrganisationId = person.OrganisationId,
            ServiceId = person.ServiceId,
            PersonId = personId,
            Kind = input.Kind!.Value,
            PlanId = input.PlanId,
            PracticeId = input.PracticeId,
            DecisionId = input.DecisionId,
            RiskId = input.RiskId,
            Band = band,
            Reason = input.Reason!.Value,
            OtherReason = input.Reason == PanelReason.Other ? input.OtherReason!.Trim() : null,
            Question = input.Question!.Trim(),
            Evidence = input.Evidence!.Trim(),
            ReferredById = db.Scope.UserId,
            ReferredAt = clock.GetUtcNow().UtcDateTime,
        };
        db.PanelReferrals.Add(referral);
        audit.Record(referral.OrganisationId, AuditAction.Created, nameof(PanelReferral), referral.Id,
            $"Referred to a {referral.KindText}: {referral.ReasonText}", personId,
            new ChangeSet().Set("Panel", EnumNames.Of(referral.Kind)).Set("Question", referral.Question).Set("Band", band is { } rb ? EnumNames.Of(rb) : null));
        await db.SaveChangesAsync(ct);
        return referral;
    }

    /// <summary>Records the panel's meeting and decision, once; refused at each field the rule finds missing.</summary>
    public async Task RecordDecisionAsync(Guid referralId, int versionUserSaw, PanelDecisionInput input, CancellationToken ct = default)
    {
        var referral = await db.PanelReferrals.SingleOrDefaultAsync(r => r.Id == referralId, ct) ?? throw new RecordNotFoundException("The referral");
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == referral.PersonId, ct) ?? throw new RecordNotFoundException("The person");
        db.Scope.DemandToRecordDecision(referral, person);
        ProportionDbContext.ClaimVersion(referral, versionUserSaw);
        input = input with { Kind = referral.Kind };
        if (referral.Status != PanelStatus.Referred)
        {
            throw new RuleViolationException("", "The panel's decision is already recorded. A recorded decision is not changed: add an amendment with a reason instead.");
        }
        var today = UkTime.Today(clock);
        var findings = PanelRules.ForDecision(input, DateOnly.FromDateTime(UkTime.ToLondon(referral.ReferredAt)), today).ToList();
        var members = input.Members.Where(m => !string.IsNullOrWhiteSpace(m.Name) || !string.IsNullOrWhiteSpace(m.Discipline) || m.Dissented).ToList();
        var actions = input.Actions.Select((a, i) => (a, i)).Where(x => !string.IsNullOrWhiteSpace(x.a.What) || x.a.AssignedToId is not null || x.a.DueOn is not null).ToList();
        var assignees = actions.Where(x => x.a.AssignedToId is not null).Select(x => x.a.AssignedToId!.Value).Distinct().ToList();
        var staff = (await db.Users.Where(u => assignees.Contains(u.Id) && u.OrganisationId == referral.OrganisationId && u.IsActive)
            .Select(u => u.Id).ToListAsync(ct)).ToHashSet();
        findings.AddRange(actions.Where(x => x.a.AssignedToId is { } who && !staff.Contains(who))
            .Select(x => new Finding(PanelRules.Rule, PanelRules.Source, $"Actions[{x.i}].AssignedToId", $"Select someone in your organisation to do action {x.i + 1}")));
        if (findings.Count > 0)
        {
            throw new RuleViolationException(findings);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        referral.MeetingOn = input.MeetingOn;
        referral.PersonAttended = input.PersonAttended;
        referral.FamilyAttended = input.FamilyAttended;
        referral.AdvocateAttended = input.AdvocateAttended;
        referral.PersonsView = input.PersonsView!.Trim();
        if (referral.Kind == PanelKind.RiskEnablement)
        {
            var othersAttended = input.FamilyAttended || input.AdvocateAttended;
            referral.OthersAttendance = othersAttended || input.OthersAttendance is not null ? input.OthersAttendance : null;
            referral.AttendanceNote = Text.OrNull(input.AttendanceNote);
            referral.SharedResponsibility = input.SharedResponsibility!.Trim();
        }
        referral.Outcome = input.Outcome;
        referral.Decision = input.Decision!.Trim();
        referral.Reasons = input.Reasons!.Trim();
        referral.ReviewOn = input.ReviewOn;
        referral.DecidedAt = now;
        referral.DecidedById = db.Scope.UserId;
        referral.Status = PanelStatus.Decided;
        foreach (var m in members)
        {
            db.PanelMembers.Add(new PanelMember
            {
                OrganisationId = referral.OrganisationId, ReferralId = referral.Id, Name = m.Name!.Trim(), Discipline = m.Discipline!.Trim(),
                Dissent = m.Dissented ? m.Dissent!.Trim() : null,
            });
        }
        foreach (var (a, _) in actions)
        {
            db.PanelActions.Add(new PanelAction
            {
                OrganisationId = referral.OrganisationId, ReferralId = referral.Id, What = a.What!.Trim(), AssignedToId = a.AssignedToId!.Value, DueOn = a.DueOn!.Value,
            });
        }
        audit.Record(referral.OrganisationId, AuditAction.Updated, nameof(PanelReferral), referral.Id,
            $"Recorded the {referral.KindText}'s decision: {EnumNames.Of(input.Outcome!.Value)}", referral.PersonId,
            new ChangeSet().Set("Met on", UkTime.Format(input.MeetingOn!.Value)).Set("Members", members.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Set("Dissenting", members.Count(m => m.Dissented).ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Set("Actions", actions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)).Set("Review", UkTime.Format(input.ReviewOn!.Value))
                .Set("Family and advocates attended with", referral.OthersAttendance is { } agreement ? EnumNames.Of(agreement) : null)
                .Set("Shares responsibility for the risk", referral.SharedResponsibility));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Marks one of the panel's actions done, with a note; by the person it was given to, or a manager.</summary>
    public async Task MarkActionDoneAsync(Guid actionId, int versionUserSaw, string? note, CancellationToken ct = default)
    {
        var action = await db.PanelActions.SingleOrDefaultAsync(a => a.Id == actionId, ct) ?? throw new RecordNotFoundException("The action");
        if (!db.Scope.MayMarkDone(action))
        {
            throw new NotPermittedException("Only the person given the action, or a manager, can mark it done.");
        }
        ProportionDbContext.ClaimVersion(action, versionUserSaw);
        if (action.IsDone)
        {
            throw new RuleViolationException("Note", "This action is already marked done.");
        }
        if (string.IsNullOrWhiteSpace(note))
        {
            throw new RuleViolationException("Note", "Enter what was done");
        }
        if (note.Trim().Length > PanelAction.NoteMaxLength)
        {
            throw new RuleViolationException("Note", $"What was done must be {PanelAction.NoteMaxLength:N0} characters or fewer");
        }
        var referral = await db.PanelReferrals.AsNoTracking().SingleAsync(r => r.Id == action.ReferralId, ct);
        action.DoneAt = clock.GetUtcNow().UtcDateTime;
        action.DoneById = db.Scope.UserId;
        action.DoneNote = note.Trim();
        audit.Record(action.OrganisationId, AuditAction.Updated, nameof(PanelAction), action.Id,
            $"Marked a risk review panel action done: {action.What}", referral.PersonId, reason: action.DoneNote);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds a correction to a recorded decision with a reason; the original stays beside it.</summary>
    public async Task AmendAsync(Guid referralId, string? part, string? corrected, string? reason, CancellationToken ct = default)
    {
        var referral = await db.PanelReferrals.SingleOrDefaultAsync(r => r.Id == referralId, ct) ?? throw new RecordNotFoundException("The referral");
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == referral.PersonId, ct) ?? throw new RecordNotFoundException("The person");
        db.Scope.DemandToRecordDecision(referral, person);
        if (referral.Status == PanelStatus.Referred)
        {
            throw new RuleViolationException("Part", "The panel has not decided yet: there is no decision to correct.");
        }
        var errors = new Dictionary<string, string>();
        if (part is null || PanelAmendment.AmendableFor(referral.Kind).All(p => p.Key != part))
        {
            errors["Part"] = "Select what you are correcting";
        }
        if (string.IsNullOrWhiteSpace(corrected))
        {
            errors["Corrected"] = "Enter what it should say";
        }
        else if (corrected.Trim().Length > PanelReferral.TextMaxLength)
        {
            errors["Corrected"] = $"The correction must be {PanelReferral.TextMaxLength:N0} characters or fewer";
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors["Reason"] = "Enter why this needs correcting";
        }
        else if (reason.Trim().Length > PanelAmendment.ReasonMaxLength)
        {
            errors["Reason"] = $"The reason must be {PanelAmendment.ReasonMaxLength:N0} characters or fewer";
        }
        if (errors.Count > 0)
        {
            throw new RuleViolationException(errors);
        }
        var previous = part switch
        {
            nameof(PanelReferral.Decision) => referral.Decision,
            nameof(PanelReferral.Reasons) => referral.Reasons,
            nameof(PanelReferral.PersonsView) => referral.PersonsView,
            nameof(PanelReferral.SharedResponsibility) => referral.SharedResponsibility,
            nameof(PanelReferral.MeetingOn) => UkTime.Format(referral.MeetingOn, ""),
            _ => UkTime.Format(referral.ReviewOn, ""),
        };
        db.PanelAmendments.Add(new PanelAmendment
        {
            OrganisationId = referral.OrganisationId, ReferralId = referral.Id, Part = part!, Previous = previous, Corrected = corrected!.Trim(),
            Reason = reason!.Trim(), AmendedById = db.Scope.UserId, AmendedAt = clock.GetUtcNow().UtcDateTime,
        });
        // The referral itself is unchanged; its version moves so a decision read before the correction is known to be stale.
        referral.Version++;
        audit.Record(referral.OrganisationId, AuditAction.Updated, nameof(PanelReferral), referral.Id,
            $"Corrected the {referral.KindText}'s decision: {PanelAmendment.Amendable[part!]}", referral.PersonId,
            new ChangeSet().Track(PanelAmendment.Amendable[part!], previous, corrected.Trim()), reason.Trim());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Closes a decided referral once every action is done.</summary>
    public async Task CloseAsync(Guid referralId, int versionUserSaw, CancellationToken ct = default)
    {
        var referral = await db.PanelReferrals.SingleOrDefaultAsync(r => r.Id == referralId, ct) ?? throw new RecordNotFoundException("The referral");
        db.Scope.Demand(Permission.RecordPanelDecisions, referral.OrganisationId);
        ProportionDbContext.ClaimVersion(referral, versionUserSaw);
        if (referral.Status != PanelStatus.Decided)
        {
            throw new RuleViolationException("", referral.Status == PanelStatus.Closed ? "This referral is already closed." : "Record the panel's decision before closing the referral.");
        }
        if (await db.PanelActions.AnyAsync(a => a.ReferralId == referralId && a.DoneAt == null, ct))
        {
            throw new RuleViolationException("", "Every action the panel set must be marked done before the referral is closed.");
        }
        referral.Status = PanelStatus.Closed;
        referral.ClosedAt = clock.GetUtcNow().UtcDateTime;
        referral.ClosedById = db.Scope.UserId;
        audit.Record(referral.OrganisationId, AuditAction.Ended, nameof(PanelReferral), referral.Id, $"Closed a {referral.KindText} referral", referral.PersonId);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The person's agreed risk assessment and its plan, or null when none is agreed.</summary>
    public static async Task<(Plan Plan, RiskAssessmentContent Content)?> AgreedRiskAssessmentAsync(ProportionDbContext db, Guid personId, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking()
            .Where(p => p.PersonId == personId && p.Kind == PlanKind.RiskAssessment && p.Status == PlanStatus.InPlace && p.AgreedVersion != null)
            .OrderByDescending(p => p.CreatedAt).FirstOrDefaultAsync(ct);
        if (plan is null)
        {
            return null;
        }
        var json = await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == plan.Id && v.Number == plan.AgreedVersion).Select(v => v.Content).SingleAsync(ct);
        return (plan, PlanContents.FromJson<RiskAssessmentContent>(json));
    }

    /// <summary>R26: the person's high and extreme residual risks no open referral names, each suggesting a referral.</summary>
    public static async Task<IReadOnlyList<Finding>> SuggestionsAsync(ProportionDbContext db, Guid personId, CancellationToken ct = default)
    {
        var agreed = await AgreedRiskAssessmentAsync(db, personId, ct);
        if (agreed is null)
        {
            return [];
        }
        var named = await db.PanelReferrals.Where(r => r.PersonId == personId && r.Status != PanelStatus.Closed && r.RiskId != null)
            .Select(r => r.RiskId!.Value).ToListAsync(ct);
        return PanelRules.SuggestedReferrals(agreed.Value.Content, named);
    }
}
