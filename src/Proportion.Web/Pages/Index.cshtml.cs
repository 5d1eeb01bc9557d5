using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Incidents;
using Proportion.Core.Model;
using Proportion.Core.Oversight;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages;

/// <summary>The start page: where the user's work is, and what needs attention in what they can see.</summary>
public class IndexModel(ProportionDbContext db, TimeProvider clock) : ProportionPageModel
{
    public string OrganisationName { get; private set; } = "";
    public int People { get; private set; }
    public int Proposed { get; private set; }
    public int ReviewsOverdue { get; private set; }
    public bool CanReadPeople { get; private set; }
    public bool CanRecordIncidents { get; private set; }
    public bool ManagesIncidents { get; private set; }
    public int UnreadMessages { get; private set; }
    /// <summary>Incidents this user was involved in and has not reflected on (R13).</summary>
    public List<Incident> ReflectionsOwed { get; private set; } = [];
    public int AwaitingReview { get; private set; }
    /// <summary>Emergencies past their 48-hour review (R10), shown to managers and senior managers.</summary>
    public List<Incident> ReviewsOverdue48h { get; private set; } = [];
    /// <summary>Incidents that brought a practice's review forward (R8), not yet answered.</summary>
    public List<Incident> EarlyReviews { get; private set; } = [];

    public async Task OnGetAsync()
    {
        OrganisationName = await db.Organisations.Where(o => o.Id == Scope.OrganisationId).Select(o => o.Name).SingleOrDefaultAsync() ?? "";
        CanReadPeople = Scope.Allows(Permission.ReadPeople);
        if (CanReadPeople)
        {
            var today = UkTime.Today(clock);
            People = await db.People.CountAsync();
            Proposed = await db.Practices.CountAsync(p => p.Status == PracticeStatus.Proposed);
            ReviewsOverdue = await PracticeQueries.ReviewsOverdue(db.Practices, today).CountAsync();
        }
        UnreadMessages = await db.Notifications.CountAsync(n => n.UserId == Scope.UserId && n.ReadAt == null);
        CanRecordIncidents = Scope.Allows(Permission.RecordIncidents);
        if (CanRecordIncidents)
        {
            ReflectionsOwed = await IncidentQueries.ReflectionsOwed(db, Scope.UserId).Include(i => i.Person)
                .OrderBy(i => i.OccurredAt).AsNoTracking().ToListAsync();
        }
        ManagesIncidents = Scope.Allows(Permission.ManageIncidents);
        if (ManagesIncidents)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            AwaitingReview = await IncidentQueries.AwaitingManagerReview(db).CountAsync();
            ReviewsOverdue48h = await IncidentQueries.ManagerReviewsOverdue(db, now).Include(i => i.Person)
                .OrderBy(i => i.OccurredAt).AsNoTracking().ToListAsync();
            EarlyReviews = await IncidentQueries.EarlyReviewsPending(db).Include(i => i.Person)
                .OrderBy(i => i.OccurredAt).AsNoTracking().ToListAsync();
        }
    }
}
