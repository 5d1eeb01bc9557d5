using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Incidents;
using Proportion.Core.Model;
using Proportion.Core.Rules;
using Proportion.Core.Training;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Incidents;

/// <summary>One incident as recorded, with its corrections beside the original and what must still follow it.</summary>
[Requires(Permission.ReadPeople)]
public class ViewModel(ProportionDbContext db, TimeProvider clock) : IncidentPageModel(db)
{
    public IReadOnlyList<IncidentDuty> Duties { get; private set; } = [];
    public List<IncidentNotification> Notifications { get; private set; } = [];
    public List<IncidentReflection> Reflections { get; private set; } = [];
    public List<IncidentAmendment> Amendments { get; private set; } = [];
    public Dictionary<Guid, string> UserNames { get; private set; } = [];
    public string? PracticeDescription { get; private set; }
    public bool CanManage { get; private set; }
    public bool CanAmend { get; private set; }
    public bool CanReadReflections { get; private set; }
    public bool OwesReflection { get; private set; }
    public bool ReviewOverdue { get; private set; }
    /// <summary>R20: an allegation of abuse was recorded, and the user may raise a safeguarding concern from it.</summary>
    public bool PromptSafeguarding { get; private set; }
    /// <summary>R20: concerns raised from this incident that the user may see, and where each is read.</summary>
    public List<(DateTime RaisedAt, SafeguardingStatus Status, string Link)> SafeguardingConcerns { get; private set; } = [];
    /// <summary>R15: staff involved without in-date certified training in restrictive interventions, and why.</summary>
    public List<(string Name, string Gap)> UntrainedStaff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Notifications = await Db.IncidentNotifications.AsNoTracking().Where(n => n.IncidentId == id).OrderBy(n => n.Recipient).ToListAsync();
        Reflections = await Db.IncidentReflections.AsNoTracking().Where(r => r.IncidentId == id).OrderBy(r => r.WrittenAt).ToListAsync();
        Amendments = await Db.IncidentAmendments.AsNoTracking().Where(a => a.IncidentId == id).OrderBy(a => a.AmendedAt).ToListAsync();
        PracticeDescription = Incident.PracticeId is { } practiceId
            ? await Db.Practices.Where(p => p.Id == practiceId).Select(p => p.Description).SingleOrDefaultAsync()
            : null;
        var userIds = new[] { Incident.RecordedById, Incident.ManagerReviewedById, Incident.FollowUpRecordedById }
            .OfType<Guid>().Concat(Reflections.Select(r => r.UserId)).Concat(Amendments.Select(a => a.AmendedById))
            .Concat(Notifications.Select(n => n.RecordedById).OfType<Guid>()).Distinct().ToList();
        UserNames = await Db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);

        var now = clock.GetUtcNow().UtcDateTime;
        Duties = IncidentDuties.For(Incident, Notifications, Reflections.Select(r => r.UserId).ToList(), now);
        ReviewOverdue = IncidentDuties.ManagerReviewOverdue(Incident, now);
        CanManage = Scope.Allows(Permission.ManageIncidents, Incident.OrganisationId);
        CanAmend = Scope.MayAmend(Incident);
        OwesReflection = Scope.MayReflectOn(Incident) && Reflections.All(r => r.UserId != Scope.UserId);
        // Reflections are written for the team's learning: managers and inspectors read them all, staff their own.
        CanReadReflections = Scope.Allows(Permission.ReadReflections);
        PromptSafeguarding = Incident.AbuseOrAllegation && Scope.Allows(Permission.RaiseSafeguarding, Incident.OrganisationId);
        var readsConcerns = Scope.Allows(Permission.ReadSafeguarding);
        SafeguardingConcerns = [.. (await Db.SafeguardingConcerns.AsNoTracking().Where(c => c.IncidentId == id && (readsConcerns || c.RaisedById == Scope.UserId))
                .OrderBy(c => c.RaisedAt).Select(c => new { c.Id, c.PersonId, c.RaisedAt, c.Status }).ToListAsync())
            .Select(c => (c.RaisedAt, c.Status, c.Status == SafeguardingStatus.Draft ? Links.SafeguardingCheck(c.PersonId, c.Id)
                : readsConcerns ? Links.SafeguardingConcern(c.PersonId, c.Id) : Links.SafeguardingReceipt(c.PersonId, c.Id)))];
        if (!CanReadReflections)
        {
            Reflections = Reflections.Where(r => r.UserId == Scope.UserId).ToList();
        }

        if (Scope.Allows(Permission.ReadTraining))
        {
            // R15: those who keep and check training are told; the training records' own filter keeps
            // another organisation's out.
            var gaps = await TrainingRecords.RestrictiveInterventionGapsAsync(Db,
                [.. Incident.Staff.Where(m => m.UserId is not null).Select(m => m.UserId!.Value)], UkTime.Today(clock));
            UntrainedStaff = [.. Incident.Staff.Where(m => m.UserId is { } id && gaps.ContainsKey(id)).Select(m => (m.Name, gaps[m.UserId!.Value]))];
        }

        return Page();
    }

    /// <summary>A fact as it now stands, after any corrections.</summary>
    public string? Current(string field) => IncidentRecords.CurrentValue(Incident, Amendments, field);

    public IEnumerable<IncidentAmendment> AmendmentsOf(string field) => Amendments.Where(a => a.Field == field);

    public string NameOf(Guid? userId) => userId is { } id && UserNames.TryGetValue(id, out var name) ? name : "Unknown";
}
