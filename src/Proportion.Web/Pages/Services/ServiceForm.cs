using System.ComponentModel.DataAnnotations;
using Proportion.Core.Model;
using Proportion.Core.Services;

namespace Proportion.Web.Pages.Services;

/// <summary>The fields of a service, shared by the add and change pages.</summary>
public sealed class ServiceForm
{
    [Required(ErrorMessage = "Enter the name of the service")]
    [StringLength(Service.NameMaxLength, ErrorMessage = "Name must be 200 characters or fewer")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Select the type of setting")]
    [EnumDataType(typeof(SettingType), ErrorMessage = "Select the type of setting")]
    public SettingType? SettingType { get; set; }

    [RegularExpression(@"^\s*1-[0-9]{6,11}\s*$", ErrorMessage = "Enter a CQC location id in the format 1-123456789, or leave it blank")]
    public string? CqcLocationId { get; set; }

    /// <summary>The council for the area the service is in: its safeguarding adults team receives the service's safeguarding concerns (R20).</summary>
    public Guid? LocalCouncilId { get; set; }

    /// <summary>The councils to choose from; filled by the page, never bound.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public List<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Councils { get; set; } = [];

    public int Version { get; set; }

    /// <summary>Only when changing details: why, for the history.</summary>
    [StringLength(500, ErrorMessage = "Reason must be 500 characters or fewer")]
    public string? ChangeReason { get; set; }

    public ServiceDetails ToDetails() => new(Name!, SettingType!.Value, CqcLocationId, LocalCouncilId);

    public static ServiceForm From(Service s) =>
        new() { Name = s.Name, SettingType = s.SettingType, CqcLocationId = s.CqcLocationId, LocalCouncilId = s.LocalCouncilId, Version = s.Version };

    /// <summary>Fills the list of councils to choose the local council from.</summary>
    public async Task LoadCouncilsAsync(ServiceManagement services) =>
        Councils = [new("Not set", ""), .. (await services.CouncilsAsync()).Select(c => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(c.Name, c.Id.ToString()))];
}
