using System.ComponentModel.DataAnnotations;

namespace Proportion.Core.Model;

/// <summary>
/// One course a member of staff completed (§10.7). Records are never edited: a refresher is a new record,
/// and the latest for each course is the one in force. Training in restrictive interventions also carries
/// its provider's certification against the Restraint Reduction Network Training Standards (R15).
/// </summary>
public class TrainingRecord : ITenantOwned
{
    public const int ProviderMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid UserId { get; set; }
    public TrainingCourse Course { get; set; }
    public DateOnly CompletedOn { get; set; }
    /// <summary>When a refresher is due: never later than the course allows (<see cref="Rules.RefresherInterval"/>).</summary>
    public DateOnly ExpiresOn { get; set; }

    /// <summary>
    /// R15: when the refresher is due in fact: the date recorded, but never later than the course allows
    /// (<see cref="Rules.RefresherInterval"/>), so a record made before the bound existed cannot stay in date for ever.
    /// Every "in date", "due" and "expired" reads this, never <see cref="ExpiresOn"/>.
    /// </summary>
    public DateOnly RefresherDueOn => Rules.RefresherInterval.DueOn(Course, CompletedOn, ExpiresOn);
    /// <summary>Who delivered it: "Bild ACT certified: Safer Care Training Ltd".</summary>
    public string? Provider { get; set; }
    /// <summary>For training in restrictive interventions: the provider's certification against the RRN standards.</summary>
    public RrnCertification? Certification { get; set; }
    public DateOnly? CertificateExpiresOn { get; set; }
    public Guid RecordedById { get; set; }
    public DateTime RecordedAt { get; set; }
}

/// <summary>The courses of §10.7, and training in the restrictive interventions themselves.</summary>
public enum TrainingCourse
{
    [Display(Name = "Safeguarding adults")] SafeguardingAdults = 1,
    [Display(Name = "Mental Capacity Act")] MentalCapacityAct = 2,
    [Display(Name = "Deprivation of Liberty Safeguards")] DeprivationOfLiberty = 3,
    /// <summary>Recognising, questioning and reducing restrictions: no physical techniques, so no RRN certification.</summary>
    [Display(Name = "Restrictive practices awareness")] RestrictivePractices = 4,
    [Display(Name = "Managing risk")] ManagingRisk = 5,
    [Display(Name = "Mental Health Act")] MentalHealthAct = 6,
    [Display(Name = "Positive behaviour support")] PositiveBehaviourSupport = 7,
    /// <summary>Training in physical interventions themselves: the course R15 asks for, with the provider's RRN certification.</summary>
    [Display(Name = "Restrictive interventions (physical)")] RestrictiveInterventions = 8,
}

/// <summary>A training provider's standing against the Restraint Reduction Network Training Standards.</summary>
public enum RrnCertification
{
    [Display(Name = "Certified")] Certified = 1,
    [Display(Name = "Affiliate")] Affiliate = 2,
    [Display(Name = "Working towards certification")] WorkingTowards = 3,
    [Display(Name = "Not certified")] NotCertified = 4,
}
