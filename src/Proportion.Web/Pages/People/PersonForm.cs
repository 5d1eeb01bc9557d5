using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.People;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Pages.People;

/// <summary>A person's details as typed, shared by the add and change pages.</summary>
public sealed class PersonForm
{
    [Required(ErrorMessage = "Select the service the person uses")]
    public Guid? ServiceId { get; set; }

    [Required(ErrorMessage = "Enter the person's first name")]
    [StringLength(Person.NameMaxLength, ErrorMessage = "First name must be 100 characters or fewer")]
    public string? GivenName { get; set; }

    [Required(ErrorMessage = "Enter the person's last name")]
    [StringLength(Person.NameMaxLength, ErrorMessage = "Last name must be 100 characters or fewer")]
    public string? FamilyName { get; set; }

    [StringLength(Person.NameMaxLength, ErrorMessage = "Preferred name must be 100 characters or fewer")]
    public string? PreferredName { get; set; }

    public DateParts DateOfBirth { get; set; } = new();

    [StringLength(20, ErrorMessage = "NHS number must be 10 digits, like 943 476 5919")]
    public string? NhsNumber { get; set; }

    [StringLength(Person.CommunicationNeedsMaxLength, ErrorMessage = "Communication needs must be 2,000 characters or fewer")]
    public string? CommunicationNeeds { get; set; }

    public List<string> CommunicationMethods { get; set; } = [];

    public Guid? FundingCouncilId { get; set; }

    public Guid? SocialWorkerId { get; set; }

    public int Version { get; set; }

    /// <summary>Only when changing details: why, for the record's history.</summary>
    [StringLength(500, ErrorMessage = "Reason must be 500 characters or fewer")]
    public string? ChangeReason { get; set; }

    public static PersonForm From(Person p) => new()
    {
        ServiceId = p.ServiceId,
        GivenName = p.GivenName,
        FamilyName = p.FamilyName,
        PreferredName = p.PreferredName,
        DateOfBirth = DateParts.From(p.DateOfBirth),
        NhsNumber = p.NhsNumber is null ? null : Core.Model.NhsNumber.Format(p.NhsNumber),
        CommunicationNeeds = p.CommunicationNeeds,
        CommunicationMethods = Display.SplitFlags(p.CommunicationMethods),
        FundingCouncilId = p.FundingCouncilId,
        SocialWorkerId = p.SocialWorkerId,
        Version = p.Version,
    };

    /// <summary>Checks what attributes cannot (the date and the NHS number's check digit); null if invalid.</summary>
    public PersonDetails? Validate(ModelStateDictionary modelState, DateOnly today)
    {
        var dateOfBirth = DateOfBirth.Validate(modelState, "Input.DateOfBirth", "Date of birth");
        if (dateOfBirth > today)
        {
            modelState.AddModelError("Input.DateOfBirth", "Date of birth must be in the past");
        }
        else if (dateOfBirth < today.AddYears(-125))
        {
            modelState.AddModelError("Input.DateOfBirth", "Date of birth must be within the last 125 years");
        }
        string? nhs = null;
        if (!string.IsNullOrWhiteSpace(NhsNumber) && !Core.Model.NhsNumber.TryNormalise(NhsNumber, out nhs))
        {
            modelState.AddModelError("Input.NhsNumber", "Enter a valid NHS number: 10 digits, like 943 476 5919. Check it against the person's NHS letters, or leave it blank");
        }
        if (!modelState.IsValid || dateOfBirth is null)
        {
            return null;
        }
        return new PersonDetails(ServiceId!.Value, GivenName!, FamilyName!, PreferredName, dateOfBirth.Value, nhs,
            CommunicationNeeds, Display.CombineFlags<CommunicationMethods>(CommunicationMethods), FundingCouncilId, SocialWorkerId);
    }
}

/// <summary>The lists a person form chooses from, read within the user's scope.</summary>
public sealed class PersonFormOptions
{
    public List<SelectListItem> Services { get; private init; } = [];
    public List<SelectListItem> Councils { get; private init; } = [];
    public List<SelectListItem> SocialWorkers { get; private init; } = [];

    public static async Task<PersonFormOptions> LoadAsync(ProportionDbContext db)
    {
        var services = await db.Services.AsNoTracking().Where(s => s.OrganisationId == db.Scope.OrganisationId || db.Scope.Everything)
            .OrderBy(s => s.Name).Select(s => new SelectListItem(s.Name, s.Id.ToString())).ToListAsync();
        var councils = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Council)
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync();
        var socialWorkers = await (
            from u in db.Users
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            join o in db.Organisations on u.OrganisationId equals o.Id
            where r.Name == Roles.SocialWorker && u.IsActive && o.Kind == OrganisationKind.Council
            orderby u.DisplayName
            select new { u.Id, u.DisplayName, u.RegistrationNumber, Council = o.Name }).ToListAsync();
        return new PersonFormOptions
        {
            Services = [new SelectListItem("Select a service", ""), .. services],
            Councils = [new SelectListItem("Not funded by a council", ""), .. councils.Select(c => new SelectListItem(c.Name, c.Id.ToString()))],
            SocialWorkers = [new SelectListItem("No social worker allocated", ""),
                .. socialWorkers.Select(s => new SelectListItem($"{s.DisplayName} ({s.Council}{(s.RegistrationNumber is null ? "" : ", " + s.RegistrationNumber)})", s.Id.ToString()))],
        };
    }
}
