using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Incidents;
using Proportion.Core.Model;
using Proportion.Core.Rules;
using Proportion.Core.Tasks;
using Proportion.Web.Infrastructure;
using TasksPage = Proportion.Web.Pages.Tasks.IndexModel;

namespace Proportion.Web.Pages;

/// <summary>
/// The start page: what is urgent now for this user, by role, each figure a link to what it counts. Managers see the
/// 48-hour clocks running on emergencies; anyone who agrees restrictions sees the sign-offs waiting for them; care
/// workers see their reflections and the guidelines to read. Everything comes from My tasks, so a task done leaves
/// both at once.
/// </summary>
public class IndexModel(ProportionDbContext db, MyTasks myTasks, TimeProvider clock) : ProportionPageModel
{
    /// <summary>How many of each urgent kind the page lists before "see all".</summary>
    public const int Shown = 5;

    public sealed record EmergencyClock(Incident Incident, DateTime DueAt, TimeSpan Left);

    public string OrganisationName { get; private set; } = "";
    public int People { get; private set; }
    public bool CanReadPeople { get; private set; }
    public bool CanRecordIncidents { get; private set; }
    public int UnreadMessages { get; private set; }
    public IReadOnlyList<TaskItem> Tasks { get; private set; } = [];
    public IReadOnlyList<TaskGroupFigure> TaskFigures { get; private set; } = [];
    /// <summary>Emergencies whose 48-hour review with the person is not yet done (R10), soonest due first.</summary>
    public List<EmergencyClock> EmergencyClocks { get; private set; } = [];
    /// <summary>Incidents that brought a practice's review forward (R8), not yet answered.</summary>
    public List<Incident> EarlyReviews { get; private set; } = [];

    public sealed record TaskGroupFigure(string Id, string Title, int Count);

    public IEnumerable<TaskItem> OfKind(TaskKind kind) => Tasks.Where(t => t.Kind == kind);

    public async Task OnGetAsync()
    {
        OrganisationName = await db.Organisations.Where(o => o.Id == Scope.OrganisationId).Select(o => o.Name).SingleOrDefaultAsync() ?? "";
        CanReadPeople = Scope.Allows(Permission.ReadPeople);
        if (CanReadPeople)
        {
            People = await db.People.CountAsync();
        }
        UnreadMessages = await db.Notifications.CountAsync(n => n.UserId == Scope.UserId && n.ReadAt == null);
        CanRecordIncidents = Scope.Allows(Permission.RecordIncidents);

        Tasks = await myTasks.ForMeAsync();
        TaskFigures = [.. TasksPage.Group(Tasks, UkTime.Today(clock)).Select(g => new TaskGroupFigure(g.Id, g.Title, g.Tasks.Count))];

        if (Scope.Allows(Permission.ManageIncidents))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var emergencies = await IncidentQueries.AwaitingManagerReview(db).Where(i => i.Kind == IncidentKind.Emergency)
                .Include(i => i.Person).OrderBy(i => i.OccurredAt).AsNoTracking().ToListAsync();
            EmergencyClocks = [.. emergencies.Select(i => IncidentDuties.ManagerReviewDue(i) is { } due ? new EmergencyClock(i, due, due - now) : null)
                .OfType<EmergencyClock>()];
            EarlyReviews = await IncidentQueries.EarlyReviewsPending(db).Include(i => i.Person)
                .OrderBy(i => i.OccurredAt).AsNoTracking().ToListAsync();
        }
    }
}
