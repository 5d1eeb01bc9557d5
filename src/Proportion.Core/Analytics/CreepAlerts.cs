using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Links;
using Proportion.Core.Model;
using Proportion.Core.Notifications;
using Proportion.Core.Reminders;
using Proportion.Core.Scoping;

namespace Proportion.Core.Analytics;

/// <summary>
/// Alerts when restriction creeps up (R14, ADR 0025). The background job reads each person's and each
/// service's weekly and monthly charts of the counts taken from incidents, and a special-cause rise at the last
/// complete period (<see cref="CreepDetection"/>) raises one <see cref="CreepAlert"/>: the service's managers
/// and the organisation's senior managers are told in their messages (with the chart behind the link) and by
/// email, and it stays in their tasks until a manager acknowledges it with what they will do.
/// </summary>
public sealed class CreepAlerts(ProportionDbContext db, IRecordLinks links, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Points on a weekly chart: half a year of weeks.</summary>
    public const int Weeks = 26;
    /// <summary>Points on a monthly chart: two years of months.</summary>
    public const int Months = 24;

    public const string NoteMissing = "Enter what you will do about the rise";
    public static readonly string NoteTooLong = $"What you will do must be {CreepAlert.NoteMaxLength:N0} characters or fewer";

    /// <summary>The flows a person's chart can signal on; a service's adds the people restrained.</summary>
    private static readonly Measure[] PersonMeasures = [.. Measures.All.Where(m => !m.IsStock() && m.AppliesToOnePerson())];
    private static readonly Measure[] ServiceMeasures = [.. Measures.All.Where(m => !m.IsStock())];

    /// <summary>
    /// Raises what the charts show at <paramref name="nowUtc"/>: only complete periods count, so a week or month
    /// still under way never signals on its first few days. Reads no incidents: one grouped query over the
    /// tallies of the last complete period finds the people and services with any use in it (a period with none
    /// cannot be a rise), and only their charts are read, for only the measures that were above zero.
    /// </summary>
    /// <returns>The messages sent, saved; the caller may also email them.</returns>
    public async Task<IReadOnlyList<Notification>> RaiseAsync(DateTime nowUtc, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(UkTime.ToLondon(nowUtc));
        var series = new RestrictionSeries(db);
        var tell = new InAppNotifications(db, clock);
        var raised = new List<CreepAlert>();
        var messages = new List<Notification>();
        foreach (var period in Enum.GetValues<ChartPeriod>())
        {
            var last = Previous(Periods.StartOf(today, period), period);
            var first = Enumerable.Range(1, (period == ChartPeriod.Week ? Weeks : Months) - 1).Aggregate(last, (s, _) => Previous(s, period));
            var to = Periods.EndOf(last, period);
            var candidates = await CandidatesAsync(period, last, ct);
            if (candidates.Count == 0)
            {
                continue;
            }
            var subjectIds = candidates.Select(c => c.Subject.Id).Distinct().ToList();
            var earlier = await db.CreepAlerts.AsNoTracking()
                .Where(a => a.Period == period && subjectIds.Contains(a.SubjectId) && a.LatestStarts >= first)
                .ToListAsync(ct);
            foreach (var candidate in candidates)
            {
                var points = await series.ReadAsync(candidate.Subject, candidate.Measure, period, first, to, ct);
                if (CreepDetection.Rise([.. points.Select(p => p.Value)]) is not { } signal)
                {
                    continue;
                }
                var runStarts = points[signal.FirstIndex].Starts;
                // The same rise seen again: its run reaches back to, or just after, where an earlier alert last saw it.
                var continuing = earlier.Where(a => a.SubjectId == candidate.Subject.Id && a.Measure == candidate.Measure
                        && a.LatestStarts >= Previous(runStarts, period))
                    .OrderByDescending(a => a.LatestStarts).FirstOrDefault();
                if (continuing is not null)
                {
                    if (continuing.LatestStarts < last)
                    {
                        // Not the acknowledgement's concern: its version is left alone.
                        await db.CreepAlerts.Where(a => a.Id == continuing.Id)
                            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LatestStarts, last), ct);
                    }
                    continue;
                }
                var alert = new CreepAlert
                {
                    OrganisationId = candidate.OrganisationId, ServiceId = candidate.ServiceId,
                    PersonId = candidate.Subject.Kind == ChartSubjectKind.Person ? candidate.Subject.Id : null,
                    SubjectKind = candidate.Subject.Kind, SubjectId = candidate.Subject.Id, Measure = candidate.Measure, Period = period,
                    SignalStarts = runStarts, LatestStarts = last, Causes = signal.Causes,
                    Value = signal.Value, Mean = signal.Mean, UpperLimit = signal.UpperLimit, RaisedAt = nowUtc,
                };
                raised.Add(alert);
                var (serviceManagers, seniorManagers) = await tell.ManagersToTellAsync(alert.OrganisationId, alert.ServiceId, ct);
                var message = Message(alert, candidate.Name);
                messages.AddRange(serviceManagers.Concat(seniorManagers).Distinct().Select(userId => new Notification
                {
                    OrganisationId = alert.OrganisationId, UserId = userId, CreatedAt = nowUtc, ReminderKey = $"creep:{alert.Id:N}",
                    Link = links.RestrictionChart(alert.Subject, alert.Measure, alert.Period),
                    Message = message.Length <= Notification.MessageMaxLength ? message : message[..(Notification.MessageMaxLength - 1)] + "…",
                }));
            }
        }
        if (raised.Count == 0)
        {
            return [];
        }
        // Each alert and its messages are saved together: the unique key on the signal refuses a second copy
        // from another instance, and then neither is saved twice.
        db.CreepAlerts.AddRange(raised);
        if (messages.Count == 0)
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
            }
            return [];
        }
        return await ReminderOutbox.SendOnceAsync(db, messages, ct);
    }

    /// <summary>One chart to read: whose, which measure, and who is told.</summary>
    private sealed record Candidate(ChartSubject Subject, Measure Measure, Guid OrganisationId, Guid ServiceId, string Name);

    /// <summary>What one period's tallies add up to, per person or per service.</summary>
    private sealed class Totals
    {
        public Guid Id { get; init; }
        public int Incidents { get; init; }
        public int Interventions { get; init; }
        public int People { get; init; }
        public int RestraintMinutes { get; init; }
        public int Prone { get; init; }
        public int RapidTranquillisation { get; init; }
        public int WithInjury { get; init; }
        public int Seclusion { get; init; }

        public int Of(Measure measure) => measure switch
        {
            Measure.Incidents => Incidents,
            Measure.Interventions => Interventions,
            Measure.PeopleRestrained => People,
            Measure.RestraintMinutes => RestraintMinutes,
            Measure.Prone => Prone,
            Measure.RapidTranquillisation => RapidTranquillisation,
            Measure.Injuries => WithInjury,
            Measure.Seclusion => Seclusion,
            _ => 0,
        };
    }

    /// <summary>
    /// The people and services with any use in the period starting <paramref name="last"/>, and the measures
    /// above zero for each: the database adds up the tallies, grouped by person and by service.
    /// </summary>
    private async Task<List<Candidate>> CandidatesAsync(ChartPeriod period, DateOnly last, CancellationToken ct)
    {
        var tallies = db.RestraintTallies.Where(t => t.Period == period && t.Starts == last);
        var byPerson = await tallies.GroupBy(t => t.PersonId).Select(g => new Totals
        {
            Id = g.Key, Incidents = g.Sum(t => t.Incidents), Interventions = g.Sum(t => t.Interventions), People = 1,
            RestraintMinutes = g.Sum(t => t.RestraintMinutes), Prone = g.Sum(t => t.Prone), RapidTranquillisation = g.Sum(t => t.RapidTranquillisation),
            WithInjury = g.Sum(t => t.WithInjury), Seclusion = g.Sum(t => t.Seclusion),
        }).ToListAsync(ct);
        if (byPerson.Count == 0)
        {
            return [];
        }
        // A tally row is one person in one service and period, so counting rows counts the people.
        var byService = await tallies.GroupBy(t => t.ServiceId).Select(g => new Totals
        {
            Id = g.Key, Incidents = g.Sum(t => t.Incidents), Interventions = g.Sum(t => t.Interventions), People = g.Count(),
            RestraintMinutes = g.Sum(t => t.RestraintMinutes), Prone = g.Sum(t => t.Prone), RapidTranquillisation = g.Sum(t => t.RapidTranquillisation),
            WithInjury = g.Sum(t => t.WithInjury), Seclusion = g.Sum(t => t.Seclusion),
        }).ToListAsync(ct);
        var personIds = byPerson.Select(p => p.Id).ToList();
        var serviceIds = byService.Select(s => s.Id).ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).Include(p => p.Service)
            .ToDictionaryAsync(p => p.Id, ct);
        var services = await db.Services.AsNoTracking().Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);

        var candidates = new List<Candidate>();
        foreach (var totals in byService.Where(t => services.ContainsKey(t.Id)))
        {
            var service = services[totals.Id];
            candidates.AddRange(ServiceMeasures.Where(m => totals.Of(m) > 0)
                .Select(m => new Candidate(new ChartSubject(ChartSubjectKind.Service, service.Id), m, service.OrganisationId, service.Id, $"at {service.Name}")));
        }
        foreach (var totals in byPerson.Where(t => people.ContainsKey(t.Id)))
        {
            var person = people[totals.Id];
            candidates.AddRange(PersonMeasures.Where(m => totals.Of(m) > 0)
                .Select(m => new Candidate(new ChartSubject(ChartSubjectKind.Person, person.Id), m, person.OrganisationId, person.ServiceId,
                    $"for {person.KnownAs} at {person.Service?.Name}")));
        }
        return candidates;
    }

    /// <summary>The message each manager is sent: what rose, where, and by how much.</summary>
    private static string Message(CreepAlert alert, string whose) =>
        $"Restriction is rising: {What(alert.Measure)} {whose}. {Figure(alert.Value)} in {PeriodName(alert.LatestStarts, alert.Period)}, "
        + $"against an average of {Figure(alert.Mean)} (statistical process control: {string.Join("; ", CreepDetection.Describe(alert.Causes))}). Rule R14.";

    /// <summary>The measure as it reads in a sentence: "prone restraint", "minutes of physical restraint".</summary>
    public static string What(Measure measure)
    {
        var name = EnumNames.Of(measure);
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>"the week of 9 November 2026", or "October 2026".</summary>
    public static string PeriodName(DateOnly starts, ChartPeriod period) =>
        period == ChartPeriod.Week ? $"the week of {UkTime.Format(starts)}" : starts.ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>A count as a whole number; a mean or a limit to one decimal place.</summary>
    public static string Figure(double value) => value.ToString(value == Math.Floor(value) ? "0" : "0.0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"Look at the rise in prone restraint at Oakfield House": the task, and the page's heading.</summary>
    public static string Title(CreepAlert alert) =>
        $"Look at the rise in {What(alert.Measure)} {(alert.Person is { } person ? $"for {person.KnownAs}" : $"at {alert.Service?.Name}")}";

    /// <summary>
    /// A manager records that they have looked at the rise and what they will do; the alert then leaves every
    /// manager's tasks. Refused for a version another manager has already moved on.
    /// </summary>
    public async Task AcknowledgeAsync(Guid alertId, int versionUserSaw, string? note, CancellationToken ct = default)
    {
        var alert = await db.CreepAlerts.SingleOrDefaultAsync(a => a.Id == alertId, ct) ?? throw new RecordNotFoundException("The alert");
        db.Scope.Demand(Permission.ManageIncidents, alert.OrganisationId);
        ProportionDbContext.ClaimVersion(alert, versionUserSaw);
        if (alert.AcknowledgedAt is not null)
        {
            throw new RuleViolationException("", "This alert has already been acknowledged.");
        }
        if (string.IsNullOrWhiteSpace(note))
        {
            throw new RuleViolationException("Note", NoteMissing);
        }
        if (note.Trim().Length > CreepAlert.NoteMaxLength)
        {
            throw new RuleViolationException("Note", NoteTooLong);
        }
        alert.AcknowledgedAt = clock.GetUtcNow().UtcDateTime;
        alert.AcknowledgedById = db.Scope.UserId;
        alert.AcknowledgedByName = db.Scope.UserName.Length <= AppUser.DisplayNameMaxLength ? db.Scope.UserName : db.Scope.UserName[..AppUser.DisplayNameMaxLength];
        alert.AcknowledgementNote = note.Trim();
        audit.Record(alert.OrganisationId, AuditAction.Updated, nameof(CreepAlert), alert.Id,
            $"Acknowledged the rise in {What(alert.Measure)} ({EnumNames.Of(alert.Period).ToLowerInvariant()}) since {PeriodName(alert.SignalStarts, alert.Period)}",
            personId: alert.PersonId, changes: new ChangeSet().Set("What will be done", alert.AcknowledgementNote));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The alerts no manager has acknowledged yet, that the user's scope sees: for their tasks.</summary>
    public IQueryable<CreepAlert> Unacknowledged() =>
        db.CreepAlerts.Where(a => a.AcknowledgedAt == null).Include(a => a.Service).Include(a => a.Person).OrderBy(a => a.RaisedAt);

    private static DateOnly Previous(DateOnly start, ChartPeriod period) => period == ChartPeriod.Week ? start.AddDays(-7) : start.AddMonths(-1);
}
