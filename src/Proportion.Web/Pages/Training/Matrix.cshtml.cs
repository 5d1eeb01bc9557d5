using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Training;

/// <summary>
/// A service's training matrix (§10.7, R15): each member of staff against each course, with what has
/// expired, what is due within <see cref="DueSoonDays"/> days, and what was never done.
/// </summary>
[Requires(Permission.ReadTraining)]
[OwnOrganisationSubject]
public class MatrixModel(ProportionDbContext db, TimeProvider clock) : ProportionPageModel
{
    public const int DueSoonDays = 60;

    public sealed record Member(Guid Id, string Name, bool IsActive, IReadOnlyList<TrainingRecord> Records)
    {
        public TrainingRecord? Latest(TrainingCourse course) => CertifiedTraining.Latest(Records, course);
    }

    public Service Service => Subjects.Service!;
    public List<Member> Staff { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public IReadOnlyList<TrainingCourse> Courses { get; } = Enum.GetValues<TrainingCourse>();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var service = Service;
        Today = UkTime.Today(clock);
        var staff = await db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == service.OrganisationId && db.ServiceAssignments.Any(a => a.UserId == u.Id && a.ServiceId == id))
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName, u.IsActive }).ToListAsync();
        var ids = staff.Select(s => s.Id).ToList();
        var records = await db.TrainingRecords.AsNoTracking().Where(t => ids.Contains(t.UserId)).ToListAsync();
        Staff = [.. staff.Select(s => new Member(s.Id, s.DisplayName, s.IsActive, [.. records.Where(r => r.UserId == s.Id)]))];
        return Page();
    }

    /// <summary>"Expired", "Due soon", "In date" or "Not done": what a cell of the matrix says.</summary>
    public (string Text, string? Tag) Cell(TrainingRecord? record, bool restrictiveInterventions)
    {
        if (record is null)
        {
            return ("Not done", "govuk-tag--grey");
        }
        if (record.RefresherDueOn < Today)
        {
            return ($"Expired {UkTime.Format(record.RefresherDueOn)}", "govuk-tag--red");
        }
        if (restrictiveInterventions && CertifiedTraining.Gap([record], Today) is { } gap)
        {
            return ($"Not certified: {gap}", "govuk-tag--red");
        }
        return record.RefresherDueOn <= Today.AddDays(DueSoonDays)
            ? ($"Due by {UkTime.Format(record.RefresherDueOn)}", "govuk-tag--yellow")
            : ($"In date until {UkTime.Format(record.RefresherDueOn)}", null);
    }
}
