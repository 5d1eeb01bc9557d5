using System.ComponentModel.DataAnnotations;

namespace Proportion.Core.Model;

/// <summary>
/// Someone who speaks for or with the person: family, friend, advocate, or a legal decision maker.
/// Part of the person's record (owned by <see cref="Person"/>), so it is scoped and versioned with them.
/// </summary>
public class Representative
{
    public const int NameMaxLength = 100;
    public const int RelationshipMaxLength = 100;
    public const int ContactMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    /// <summary>In the person's words where possible: "mother", "brother", "friend from church".</summary>
    public required string Relationship { get; set; }
    public string? ContactDetails { get; set; }
    public RepresentativeRoles Roles { get; set; }

    public const int AuthorityCoversMaxLength = 1000;
    /// <summary>
    /// For an attorney or deputy: what their authority covers, and any conditions or restrictions, as the
    /// registered LPA or the Court's order says (with its reference). Null when not recorded.
    /// </summary>
    public string? AuthorityCovers { get; set; }
}

/// <summary>
/// The legal standing a representative has. Attorneys, deputies and IMCAs must be consulted in
/// best-interests decisions (MCA s.4(7)); an attorney or deputy may be the decision maker.
/// </summary>
[Flags]
public enum RepresentativeRoles
{
    None = 0,
    [Display(Name = "Family member or friend")] FamilyOrFriend = 1,
    [Display(Name = "Named person to consult")] NamedPerson = 2,
    [Display(Name = "Lasting power of attorney for health and welfare")] LastingPowerOfAttorneyHealthAndWelfare = 4,
    [Display(Name = "Court-appointed deputy")] CourtAppointedDeputy = 8,
    [Display(Name = "Independent Mental Capacity Advocate (IMCA)")] IndependentMentalCapacityAdvocate = 16,
    [Display(Name = "Advocate")] Advocate = 32,
    [Display(Name = "Paid carer")] PaidCarer = 64,
}
