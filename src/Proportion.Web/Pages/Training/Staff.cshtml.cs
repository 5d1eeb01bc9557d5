using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Training;

/// <summary>One member of staff's training, newest first, and whether they may use restrictive interventions (R15).</summary>
[Requires(Permission.ReadTraining)]
public class StaffModel(ProportionDbContext db, TimeProvider clock) : ProportionPageModel
{
    public string Name { get; private set; } = "";
    public Guid UserId { get; private set; }
    public List<TrainingRecord> Records { get; private set; } = [];
    public string? Gap { get; private set; }
    public DateOnly Today { get; private set; }
    public bool CanRecord => Scope.Allows(Permission.RecordTraining);

    public async Task<IActionResult> OnGetAsync(Guid userId)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.OrganisationId == Scope.OrganisationId)
            .Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync();
        if (user is null)
        {
            return NotFound();
        }
        (UserId, Name) = (user.Id, user.DisplayName);
        Today = UkTime.Today(clock);
        Records = await db.TrainingRecords.AsNoTracking().Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CompletedOn).ThenByDescending(t => t.RecordedAt).ToListAsync();
        Gap = CertifiedTraining.Gap(Records, Today);
        return Page();
    }
}
