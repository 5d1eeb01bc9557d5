using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Scoping;
using Proportion.Core.Oversight;
using Proportion.Core.Rules;

namespace Proportion.Core.Monitoring;

/// <summary>
/// Service monitoring and audits (form RP3, §8, R11). A check starts pre-filled with what the rules find
/// for every practice in place in the service (§8.7); the manager or senior manager adds their findings,
/// a note on each practice that falls short, and actions with owners and due dates, then signs it off.
/// Every write is audited; a completed check is never changed.
/// </summary>
public sealed class MonitoringRecords(ProportionDbContext db, AuditTrail audit, TimeProvider clock, IOptions<RuleSettings> rules)
{
    /// <summary>The service's open check of this kind, or a new one filled in with what the rules find today.</summary>
    public async Task<ServiceMonitoring> StartOrResumeAsync(Guid serviceId, MonitoringKind kind, CancellationToken ct = default)
    {
        RequireAllowed(kind);
        var service = await db.Services.SingleOrDefaultAsync(s => s.Id == serviceId && s.OrganisationId == db.Scope.OrganisationId, ct)
            ?? throw new RecordNotFoundException("The service");
        var open = await db.Monitoring.Include(m => m.Practices).Include(m => m.Actions)
            .SingleOrDefaultAsync(m => m.ServiceId == serviceId && m.Kind == kind && m.Status == MonitoringStatus.Draft, ct);
        if (open is not null)
        {
            return open;
        }
        var today = UkTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var last = await MonitoringQueries.LastCompletedAsync(db.Monitoring.Where(m => m.ServiceId == serviceId && m.Kind == kind), ct);
        var monitoring = new ServiceMonitoring
        {
            OrganisationId = service.OrganisationId,
            ServiceId = serviceId,
            Kind = kind,
            DueOn = last.NextDue(serviceId, service.CreatedAt, kind),
            CreatedAt = now,
            UpdatedAt = now,
            CreatedById = db.Scope.UserId,
            Practices = [.. await CheckPracticesAsync(serviceId, today, ct)],
        };
        db.Monitoring.Add(monitoring);
        audit.Record(monitoring.OrganisationId, AuditAction.Created, nameof(ServiceMonitoring), monitoring.Id,
            $"Started the {EnumNames.Of(kind).ToLowerInvariant()} of {service.Name}, {monitoring.Practices.Count} practices in place");
        await db.SaveChangesAsync(ct);
        return monitoring;
    }

    /// <summary>§8.7 for every practice in place in the service, from a handful of queries whatever its size.</summary>
    public async Task<List<MonitoringPracticeCheck>> CheckPracticesAsync(Guid serviceId, DateOnly today, CancellationToken ct = default)
    {
        var practices = await db.Practices.Include(p => p.Person).AsNoTracking()
            // In place: agreed or under review. A proposal is not in place until agreed (RP1's total).
            .Where(p => p.ServiceId == serviceId && (p.Status == PracticeStatus.Agreed || p.Status == PracticeStatus.UnderReview))
            .OrderBy(p => p.Person!.FamilyName).ThenBy(p => p.Person!.GivenName).ThenBy(p => p.StartDate).ToListAsync(ct);
        // Those consulted are a list on newer decisions: the "decision evidenced" check reads them as the older free text.
        var agreed = await db.Decisions.Include(d => d.Alternatives).Include(d => d.SignOffs).Include(d => d.Signatures).Include(d => d.Consultees).AsNoTracking()
            .Where(d => d.ServiceId == serviceId && d.Status == DecisionStatus.Agreed).ToListAsync(ct);
        var inForce = agreed.GroupBy(d => d.PracticeId).ToDictionary(g => g.Key, g => g.MaxBy(d => d.Number)!);
        var staff = await db.ServiceAssignments.Where(a => a.ServiceId == serviceId)
            .Join(db.Users.Where(u => u.IsActive), a => a.UserId, u => u.Id, (a, u) => u.Id).ToListAsync(ct);
        var inForceIds = inForce.Values.Select(d => d.Id).ToList();
        var reads = await db.GuidelineAcknowledgements
            .Where(g => inForceIds.Contains(g.DecisionId) && staff.Contains(g.UserId))
            .GroupBy(g => g.DecisionId).Select(g => new { g.Key, Count = g.Select(x => x.UserId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var reviews = await db.Reviews.Where(r => r.ServiceId == serviceId && r.Status == ReviewStatus.Completed)
            .Select(r => new { r.PracticeId, r.DueOn, r.HeldOn, r.ReductionConsidered }).ToListAsync(ct);
        var months = rules.Value.ReductionConsideredWithinMonths;
        return [.. practices.Select(p =>
        {
            var decision = inForce.GetValueOrDefault(p.Id);
            var mine = reviews.Where(r => r.PracticeId == p.Id).ToList();
            var facts = new PracticeFacts(p, decision, staff.Count, decision is null ? 0 : reads.GetValueOrDefault(decision.Id),
                mine.Count(r => r.DueOn is { } due && r.HeldOn > due),
                p.ReductionConsideredOn);
            return MonitoringChecks.For(facts, today, months);
        })];
    }

    /// <summary>Saves the auditor's findings and their note on each practice.</summary>
    public async Task SaveAsync(Guid monitoringId, int versionUserSaw, string? findings, IReadOnlyDictionary<Guid, string?> notes, CancellationToken ct = default)
    {
        var monitoring = await DraftAsync(monitoringId, versionUserSaw, ct);
        var changes = new ChangeSet().Track("Findings", monitoring.Findings, Text.OrNull(findings));
        monitoring.Findings = Text.OrNull(findings);
        foreach (var check in monitoring.Practices)
        {
            if (notes.TryGetValue(check.Id, out var note))
            {
                changes.Track($"Note on {check.PersonName}: {check.Description}", check.AuditorNote, Text.OrNull(note));
                check.AuditorNote = Text.OrNull(note);
            }
        }
        if (changes.IsEmpty)
        {
            monitoring.Version = versionUserSaw;
            return;
        }
        monitoring.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(monitoring.OrganisationId, AuditAction.Updated, nameof(ServiceMonitoring), monitoring.Id,
            $"Saved findings in the {EnumNames.Of(monitoring.Kind).ToLowerInvariant()}", changes: changes);
        await db.SaveChangesAsync(ct);
    }

    public async Task AddActionAsync(Guid monitoringId, int versionUserSaw, string what, string owner, DateOnly dueOn, CancellationToken ct = default)
    {
        var monitoring = await DraftAsync(monitoringId, versionUserSaw, ct);
        if (dueOn < UkTime.Today(clock))
        {
            throw new RuleViolationException("DueOn", "The date the action is due must be today or in the future");
        }
        var action = new MonitoringAction
        {
            What = what.Trim(), Owner = owner.Trim(), DueOn = dueOn, RecordedById = db.Scope.UserId, RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        monitoring.Actions.Add(action);
        monitoring.UpdatedAt = action.RecordedAt;
        audit.Record(monitoring.OrganisationId, AuditAction.Updated, nameof(ServiceMonitoring), monitoring.Id,
            $"Added an action: {action.What}", changes: new ChangeSet().Set("Action", action.What).Set("Owner", action.Owner).Set("Due", action.DueOn));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>What must be there before the check is signed off: findings, and a note on every practice that falls short.</summary>
    public static IReadOnlyList<Finding> Gaps(ServiceMonitoring monitoring)
    {
        var gaps = new List<Finding>();
        if (string.IsNullOrWhiteSpace(monitoring.Findings))
        {
            gaps.Add(new Finding(MonitoringDue.Rule, "§8.7", nameof(ServiceMonitoring.Findings), "Enter your findings for the service"));
        }
        foreach (var check in monitoring.Practices.Where(c => MonitoringChecks.Columns.Any(col => !col.Passed(c)) && string.IsNullOrWhiteSpace(c.AuditorNote)))
        {
            gaps.Add(new Finding(MonitoringDue.Rule, "§8.7", $"Note_{check.Id}",
                $"Enter a note on {check.PersonName}'s practice \"{check.Description}\": say what must be put right"));
        }
        return gaps;
    }

    /// <summary>Signs the check off as the signed-in user. For an audit, records whether they work in the service (§8.3: ideally external).</summary>
    public async Task CompleteAsync(Guid monitoringId, int versionUserSaw, CancellationToken ct = default)
    {
        var monitoring = await DraftAsync(monitoringId, versionUserSaw, ct);
        if (Gaps(monitoring) is { Count: > 0 } gaps)
        {
            throw new RuleViolationException(gaps);
        }
        var user = await db.Users.SingleAsync(u => u.Id == db.Scope.UserId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        monitoring.Status = MonitoringStatus.Completed;
        monitoring.CompletedAt = now;
        monitoring.CompletedOn = UkTime.Today(clock);
        monitoring.CompletedById = user.Id;
        monitoring.CompletedByName = user.DisplayName;
        monitoring.CompletedByWorksInService = await db.ServiceAssignments
            .AnyAsync(a => a.UserId == user.Id && a.ServiceId == monitoring.ServiceId, ct);
        monitoring.UpdatedAt = now;
        audit.Record(monitoring.OrganisationId, AuditAction.Updated, nameof(ServiceMonitoring), monitoring.Id,
            $"{user.DisplayName} signed off the {EnumNames.Of(monitoring.Kind).ToLowerInvariant()}, with {monitoring.Actions.Count} actions");
        await db.SaveChangesAsync(ct);
    }

    public const string DoneNoteMissing = "Say what was done";

    /// <summary>
    /// Records that an action a signed-off check set has been done (§8: monitoring is followed through).
    /// The service's managers record it; what was done is required; an action is done once.
    /// </summary>
    public async Task CompleteActionAsync(Guid monitoringId, Guid actionId, int versionUserSaw, DateOnly doneOn, string note, CancellationToken ct = default)
    {
        db.Scope.Demand(Permission.MonitorServices);
        var monitoring = await db.Monitoring.Include(m => m.Actions)
            .SingleOrDefaultAsync(m => m.Id == monitoringId && m.OrganisationId == db.Scope.OrganisationId, ct)
            ?? throw new RecordNotFoundException("The monitoring record");
        var action = monitoring.Actions.SingleOrDefault(a => a.Id == actionId) ?? throw new RecordNotFoundException("The action");
        // The version first: an action someone else recorded as done after this form was opened is a stale edit,
        // and the record's version moving on means two people recording the same action at once cannot both succeed.
        ProportionDbContext.ClaimVersion(monitoring, versionUserSaw);
        if (monitoring.Status != MonitoringStatus.Completed)
        {
            throw new RuleViolationException("", "Actions are followed up once the check has been signed off.");
        }
        if (action.DoneOn is not null)
        {
            throw new RuleViolationException("", "This action has already been recorded as done.");
        }
        var errors = new Dictionary<string, string>();
        if (doneOn > UkTime.Today(clock))
        {
            errors["DoneOn"] = "The date it was done must be today or in the past";
        }
        if (string.IsNullOrWhiteSpace(note))
        {
            errors["DoneNote"] = DoneNoteMissing;
        }
        if (errors.Count > 0)
        {
            throw new RuleViolationException(errors);
        }
        action.DoneOn = doneOn;
        action.DoneNote = note.Trim();
        action.DoneByName = db.Scope.UserName;
        action.DoneRecordedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(monitoring.OrganisationId, AuditAction.Updated, nameof(ServiceMonitoring), monitoring.Id,
            $"Recorded an action as done: {action.What}", changes: new ChangeSet().Set("Done on", doneOn).Set("What was done", action.DoneNote));
        await db.SaveChangesAsync(ct);
    }

    private async Task<ServiceMonitoring> DraftAsync(Guid monitoringId, int versionUserSaw, CancellationToken ct)
    {
        var monitoring = await db.Monitoring.Include(m => m.Practices).Include(m => m.Actions)
            .SingleOrDefaultAsync(m => m.Id == monitoringId && m.OrganisationId == db.Scope.OrganisationId, ct)
            ?? throw new RecordNotFoundException("The monitoring record");
        RequireAllowed(monitoring.Kind);
        // The version first: a check signed off by someone else since this form was opened is a stale edit.
        ProportionDbContext.ClaimVersion(monitoring, versionUserSaw);
        if (monitoring.Status != MonitoringStatus.Draft)
        {
            throw new RuleViolationException("", "This check has been signed off and cannot be changed.");
        }
        return monitoring;
    }

    private void RequireAllowed(MonitoringKind kind) => db.Scope.Demand(Permissions.ToCarryOut(kind));
}
