using Microsoft.EntityFrameworkCore;
using Proportion.Core.Analytics;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Scoping;
using Proportion.Core.Notifications;
using Proportion.Core.Rules;
using Proportion.Core.Training;
using Proportion.Core.Links;

namespace Proportion.Core.Incidents;

/// <summary>
/// Form CB1 and everything that must follow it (§8.9 to §9.7; R7, R8, R10, R13, R16). Recording is open to
/// the staff who support the person; what follows is added by managers, except each member of staff's own
/// reflection. A submitted incident is never edited: corrections are amendments with a reason.
/// </summary>
public sealed class IncidentRecords(ProportionDbContext db, AuditTrail audit, InAppNotifications notify, TimeProvider clock, IRecordLinks links)
{
    public const int MaxInterventions = 20;
    public const int MaxStaff = 30;
    public const string NoStaffMessage = "Select the staff involved, or add their names";

    /// <summary>
    /// Records an incident once. A second submission with the same key (a double tap, a retry after a lost
    /// response) returns the incident already recorded instead of adding another.
    /// </summary>
    public async Task<(Incident Incident, bool AlreadyRecorded)> RecordAsync(Guid personId, Incident incident, CancellationToken ct = default)
    {
        db.Scope.Demand(Permission.RecordIncidents);
        // Only what recording uses: the whole person would bring their representatives (an owned collection) too.
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new Person { Id = p.Id, OrganisationId = p.OrganisationId, ServiceId = p.ServiceId, GivenName = p.GivenName, FamilyName = p.FamilyName })
            .SingleOrDefaultAsync(ct)
            ?? throw new RecordNotFoundException("The person");
        return await RecordAsync(person, incident, ct);
    }

    /// <summary>
    /// Records an incident for a person the caller has already read through this context's scope (a page's route
    /// subject), saving a second read of them. Only the person's own organisation may record for them.
    /// </summary>
    public async Task<(Incident Incident, bool AlreadyRecorded)> RecordAsync(Person person, Incident incident, CancellationToken ct = default)
    {
        db.Scope.Demand(Permission.RecordIncidents);
        if (person.OrganisationId != db.Scope.OrganisationId)
        {
            throw new RecordNotFoundException("The person");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await ValidateAsync(person, incident, now, ct);

        // The form sends a key so a double tap records once. A post without one still records, under a
        // key of its own: an empty key would be stored once and then refuse every later keyless incident
        // of the organisation on the unique index.
        if (incident.SubmissionKey == Guid.Empty)
        {
            incident.SubmissionKey = Guid.CreateVersion7();
        }
        incident.OrganisationId = person.OrganisationId;
        incident.ServiceId = person.ServiceId;
        incident.PersonId = person.Id;
        incident.RecordedById = db.Scope.UserId;
        incident.RecordedAt = now;
        if (incident.PracticeId is null)
        {
            incident.WithinAgreedGuidelines = null;
            incident.PracticeIneffective = false;
        }
        incident.CallsForEarlyReview = EarlyReview.CalledForBy(incident);
        db.Incidents.Add(incident);
        if (incident.CallsForEarlyReview)
        {
            await BringReviewForwardAsync(incident, now, ct);
        }
        audit.Record(person.OrganisationId, AuditAction.Created, nameof(Incident), incident.Id,
            $"Recorded an incident: {string.Join(", ", incident.Interventions.Select(i => i.Type))}", person.Id,
            new ChangeSet().Set("Kind", incident.Kind).Set("Occurred", UkTime.Format(incident.OccurredAt)).Set("Reason", incident.Reason)
                .Set("Interventions", incident.Interventions.Count).Set("Early review called for", incident.CallsForEarlyReview)
                .Set("Unauthorised restriction", incident.UnauthorisedRestriction));
        await NotifyOnRecordAsync(person, incident, now, ct);
        // The incident and the tallies the charts read are written together, or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await RestraintTallies.AddAsync(db, incident, ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException) when (incident.SubmissionKey != Guid.Empty)
        {
            // A double tap or a retry: the unique submission key let the first one in. Return that one.
            // Asking first would cost every recording a round trip to save a rare one.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (await FindBySubmissionKeyAsync(incident.SubmissionKey, ct) is { } winner)
            {
                return (winner, true);
            }
            throw;
        }
        return (incident, false);
    }

    /// <summary>R8: the practice's review date comes forward to the day the incident was recorded; audited on the practice.</summary>
    private async Task BringReviewForwardAsync(Incident incident, DateTime now, CancellationToken ct)
    {
        var practice = await db.Practices.SingleAsync(p => p.Id == incident.PracticeId, ct);
        var forward = EarlyReview.BroughtForward(practice.ReviewDate, DateOnly.FromDateTime(UkTime.ToLondon(now)));
        if (forward == practice.ReviewDate)
        {
            return;
        }
        var changes = new ChangeSet().Track("Review date", practice.ReviewDate, forward);
        practice.ReviewDate = forward;
        practice.Version++;
        audit.Record(practice.OrganisationId, AuditAction.Updated, nameof(RestrictivePractice), practice.Id,
            $"Review brought forward (R8): {EarlyReview.Reasons(incident)}", practice.PersonId, changes);
    }

    /// <summary>The debrief, the support offered and the care plan question (R13), recorded once.</summary>
    public async Task RecordFollowUpAsync(Guid incidentId, int versionUserSaw, bool debriefHeld, string debriefNotes,
        string therapeuticSupport, bool carePlanReviewNeeded, string? carePlanNotes, CancellationToken ct = default)
    {
        db.Scope.Demand(Permission.ManageIncidents);
        var incident = await EditableAsync(incidentId, ct);
        // The version first: a follow-up recorded by someone else since this form was opened is a stale edit.
        ProportionDbContext.ClaimVersion(incident, versionUserSaw);
        if (incident.FollowUpRecordedAt is not null)
        {
            throw new RuleViolationException("", "The debrief and support have already been recorded. To correct them, add an amendment.");
        }
        incident.DebriefHeld = debriefHeld;
        incident.DebriefNotes = debriefNotes.Trim();
        incident.TherapeuticSupport = therapeuticSupport.Trim();
        incident.CarePlanReviewNeeded = carePlanReviewNeeded;
        incident.CarePlanNotes = Text.OrNull(carePlanNotes);
        incident.FollowUpRecordedAt = clock.GetUtcNow().UtcDateTime;
        incident.FollowUpRecordedById = db.Scope.UserId;
        audit.Record(incident.OrganisationId, AuditAction.Updated, nameof(Incident), incident.Id, "Recorded the debrief and support after an incident",
            incident.PersonId, new ChangeSet().Set("Debrief held", debriefHeld).Set("Care plan review needed", carePlanReviewNeeded));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The manager's review with the person (§9.6, §9.7), recorded once.</summary>
    public async Task RecordManagerReviewAsync(Guid incidentId, int versionUserSaw, bool personTookPart, string attendees, string outcome, CancellationToken ct = default)
    {
        db.Scope.Demand(Permission.ManageIncidents);
        var incident = await EditableAsync(incidentId, ct);
        // The version first: a review recorded by someone else since this form was opened is a stale edit.
        ProportionDbContext.ClaimVersion(incident, versionUserSaw);
        if (incident.ManagerReviewedAt is not null)
        {
            throw new RuleViolationException("", "This incident has already been reviewed. To correct the review, add an amendment.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var late = IncidentDuties.ManagerReviewOverdue(incident, now);
        incident.ManagerReviewedAt = now;
        incident.ManagerReviewedById = db.Scope.UserId;
        incident.PersonTookPartInReview = personTookPart;
        incident.ReviewAttendees = attendees.Trim();
        incident.ReviewOutcome = outcome.Trim();
        audit.Record(incident.OrganisationId, AuditAction.Updated, nameof(Incident), incident.Id,
            late ? "Reviewed an incident, after the 48 hours had passed" : "Reviewed an incident", incident.PersonId,
            new ChangeSet().Set("Person took part", personTookPart).Set("Attendees", incident.ReviewAttendees));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records that someone was told, or that it was decided they need not be, and why.</summary>
    public async Task RecordNotificationAsync(Guid incidentId, NotificationRecipient recipient, bool told, DateTime? toldAtUtc, string details, CancellationToken ct = default)
    {
        db.Scope.Demand(Permission.ManageIncidents);
        var incident = await EditableAsync(incidentId, ct);
        if (await db.IncidentNotifications.AnyAsync(n => n.IncidentId == incidentId && n.Recipient == recipient, ct))
        {
            throw new RuleViolationException("Recipient", "This has already been recorded for this incident");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (told && toldAtUtc is null)
        {
            throw new RuleViolationException("ToldOn", "Enter when they were told");
        }
        if (toldAtUtc > now)
        {
            throw new RuleViolationException("ToldOn", "The time they were told must be now or in the past");
        }
        if (toldAtUtc < incident.OccurredAt)
        {
            throw new RuleViolationException("ToldOn", "The time they were told must be after the incident began");
        }
        if (recipient == NotificationRecipient.Cqc && !told && IncidentDuties.CqcMustBeTold(incident))
        {
            throw new RuleViolationException([new Finding("R10", CqcNotification.Source(incident), "Told",
                $"{CqcNotification.MustBeTold}: {CqcNotification.Why(incident)}")]);
        }
        var notification = new IncidentNotification
        {
            OrganisationId = incident.OrganisationId, IncidentId = incident.Id, Recipient = recipient, Told = told,
            ToldAt = told ? toldAtUtc : null, Details = details.Trim(), RecordedById = db.Scope.UserId, RecordedAt = now,
        };
        db.IncidentNotifications.Add(notification);
        audit.Record(incident.OrganisationId, AuditAction.Created, nameof(IncidentNotification), notification.Id,
            told ? $"Recorded that the {recipient} was told about an incident" : $"Recorded a decision not to tell the {recipient} about an incident",
            incident.PersonId, new ChangeSet().Set("Told", told).Set("Details", notification.Details));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A member of staff involved writes their own reflection, once.</summary>
    public async Task WriteReflectionAsync(Guid incidentId, string text, CancellationToken ct = default)
    {
        var incident = await db.Incidents.SingleOrDefaultAsync(i => i.Id == incidentId && i.OrganisationId == db.Scope.OrganisationId, ct)
            ?? throw new RecordNotFoundException("The incident");
        if (!Permissions.MayReflectOn(db.Scope, incident))
        {
            throw new NotPermittedException("Only the staff involved in an incident write reflections on it.");
        }
        if (await db.IncidentReflections.AnyAsync(r => r.IncidentId == incidentId && r.UserId == db.Scope.UserId, ct))
        {
            throw new RuleViolationException("", "You have already written your reflection on this incident.");
        }
        var reflection = new IncidentReflection
        {
            OrganisationId = incident.OrganisationId, IncidentId = incident.Id, UserId = db.Scope.UserId, Text = text.Trim(),
            WrittenAt = clock.GetUtcNow().UtcDateTime,
        };
        db.IncidentReflections.Add(reflection);
        audit.Record(incident.OrganisationId, AuditAction.Created, nameof(IncidentReflection), reflection.Id, "Wrote a reflection on an incident", incident.PersonId);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Corrects one fact of a submitted incident. The original stays on the record beside the correction (R16).</summary>
    public async Task AmendAsync(Guid incidentId, string field, string? corrected, string reason, CancellationToken ct = default)
    {
        var incident = await db.Incidents.SingleOrDefaultAsync(i => i.Id == incidentId && i.OrganisationId == db.Scope.OrganisationId, ct)
            ?? throw new RecordNotFoundException("The incident");
        if (!Permissions.MayAmend(db.Scope, incident))
        {
            throw new NotPermittedException("Only the person who recorded an incident, or a manager, can amend it.");
        }
        if (!IncidentAmendment.Amendable.ContainsKey(field))
        {
            throw new RuleViolationException("Field", "Select what you are correcting");
        }
        var previous = await CurrentValueAsync(incident, field, ct);
        var correctedValue = Text.OrNull(corrected);
        if (correctedValue == previous)
        {
            throw new RuleViolationException("Corrected", "The correction is the same as the record. Enter the corrected text");
        }
        if (correctedValue is null && field is nameof(Incident.Location) or nameof(Incident.Antecedents) or nameof(Incident.DeEscalation)
            or nameof(Incident.HowUsed) or nameof(Incident.Outcome))
        {
            throw new RuleViolationException("Corrected", "This must be recorded: enter the corrected text");
        }
        var amendment = new IncidentAmendment
        {
            OrganisationId = incident.OrganisationId, IncidentId = incident.Id, Field = field, Previous = previous, Corrected = correctedValue,
            Reason = reason.Trim(), AmendedById = db.Scope.UserId, AmendedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.IncidentAmendments.Add(amendment);
        audit.Record(incident.OrganisationId, AuditAction.Updated, nameof(Incident), incident.Id,
            $"Amended an incident: {IncidentAmendment.Amendable[field]}", incident.PersonId,
            new ChangeSet().Track(IncidentAmendment.Amendable[field], previous, correctedValue), amendment.Reason);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A fact as it now stands: the latest correction, else what was first recorded.</summary>
    public static string? CurrentValue(Incident incident, IEnumerable<IncidentAmendment> amendments, string field)
    {
        var latest = amendments.Where(a => a.Field == field).OrderBy(a => a.AmendedAt).LastOrDefault();
        return latest is not null ? latest.Corrected : typeof(Incident).GetProperty(field)!.GetValue(incident) as string;
    }

    private async Task<string?> CurrentValueAsync(Incident incident, string field, CancellationToken ct) =>
        CurrentValue(incident, await db.IncidentAmendments.Where(a => a.IncidentId == incident.Id).ToListAsync(ct), field);

    /// <summary>
    /// Times that cannot be right: in the future, or an end before its start. The form checks them too,
    /// with its own field keys, so they are listed with every other error at once.
    /// </summary>
    public static IEnumerable<(string Field, string Message)> TimeProblems(DateTime occurredAt,
        IEnumerable<(string Key, IncidentIntervention Intervention)> interventions, DateTime nowUtc)
    {
        if (occurredAt > nowUtc)
        {
            yield return ("OccurredTime", "The time it began must be now or in the past");
        }
        foreach (var (key, intervention) in interventions)
        {
            if (intervention.StartedAt > nowUtc)
            {
                yield return ($"{key}.Start", "The start time must be now or in the past");
            }
            if (intervention.EndedAt < intervention.StartedAt)
            {
                yield return ($"{key}.End", "The end time must be after the start time. If it ended after midnight, select 'It ended the next day'");
            }
            else if (intervention.EndedAt > nowUtc)
            {
                yield return ($"{key}.End", "The end time must be now or in the past. Record the incident when the intervention has ended");
            }
        }
    }

    private async Task ValidateAsync(Person person, Incident incident, DateTime now, CancellationToken ct)
    {
        var errors = TimeProblems(incident.OccurredAt, incident.Interventions.Select((x, i) => ($"Interventions[{i}]", x)), now)
            .ToDictionary(p => p.Field, p => p.Message);
        if (incident.Interventions.Count == 0)
        {
            errors["Interventions[0].Type"] = "Record at least one intervention: what was done, and when it started and ended";
        }
        if (incident.Interventions.Count > MaxInterventions)
        {
            errors["Interventions"] = $"Record {MaxInterventions} interventions or fewer on one incident";
        }
        PracticeStatus? usedStatus = null;
        if (incident.PracticeId is { } practiceId)
        {
            usedStatus = await db.Practices.Where(p => p.Id == practiceId && p.PersonId == person.Id)
                .Select(p => (PracticeStatus?)p.Status).SingleOrDefaultAsync(ct);
            if (usedStatus is null)
            {
                errors["PracticeId"] = "Select one of the person's practices from the list";
            }
        }
        // A use of a practice nobody has agreed is recorded as it happened, and flagged: refusing it would lose the record.
        incident.UnauthorisedRestriction = UnauthorisedRestriction.Applies(incident.Kind, usedStatus);
        if (incident.Kind == IncidentKind.Planned && incident.PracticeId is null)
        {
            errors["PracticeId"] = "Select the agreed practice that was used, or say it was an emergency";
        }
        if (incident.Staff.Count == 0)
        {
            errors["StaffUserIds"] = NoStaffMessage;
        }
        if (incident.Staff.Count > MaxStaff)
        {
            errors["StaffUserIds"] = $"Name {MaxStaff} staff or fewer";
        }
        var userIds = incident.Staff.Where(s => s.UserId is not null).Select(s => s.UserId!.Value).Distinct().ToList();
        var users = (await (from user in db.Users
                            where userIds.Contains(user.Id) && user.OrganisationId == person.OrganisationId
                            from userRole in db.UserRoles.Where(ur => ur.UserId == user.Id).DefaultIfEmpty()
                            from role in db.Roles.Where(r => r.Id == userRole!.RoleId).DefaultIfEmpty()
                            select new { user.Id, user.DisplayName, Role = role!.Name })
                .AsNoTracking().ToListAsync(ct))
            .GroupBy(u => u.Id)
            .ToDictionary(g => g.Key, g => (Name: g.First().DisplayName, Role: MainRole(g.Select(u => u.Role).OfType<string>())));
        if (users.Count != userIds.Count)
        {
            errors["StaffUserIds"] = "Select staff from the list";
        }
        if (errors.Count > 0)
        {
            throw new RuleViolationException(errors);
        }
        foreach (var member in incident.Staff.Where(s => s.UserId is not null))
        {
            (member.Name, member.Role) = users[member.UserId!.Value];
        }
    }

    /// <summary>
    /// Whoever must act hears at once in the app: the service's managers always (§8.10), senior managers for
    /// an emergency (§9.4, R10), and every member of staff involved, to write their reflection.
    /// </summary>
    private async Task NotifyOnRecordAsync(Person person, Incident incident, DateTime now, CancellationToken ct)
    {
        var link = links.Incident(incident.Id);
        var when = UkTime.Format(incident.OccurredAt);
        var (managerIds, seniorIds) = await notify.ManagersToTellAsync(person.OrganisationId, person.ServiceId, ct);
        var managerMessage = incident.Kind == IncidentKind.Emergency
            ? $"Emergency incident with {person.FullName} on {when}: review it with them by {UkTime.Format(IncidentDuties.ManagerReviewDue(incident)!.Value)}."
            : $"Incident with {person.FullName} on {when}: please review it.";
        if (incident.UnauthorisedRestriction)
        {
            managerMessage += $" {UnauthorisedRestriction.Message}";
        }
        if (incident.CallsForEarlyReview)
        {
            managerMessage += $" It brings the practice's review forward: {EarlyReview.Reasons(incident)}.";
        }
        var untrained = await UntrainedStaffAsync(incident, ct);
        if (untrained.Count > 0)
        {
            managerMessage += $" Staff without in-date certified training (R15): {string.Join(", ", untrained)}.";
        }
        notify.Send(person.OrganisationId, managerIds, managerMessage, link);

        if (incident.Kind == IncidentKind.Emergency)
        {
            notify.Send(person.OrganisationId, seniorIds, $"Emergency incident with {person.FullName} on {when} (§9.4).", link);
            db.IncidentNotifications.Add(new IncidentNotification
            {
                OrganisationId = person.OrganisationId, IncidentId = incident.Id, Recipient = NotificationRecipient.SeniorManager,
                Told = seniorIds.Count > 0, ToldAt = seniorIds.Count > 0 ? now : null, RecordedAt = now,
                Details = seniorIds.Count > 0
                    ? $"Told in Proportion when the incident was recorded ({seniorIds.Count} senior manager{(seniorIds.Count == 1 ? "" : "s")})"
                    : "No senior manager has an account: tell them another way and record it",
            });
        }

        var staffIds = incident.Staff.Where(s => s.UserId is not null).Select(s => s.UserId!.Value).Distinct().ToList();
        notify.Send(person.OrganisationId, staffIds, $"Write your reflection on the incident with {person.FullName} on {when}.", $"{link}/reflection");
    }

    /// <summary>R15: the staff with accounts who lack in-date certified training in restrictive interventions.</summary>
    private async Task<List<string>> UntrainedStaffAsync(Incident incident, CancellationToken ct)
    {
        var gaps = await TrainingRecords.RestrictiveInterventionGapsAsync(db,
            [.. incident.Staff.Where(s => s.UserId is not null).Select(s => s.UserId!.Value)], UkTime.Today(clock), ct);
        return [.. incident.Staff.Where(s => s.UserId is { } id && gaps.ContainsKey(id)).Select(s => s.Name)];
    }

    /// <summary>How a member of staff is named on an incident: by the role that comes first in docs/rules.md's list.</summary>
    public static string MainRole(IEnumerable<string> roleNames) =>
        roleNames.OrderBy(r => Roles.All.ToList().IndexOf(r)).Select(Roles.DisplayName).FirstOrDefault() ?? "Staff";

    private Task<Incident?> FindBySubmissionKeyAsync(Guid key, CancellationToken ct) =>
        key == Guid.Empty ? Task.FromResult<Incident?>(null)
            : db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.OrganisationId == db.Scope.OrganisationId && i.SubmissionKey == key, ct);

    private async Task<Incident> EditableAsync(Guid incidentId, CancellationToken ct) =>
        await db.Incidents.SingleOrDefaultAsync(i => i.Id == incidentId && i.OrganisationId == db.Scope.OrganisationId, ct)
            ?? throw new RecordNotFoundException("The incident");
}
