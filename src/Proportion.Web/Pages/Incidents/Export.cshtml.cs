using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Incidents;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Incidents;

/// <summary>
/// A service's incidents as MHSDS MHS505 or MHS515 CSV, national columns only, or as the local file that goes
/// with them (who, in words, local types), with the list's filters. Exports are audited.
/// </summary>
[Requires(Permission.ManageIncidents)]
[OwnOrganisationSubject]
public class ExportModel(ProportionDbContext db, AuditTrail audit, TimeProvider clock) : ProportionPageModel
{
    [BindProperty(SupportsGet = true, Name = "Filter")]
    public IncidentFilter Filter { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, string table)
    {
        var service = Subjects.Service!;
        if (table is not ("mhs505" or "mhs515" or "local"))
        {
            return NotFound();
        }
        var query = Filter.Apply(db.Incidents.AsNoTracking().Where(i => i.ServiceId == id), ModelState, UkTime.Today(clock));
        if (query is null)
        {
            // The list page shows the same filter's errors in full.
            return Redirect(Links.ServiceIncidents(id, Filter.ToQueryString()));
        }
        var incidents = await query.Include(i => i.Person).AsSplitQuery().ToListAsync();
        var csv = table switch
        {
            "mhs505" => MhsdsExport.Mhs505(incidents),
            "mhs515" => MhsdsExport.Mhs515(incidents).Csv,
            _ => MhsdsExport.Local(incidents),
        };
        audit.Record(service.OrganisationId, AuditAction.Viewed, nameof(Service), service.Id,
            $"Exported {incidents.Count} incidents as {table.ToUpperInvariant()}");
        await db.SaveChangesAsync();
        var fileName = $"{(table == "local" ? "MHSDS-local-not-for-submission" : table.ToUpperInvariant())}-{service.Name.Replace(' ', '-')}-{UkTime.Today(clock):yyyy-MM-dd}.csv";
        return File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", fileName);
    }
}
