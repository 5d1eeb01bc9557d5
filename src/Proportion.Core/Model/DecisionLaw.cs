using System.ComponentModel.DataAnnotations;

namespace Proportion.Core.Model;

/// <summary>
/// What gives the provider lawful authority to use a restriction (checked by Rules.LegalBasisRules).
/// Decisions agreed before it was asked have none recorded and show "Not recorded".
/// </summary>
public enum LegalBasis
{
    [Display(Name = "The person's consent: they have capacity and agree")] Consent = 1,
    [Display(Name = "Best interests under the Mental Capacity Act, section 5: they lack capacity for this decision")] BestInterests = 2,
    [Display(Name = "A DoLS authorisation or a Court of Protection order")] DolsOrCourtOfProtection = 3,
    [Display(Name = "The Mental Health Act 1983")] MentalHealthAct = 4,
    [Display(Name = "Another court order or statute")] OtherCourtOrderOrStatute = 5,
}

/// <summary>
/// In what capacity someone was consulted. It decides whether there was anybody, other than people
/// paid to care for or treat the person, to consult (MCA s.40), which is when an IMCA is prompted.
/// </summary>
public enum ConsulteeKind
{
    [Display(Name = "Family, friend, named person, attorney or deputy (not paid)")] Unpaid = 1,
    [Display(Name = "Paid staff or a professional")] PaidOrProfessional = 2,
    [Display(Name = "Independent Mental Capacity Advocate (IMCA)")] Imca = 3,
}

/// <summary>Someone consulted about a best-interests decision (MCA s.4(7)): who, how they know the person, their view, when. Part of its decision.</summary>
public class DecisionConsultee
{
    public const int NameMaxLength = 100;
    public const int RelationshipMaxLength = 100;
    public const int ViewMaxLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public required string Relationship { get; set; }
    public ConsulteeKind Kind { get; set; }
    public required string View { get; set; }
    public DateOnly ConsultedOn { get; set; }
    /// <summary>The person's recorded representative this consultee was picked from, if any.</summary>
    public Guid? RepresentativeId { get; set; }
}
