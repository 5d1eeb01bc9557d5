using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Pdf;

namespace Proportion.Web.Pages.Incidents;

/// <summary>An incident as a PDF (form CB1, <see cref="Cb1Pdf"/>): for everyone who may see the incident.</summary>
[Requires(Permission.ReadPeople)]
public class PrintModel(ProportionDbContext db, TimeProvider clock) : IncidentPageModel(db)
{
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var notifications = await Db.IncidentNotifications.AsNoTracking().Where(n => n.IncidentId == id).OrderBy(n => n.Recipient).ToListAsync();
        var amendments = await Db.IncidentAmendments.AsNoTracking().Where(a => a.IncidentId == id).OrderBy(a => a.AmendedAt).ToListAsync();
        var practice = Incident.PracticeId is { } practiceId
            ? await Db.Practices.Where(p => p.Id == practiceId).Select(p => p.Description).SingleOrDefaultAsync()
            : null;
        var userIds = new[] { Incident.RecordedById, Incident.ManagerReviewedById, Incident.FollowUpRecordedById }
            .OfType<Guid>().Concat(amendments.Select(a => a.AmendedById)).Distinct().ToList();
        var names = await Db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        var header = await FormHeaders.ForAsync(Db, clock, Incident.OrganisationId, Cb1Pdf.FormName, FormHeader.PersonLine(Person));
        var pdf = Cb1Pdf.Build(new Cb1Facts(Incident, practice, notifications, amendments,
            userId => userId is { } known && names.TryGetValue(known, out var name) ? name : "Unknown"), header);
        return File(pdf, "application/pdf", FormHeaders.FileName("cb1", Person.FamilyName, UkTime.ToLondon(Incident.OccurredAt).ToString("yyyy-MM-dd")));
    }
}
