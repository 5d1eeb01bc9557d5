using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Services;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Services;

[Requires(Permission.ReadServices)]
public class IndexModel(ProportionDbContext db) : ProportionPageModel
{
    public sealed record Row(Guid Id, string Name, SettingType SettingType, string? CqcLocationId, int People, int PracticesInPlace);

    public List<Row> Rows { get; private set; } = [];
    public bool CanAdd => Scope.Allows(Permission.ManageServices);

    public async Task OnGetAsync()
    {
        // Counts go through the filtered sets, so a council user counts only their own people.
        Rows = await db.Services.AsNoTracking().OrderBy(s => s.Name)
            .Select(s => new Row(s.Id, s.Name, s.SettingType, s.CqcLocationId,
                db.People.Count(p => p.ServiceId == s.Id),
                db.Practices.Count(p => p.ServiceId == s.Id && (p.Status == PracticeStatus.Agreed || p.Status == PracticeStatus.UnderReview))))
            .ToListAsync();
    }
}
