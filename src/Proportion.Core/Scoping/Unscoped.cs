using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Core.Scoping;

/// <summary>
/// The only reads that look past the user's scope, each with its reason. They return counts, never rows,
/// so nothing outside the scope can reach a page. IgnoreQueryFilters turns every filter off for the whole
/// query it appears in, so it is never used anywhere else (a test holds that), and never inside a query
/// that also returns rows.
/// </summary>
public static class Unscoped
{
    /// <summary>
    /// Everyone living in a service, whoever is asking. R12's blanket-rule check compares a restriction
    /// with the whole service, but a social worker or an inspector sees only some of its people.
    /// </summary>
    public static Task<int> PeopleInServiceAsync(ProportionDbContext db, Guid serviceId, CancellationToken ct = default) =>
        db.People.IgnoreQueryFilters().CountAsync(p => p.ServiceId == serviceId, ct);

    /// <summary>
    /// For R12's same check: how many people in a service have the same restriction in place (agreed or
    /// under review): the same category and <see cref="RestrictivePractice.SameRestrictionKey"/>. A proposal
    /// counts only when it is the practice being agreed. The caller names a restriction it can already see.
    /// </summary>
    public static Task<int> PeopleWithTheSameRestrictionAsync(ProportionDbContext db, Guid serviceId, PracticeCategory category, string sameRestrictionKey,
        Guid? practiceBeingAgreed = null, CancellationToken ct = default) =>
        db.Practices.IgnoreQueryFilters()
            .Where(p => p.ServiceId == serviceId && p.Category == category && p.SameRestrictionKey == sameRestrictionKey
                && (p.Status == PracticeStatus.Agreed || p.Status == PracticeStatus.UnderReview || p.Id == practiceBeingAgreed))
            .Select(p => p.PersonId).Distinct().CountAsync(ct);

    /// <summary>
    /// How many copies of a message (by its key) a user already has. Whoever sends a message once, such as a
    /// manager asking for agreement, cannot see other users' messages, yet must not tell anyone twice.
    /// </summary>
    public static Task<int> MessagesSentAsync(ProportionDbContext db, Guid userId, string key, CancellationToken ct = default) =>
        db.Notifications.IgnoreQueryFilters().CountAsync(n => n.UserId == userId && n.ReminderKey == key, ct);
    /// <summary>One provider's front-line staff, and how many of them hold in-date certified training (R15).</summary>
    public sealed record CertifiedStaff(int Staff, int Certified);

    /// <summary>
    /// For each provider given: its active staff who work in a service, and how many of them may use
    /// restrictive interventions today (R15: their latest training in them is in date, from an RRN certified
    /// provider whose certificate has not expired; the query twin of <see cref="CertifiedTraining.Gap"/>).
    /// The council's picture shows commissioners this share for the providers they fund, but training records
    /// are each provider's own, so only the two counts leave the query.
    /// </summary>
    public static async Task<Dictionary<Guid, CertifiedStaff>> CertifiedStaffAsync(ProportionDbContext db, IReadOnlyCollection<Guid> providerIds,
        DateOnly today, CancellationToken ct = default)
    {
        const TrainingCourse course = TrainingCourse.RestrictiveInterventions;
        var completedSince = RefresherInterval.EarliestCompletedInDate(course, today);
        var training = db.TrainingRecords.IgnoreQueryFilters();
        return await db.Users.IgnoreQueryFilters()
            .Where(u => providerIds.Contains(u.OrganisationId) && u.IsActive && db.ServiceAssignments.IgnoreQueryFilters().Any(a => a.UserId == u.Id))
            .Select(u => new
            {
                u.OrganisationId,
                Certified = training.Any(t => t.UserId == u.Id && t.Course == course
                    && !training.Any(later => later.UserId == t.UserId && later.Course == course
                        && (later.CompletedOn > t.CompletedOn || (later.CompletedOn == t.CompletedOn && later.RecordedAt > t.RecordedAt)))
                    && t.ExpiresOn >= today && t.CompletedOn >= completedSince
                    && t.Certification == RrnCertification.Certified && t.CertificateExpiresOn >= today),
            })
            .GroupBy(u => u.OrganisationId)
            .Select(g => new { g.Key, Staff = g.Count(), Certified = g.Count(u => u.Certified) })
            .ToDictionaryAsync(g => g.Key, g => new CertifiedStaff(g.Staff, g.Certified), ct);
    }
    /// <summary>What a provider's own records show against its contract's items (R27), as counts and one date.</summary>
    public sealed record ContractEvidenceCounts(int PracticesOnRegister, int IncidentsInYear, DateOnly? EarliestRecord, int Services,
        int ServicesAuditedInYear, int DeathsInYear, int DeathsToldToCqc, int SeriousInjuriesInYear, int SeriousInjuriesReviewed);

    /// <summary>
    /// For a council's contract checklist: what the provider's records show for the year to <paramref name="today"/>.
    /// The council sees only the people it funds, but a contract covers the provider's whole service, so the counts
    /// are the provider's; nothing but the counts and the date of the earliest record leaves the queries.
    /// </summary>
    public static async Task<ContractEvidenceCounts> ContractEvidenceAsync(ProportionDbContext db, Guid providerId, DateOnly today, CancellationToken ct = default)
    {
        var yearAgo = UkTime.EndOfDay(today.AddYears(-1));
        var practices = db.Practices.IgnoreQueryFilters().Where(p => p.OrganisationId == providerId);
        var incidents = db.Incidents.IgnoreQueryFilters().Where(i => i.OrganisationId == providerId);
        var inYear = incidents.Where(i => i.OccurredAt > yearAgo);
        var firstPractice = await practices.MinAsync(p => (DateOnly?)p.StartDate, ct);
        var firstIncident = await incidents.MinAsync(i => (DateTime?)i.OccurredAt, ct);
        DateOnly? earliest = firstIncident is { } at && (firstPractice is null || DateOnly.FromDateTime(UkTime.ToLondon(at)) < firstPractice)
            ? DateOnly.FromDateTime(UkTime.ToLondon(at)) : firstPractice;
        var audits = db.Monitoring.IgnoreQueryFilters()
            .Where(m => m.OrganisationId == providerId && m.Kind == MonitoringKind.SeniorAudit && m.Status == MonitoringStatus.Completed && m.CompletedOn > today.AddYears(-1));
        var toldCqc = db.IncidentNotifications.IgnoreQueryFilters().Where(n => n.Recipient == NotificationRecipient.Cqc && n.Told);
        return new ContractEvidenceCounts(
            await practices.CountAsync(ct),
            await inYear.CountAsync(ct),
            earliest,
            await db.Services.IgnoreQueryFilters().CountAsync(s => s.OrganisationId == providerId, ct),
            await audits.Select(m => m.ServiceId).Distinct().CountAsync(ct),
            await inYear.CountAsync(i => i.Died == true, ct),
            await inYear.CountAsync(i => i.Died == true && toldCqc.Any(n => n.IncidentId == i.Id), ct),
            await inYear.CountAsync(i => i.SeriousInjury == true, ct),
            await inYear.CountAsync(i => i.SeriousInjury == true && i.ManagerReviewedAt != null, ct));
    }
}
