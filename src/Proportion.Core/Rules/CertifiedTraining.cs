using Proportion.Core.Model;

namespace Proportion.Core.Rules;

/// <summary>
/// R15 (§10; docs/rules.md): staff who use restrictive interventions hold in-date training in them, from a
/// provider certified against the Restraint Reduction Network Training Standards (CQC since April 2021).
/// Affiliates and providers working towards certification do not count: only certified training does.
/// </summary>
public static class CertifiedTraining
{
    public const string Rule = "R15";
    public const string Source = "§10, RRN Training Standards";

    /// <summary>The latest record of a course: the one in force.</summary>
    public static TrainingRecord? Latest(IEnumerable<TrainingRecord> records, TrainingCourse course) =>
        records.Where(r => r.Course == course).OrderBy(r => r.CompletedOn).ThenBy(r => r.RecordedAt).LastOrDefault();

    public static bool IsInDate(TrainingRecord? record, DateOnly today) => record is not null && record.RefresherDueOn >= today;

    /// <summary>True when the member of staff may use restrictive interventions under R15 on <paramref name="today"/>.</summary>
    public static bool Holds(IEnumerable<TrainingRecord> records, DateOnly today) => Gap(records, today) is null;

    /// <summary>Why not, in words for the manager; null when the training is in date and certified.</summary>
    public static string? Gap(IEnumerable<TrainingRecord> records, DateOnly today)
    {
        var latest = Latest(records, TrainingCourse.RestrictiveInterventions);
        return latest switch
        {
            null => "no training in restrictive interventions recorded",
            _ when latest.RefresherDueOn < today => $"training in restrictive interventions expired on {UkTime.Format(latest.RefresherDueOn)}",
            _ when latest.Certification != RrnCertification.Certified => "training in restrictive interventions is not from an RRN certified provider",
            _ when latest.CertificateExpiresOn is null => "the provider's RRN certificate has no expiry date recorded",
            _ when latest.CertificateExpiresOn < today => $"the provider's RRN certificate expired on {UkTime.Format(latest.CertificateExpiresOn.Value)}",
            _ => null,
        };
    }
}
