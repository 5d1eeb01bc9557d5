using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Pdf;

namespace Proportion.Web.Pages.Monitoring;

/// <summary>A monitoring or audit of a service as a PDF (form RP3, <see cref="Rp3Pdf"/>): for those who may open the check itself.</summary>
[Requires(Permission.ServiceOpenList)]
public class PrintModel(ProportionDbContext db, TimeProvider clock) : MonitoringPageModel(db)
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid monitoringId)
    {
        var monitoring = Subjects.Monitoring!;
        var checks = await InFormOrderAsync(monitoring);
        monitoring.Actions = ActionsInOrder(monitoring);
        var header = await FormHeaders.ForAsync(Db, clock, Service.OrganisationId, Rp3Pdf.FormName, $"{Service.Name}: {KindName(monitoring.Kind)}");
        var pdf = Rp3Pdf.Build(monitoring, Service, checks, UkTime.Today(clock), header);
        return File(pdf, "application/pdf", FormHeaders.FileName("rp3", Service.Name, monitoring.DueOn.ToString("yyyy-MM-dd")));
    }
}
