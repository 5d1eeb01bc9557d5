using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Scoping;

namespace Proportion.Core.Analytics;

/// <summary>
/// Changes marked on a subject's charts (R14): who may mark one, the marks a chart recalculates from, and
/// withdrawing a mark made in error. Every write is audited; nothing is deleted (R16).
/// </summary>
public sealed class ChartChanges(ProportionDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Every mark on the subject the user can see, withdrawn ones too, oldest first.</summary>
    public async Task<IReadOnlyList<ChartChange>> ForSubjectAsync(ChartSubject subject, CancellationToken ct = default) =>
        await db.ChartChanges.AsNoTracking()
            .Where(c => c.SubjectKind == subject.Kind && c.SubjectId == subject.Id)
            .OrderBy(c => c.Date).ThenBy(c => c.MarkedAt)
            .ToListAsync(ct);

    /// <summary>The marks a chart recalculates its limits from: those not withdrawn.</summary>
    public async Task<IReadOnlyList<ChartMark>> MarksAsync(ChartSubject subject, CancellationToken ct = default) =>
        [.. (await ForSubjectAsync(subject, ct)).Where(c => !c.IsWithdrawn).Select(c => new ChartMark(c.Date, c.Description))];

    /// <summary>
    /// The organisation whose manager may mark the subject's charts, or null when the user may not: a person's
    /// or a service's managers (as for its incidents), an organisation's senior managers. A council's chart
    /// counts other organisations' people, so no one marks it.
    /// </summary>
    public async Task<Guid?> MarkableByAsync(ChartSubject subject, CancellationToken ct = default)
    {
        var scope = db.Scope;
        switch (subject.Kind)
        {
            case ChartSubjectKind.Person:
                var personOrganisation = await db.People.Where(p => p.Id == subject.Id).Select(p => (Guid?)p.OrganisationId).SingleOrDefaultAsync(ct);
                return personOrganisation is { } p && scope.Allows(Permission.ManageIncidents, p) ? p : null;
            case ChartSubjectKind.Service:
                var serviceOrganisation = await db.Services.Where(s => s.Id == subject.Id).Select(s => (Guid?)s.OrganisationId).SingleOrDefaultAsync(ct);
                return serviceOrganisation is { } s && scope.Allows(Permission.ManageIncidents, s) ? s : null;
            case ChartSubjectKind.Organisation:
                return scope.Allows(Permission.MarkOrganisationChartChanges, subject.Id) ? subject.Id : null;
            default:
                return null;
        }
    }

    public async Task<ChartChange> MarkAsync(ChartSubject subject, DateOnly date, string description, CancellationToken ct = default)
    {
        var organisationId = await MarkableByAsync(subject, ct)
            ?? throw new NotPermittedException("Only a manager of the service, or a senior manager for the whole organisation, can mark a change on a chart.");
        var errors = new Dictionary<string, string>();
        if (date > UkTime.Today(clock))
        {
            errors["Date"] = "The date of the change must be today or in the past";
        }
        var text = Text.OrNull(description);
        if (text is null)
        {
            errors["Description"] = "Enter what changed";
        }
        else if (text.Length > ChartChange.DescriptionMaxLength)
        {
            errors["Description"] = $"What changed must be {ChartChange.DescriptionMaxLength} characters or fewer";
        }
        if (errors.Count > 0)
        {
            throw new RuleViolationException(errors);
        }
        var change = new ChartChange
        {
            OrganisationId = organisationId,
            SubjectKind = subject.Kind,
            SubjectId = subject.Id,
            Date = date,
            Description = text!,
            MarkedById = db.Scope.UserId,
            MarkedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ChartChanges.Add(change);
        audit.Record(organisationId, AuditAction.Created, nameof(ChartChange), change.Id,
            $"Marked a change on the charts from {UkTime.Format(date)}: {change.Description}",
            subject.Kind == ChartSubjectKind.Person ? subject.Id : null,
            new ChangeSet().Set("Date", UkTime.Format(date)).Set("What changed", change.Description));
        await db.SaveChangesAsync(ct);
        return change;
    }

    public async Task WithdrawAsync(ChartSubject subject, Guid changeId, string reason, CancellationToken ct = default)
    {
        var organisationId = await MarkableByAsync(subject, ct)
            ?? throw new NotPermittedException("Only a manager of the service, or a senior manager for the whole organisation, can withdraw a change on a chart.");
        var change = await db.ChartChanges.SingleOrDefaultAsync(c => c.Id == changeId && c.SubjectKind == subject.Kind && c.SubjectId == subject.Id, ct)
            ?? throw new RecordNotFoundException("The change");
        if (change.IsWithdrawn)
        {
            throw new RuleViolationException("", "This change has already been withdrawn.");
        }
        var text = Text.OrNull(reason);
        if (text is null || text.Length > ChartChange.ReasonMaxLength)
        {
            throw new RuleViolationException("Reason", text is null
                ? "Enter why you are withdrawing this change"
                : $"The reason must be {ChartChange.ReasonMaxLength:N0} characters or fewer");
        }
        change.WithdrawnAt = clock.GetUtcNow().UtcDateTime;
        change.WithdrawnById = db.Scope.UserId;
        change.WithdrawnReason = text;
        audit.Record(organisationId, AuditAction.Ended, nameof(ChartChange), change.Id,
            $"Withdrew the change marked on the charts from {UkTime.Format(change.Date)}: {change.Description}",
            subject.Kind == ChartSubjectKind.Person ? subject.Id : null, reason: text);
        await db.SaveChangesAsync(ct);
    }
}
