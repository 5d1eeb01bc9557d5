using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Scoping;
using Proportion.Core.Rules;

namespace Proportion.Core.Training;

/// <summary>
/// Staff training records (§10.7, R15), kept by managers and administrators. A record is never changed:
/// a refresher or a correction is a new record, and the latest for a course is the one in force.
/// </summary>
public sealed class TrainingRecords(ProportionDbContext db, AuditTrail audit, TimeProvider clock)
{

    /// <summary>
    /// R15 for the staff given: why each may not use restrictive interventions today. Staff whose training is
    /// in date and certified are left out, so an empty answer means everyone may.
    /// </summary>
    public static async Task<Dictionary<Guid, string>> RestrictiveInterventionGapsAsync(ProportionDbContext db,
        IReadOnlyCollection<Guid> userIds, DateOnly today, CancellationToken ct = default)
    {
        if (userIds.Count == 0)
        {
            return [];
        }
        var training = await db.TrainingRecords.AsNoTracking()
            .Where(t => userIds.Contains(t.UserId) && t.Course == TrainingCourse.RestrictiveInterventions).ToListAsync(ct);
        return userIds.Distinct()
            .Select(id => (Id: id, Gap: CertifiedTraining.Gap(training.Where(t => t.UserId == id), today)))
            .Where(g => g.Gap is not null)
            .ToDictionary(g => g.Id, g => g.Gap!);
    }

    public async Task<TrainingRecord> RecordAsync(Guid userId, TrainingRecord record, CancellationToken ct = default)
    {
        db.Scope.Demand(Permission.RecordTraining);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId && u.OrganisationId == db.Scope.OrganisationId, ct)
            ?? throw new RecordNotFoundException("The member of staff");
        var errors = new Dictionary<string, string>();
        var today = UkTime.Today(clock);
        if (record.CompletedOn > today)
        {
            errors["CompletedOn"] = "The date completed must be today or in the past";
        }
        if (record.ExpiresOn <= record.CompletedOn)
        {
            errors["ExpiresOn"] = "The refresher date must be after the date completed";
        }
        else if (RefresherInterval.Check(record.Course, record.CompletedOn, record.ExpiresOn) is { } tooLate)
        {
            errors["ExpiresOn"] = tooLate.ToString();
        }
        if (record.Course == TrainingCourse.RestrictiveInterventions)
        {
            if (string.IsNullOrWhiteSpace(record.Provider))
            {
                errors["Provider"] = "Enter the training provider";
            }
            if (record.Certification is null)
            {
                errors["Certification"] = "Select the provider's certification against the RRN Training Standards";
            }
            if (record.Certification == RrnCertification.Certified && record.CertificateExpiresOn is null)
            {
                errors["CertificateExpiresOn"] = "Enter the date the provider's certificate expires";
            }
        }
        else if (record.Certification is not null || record.CertificateExpiresOn is not null)
        {
            // Dropping it quietly would leave the member of staff without the physical training R15 looks for.
            errors["Certification"] = $"Certification is recorded only for {EnumNames.Of(TrainingCourse.RestrictiveInterventions)}. "
                + "Choose that course if this was training in physical interventions, or leave the certification blank";
        }
        if (errors.Count > 0)
        {
            throw new RuleViolationException(errors);
        }
        record.OrganisationId = user.OrganisationId;
        record.UserId = user.Id;
        record.Provider = Text.OrNull(record.Provider);
        record.RecordedById = db.Scope.UserId;
        record.RecordedAt = clock.GetUtcNow().UtcDateTime;
        db.TrainingRecords.Add(record);
        audit.Record(user.OrganisationId, AuditAction.Created, nameof(TrainingRecord), record.Id, $"Recorded {record.Course} training for {user.DisplayName}",
            changes: new ChangeSet().Set("Course", record.Course).Set("Completed", record.CompletedOn).Set("Refresher due", record.ExpiresOn)
                .Set("Certification", record.Certification));
        await db.SaveChangesAsync(ct);
        return record;
    }
}
