using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Practices;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Practices;

/// <summary>
/// Form RP1, the person's register: every potentially restrictive practice in place, with the total,
/// so the cumulative restriction on one life is visible at a glance (procedure Appendix 1).
/// </summary>
[Requires(Permission.ReadPeople)]
public class RegisterModel(ProportionDbContext db, TimeProvider clock) : ProportionPageModel
{
    public Person Person => Subjects.Person!;
    public List<RestrictivePractice> InPlace { get; private set; } = [];
    /// <summary>Proposals: listed apart and never counted in the total, as nothing is agreed to start yet.</summary>
    public List<RestrictivePractice> Proposed { get; private set; } = [];
    public List<RestrictivePractice> Ended { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool CanEdit => Scope.Allows(Permission.EditPractices, Person.OrganisationId);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Today = UkTime.Today(clock);
        var practices = await db.Practices.AsNoTracking().Where(p => p.PersonId == id)
            .OrderBy(p => p.Status).ThenBy(p => p.StartDate).ToListAsync();
        InPlace = [.. practices.Where(p => p.IsInPlace)];
        Proposed = [.. practices.Where(p => p.Status == PracticeStatus.Proposed).OrderBy(p => p.CreatedAt)];
        Ended = [.. practices.Where(p => p.Status == PracticeStatus.Ended).OrderByDescending(p => p.EndDate)];
        return Page();
    }
}
