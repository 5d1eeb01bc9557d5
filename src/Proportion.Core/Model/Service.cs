using System.ComponentModel.DataAnnotations;

namespace Proportion.Core.Model;

/// <summary>A place or team where care is delivered: a care home, a supported living scheme, and so on.</summary>
public class Service : ITenantOwned, IVersioned
{
    public const int NameMaxLength = 200;
    public const int CqcLocationIdMaxLength = 20;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public required string Name { get; set; }
    public SettingType SettingType { get; set; }
    /// <summary>The CQC location id, e.g. 1-123456789; optional because not every setting is registered.</summary>
    public string? CqcLocationId { get; set; }
    /// <summary>
    /// The council for the area the service is in. Its safeguarding adults team receives the service's
    /// safeguarding concerns: the s.42 duty falls on the council where the adult is, whoever funds them.
    /// </summary>
    public Guid? LocalCouncilId { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; } = 1;
}

public enum SettingType
{
    [Display(Name = "Care home")] CareHome = 1,
    [Display(Name = "Nursing home")] NursingHome = 2,
    [Display(Name = "Supported living")] SupportedLiving = 3,
    [Display(Name = "Home care")] HomeCare = 4,
    [Display(Name = "Day service")] DayService = 5,
    [Display(Name = "Hospital")] Hospital = 6,
}
