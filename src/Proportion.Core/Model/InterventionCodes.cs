using System.ComponentModel.DataAnnotations;

namespace Proportion.Core.Model;

/// <summary>
/// Restrictive intervention types. The values are the NHS England MHSDS national codes, so records export
/// to NHS returns as they are; social care needs types the list lacks, kept as local codes from 900.
/// For physical restraint the position is part of the type.
/// </summary>
public enum InterventionType
{
    [Display(Name = "Physical restraint: prone (face down)")] PhysicalProne = 1,
    [Display(Name = "Mechanical restraint")] Mechanical = 4,
    [Display(Name = "Seclusion")] Seclusion = 5,
    [Display(Name = "Segregation")] Segregation = 6,
    [Display(Name = "Physical restraint: standing")] PhysicalStanding = 7,
    [Display(Name = "Physical restraint: restrictive escort")] PhysicalRestrictiveEscort = 8,
    [Display(Name = "Physical restraint: supine (face up)")] PhysicalSupine = 9,
    [Display(Name = "Physical restraint: side")] PhysicalSide = 10,
    [Display(Name = "Physical restraint: seated")] PhysicalSeated = 11,
    [Display(Name = "Physical restraint: kneeling")] PhysicalKneeling = 12,
    [Display(Name = "Physical restraint: other position")] PhysicalOther = 13,
    [Display(Name = "Chemical restraint: injection (rapid tranquillisation)")] ChemicalRapidTranquillisation = 14,
    [Display(Name = "Chemical restraint: injection (not rapid tranquillisation)")] ChemicalInjection = 15,
    [Display(Name = "Chemical restraint: oral")] ChemicalOral = 16,
    [Display(Name = "Chemical restraint: other")] ChemicalOther = 17,
    [Display(Name = "Environmental restraint (for example, a locked door)")] LocalEnvironmental = 901,
    [Display(Name = "Enforced supervision")] LocalEnforcedSupervision = 902,
}

/// <summary>MHSDS restrictive intervention reason codes.</summary>
public enum InterventionReason
{
    [Display(Name = "Prevent violence to others")] PreventViolenceToOthers = 10,
    [Display(Name = "Prevent serious intentional self-harm")] PreventSelfHarm = 11,
    [Display(Name = "Prevent serious accidental injury to self")] PreventAccidentalInjury = 12,
    [Display(Name = "Lawfully give medicines or treatment")] AdministerMedicines = 13,
    [Display(Name = "Give personal care")] PersonalCare = 14,
    [Display(Name = "Give nasogastric (NG) feeding")] NasogastricFeeding = 15,
    [Display(Name = "Prevent extreme and prolonged over-activity")] PreventOverActivity = 16,
    [Display(Name = "Prevent otherwise dangerous behaviour")] PreventDangerousBehaviour = 17,
    [Display(Name = "Search for the safety of others")] Search = 18,
    [Display(Name = "Prevent absconding from lawful custody")] PreventAbsconding = 19,
    [Display(Name = "Other")] Other = 98,
    [Display(Name = "Not known")] NotKnown = 99,
}

public static class InterventionCodes
{
    /// <summary>The two-digit MHSDS code, or null for a local social care type the national list lacks.</summary>
    public static string? MhsdsCode(this InterventionType type) => (int)type < 900 ? ((int)type).ToString("00") : null;

    public static string MhsdsCode(this InterventionReason reason) => ((int)reason).ToString("00");

    /// <summary>
    /// Every type, least restrictive first, as the form lists them: staff look for the least restrictive option
    /// first, and prone restraint, which can kill, is last of the holds and never the one a list starts on.
    /// Supervision and the environment come before touch; escorts and holds by how much of the body they hold
    /// and how hard it is to breathe; then equipment, medicine (by mouth before an injection, rapid
    /// tranquillisation last) and being kept apart.
    /// </summary>
    public static readonly IReadOnlyList<InterventionType> LeastRestrictiveFirst =
    [
        InterventionType.LocalEnforcedSupervision,
        InterventionType.LocalEnvironmental,
        InterventionType.PhysicalRestrictiveEscort,
        InterventionType.PhysicalStanding,
        InterventionType.PhysicalSeated,
        InterventionType.PhysicalKneeling,
        InterventionType.PhysicalSide,
        InterventionType.PhysicalSupine,
        InterventionType.PhysicalOther,
        InterventionType.PhysicalProne,
        InterventionType.Mechanical,
        InterventionType.ChemicalOral,
        InterventionType.ChemicalOther,
        InterventionType.ChemicalInjection,
        InterventionType.ChemicalRapidTranquillisation,
        InterventionType.Segregation,
        InterventionType.Seclusion,
    ];

    /// <summary>Prone restraint is a red flag wherever it appears.</summary>
    public static bool IsProne(this InterventionType type) => type == InterventionType.PhysicalProne;

    public static bool IsRapidTranquillisation(this InterventionType type) => type == InterventionType.ChemicalRapidTranquillisation;

    /// <summary>Minutes of restraint, as the NHS counts them, are the minutes of physical restraint.</summary>
    public static bool IsPhysicalRestraint(this InterventionType type) =>
        type is InterventionType.PhysicalProne or (>= InterventionType.PhysicalStanding and <= InterventionType.PhysicalOther);
}
