using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Admin.Users;

[Requires(Permission.ManageUsers)]
public class IndexModel(ProportionDbContext db) : ProportionPageModel
{
    public sealed record Row(Guid Id, string Name, string Email, bool IsActive, bool TwoFactor, List<string> Roles);

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var orgId = Scope.OrganisationId;
        var users = await db.Users.AsNoTracking().Where(u => u.OrganisationId == orgId).OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.IsActive, u.TwoFactorEnabled }).ToListAsync();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           join u in db.Users on ur.UserId equals u.Id
                           where u.OrganisationId == orgId
                           select new { ur.UserId, r.Name }).ToListAsync();
        Rows = [.. users.Select(u => new Row(u.Id, u.DisplayName, u.Email ?? "", u.IsActive, u.TwoFactorEnabled,
            [.. roles.Where(r => r.UserId == u.Id).Select(r => Core.Model.Roles.DisplayName(r.Name!)).Order()]))];
    }
}
