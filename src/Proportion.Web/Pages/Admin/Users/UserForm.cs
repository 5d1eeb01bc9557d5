using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Scoping;
using Proportion.Core.Users;

namespace Proportion.Web.Pages.Admin.Users;

/// <summary>A user's details, roles and services as typed, shared by the add and change pages.</summary>
public sealed class UserForm
{
    [Required(ErrorMessage = "Enter the user's full name")]
    [StringLength(AppUser.DisplayNameMaxLength, ErrorMessage = "Name must be 100 characters or fewer")]
    public string? DisplayName { get; set; }

    [Required(ErrorMessage = "Enter the user's email address")]
    [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.com")]
    [StringLength(256, ErrorMessage = "Email address must be 256 characters or fewer")]
    public string? Email { get; set; }

    public List<string> Roles { get; set; } = [];

    public List<string> ServiceIds { get; set; } = [];

    [StringLength(20, ErrorMessage = "Registration number must be 20 characters or fewer")]
    public string? RegistrationNumber { get; set; }

    /// <summary>Only on the add page: the first password. Never shown back to the browser.</summary>
    [StringLength(256, ErrorMessage = "Password must be 256 characters or fewer")]
    public string? Password { get; set; }

    public UserDetails ToDetails() => new(DisplayName!, Email!, Roles,
        [.. ServiceIds.Select(s => Guid.TryParse(s, out var g) ? g : Guid.Empty)], RegistrationNumber);

    public static List<SelectListItem> RoleOptions(UserScope scope) =>
        [.. (scope.IsProviderStaff ? Core.Model.Roles.Provider : Core.Model.Roles.Council)
            .Select(r => new SelectListItem(Core.Model.Roles.DisplayName(r), r))];

    public static async Task<List<SelectListItem>> ServiceOptionsAsync(ProportionDbContext db) =>
        await db.Services.AsNoTracking().Where(s => s.OrganisationId == db.Scope.OrganisationId)
            .OrderBy(s => s.Name).Select(s => new SelectListItem(s.Name, s.Id.ToString())).ToListAsync();
}
