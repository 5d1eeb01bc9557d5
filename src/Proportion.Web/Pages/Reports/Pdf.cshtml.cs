using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Model;
using Proportion.Core.Reporting;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Pdf;

namespace Proportion.Web.Pages.Reports;

/// <summary>The published yearly report as a PDF (<see cref="YearlyReportPdf"/>), for anyone; not found unless published.</summary>
public class PdfModel(YearlyReports reports, TimeProvider clock) : ProportionPageModel
{
    public async Task<IActionResult> OnGetAsync(Guid organisationId, int year)
    {
        if (await reports.PublishedAsync(organisationId, year) is not { } report)
        {
            return NotFound();
        }
        var pdf = YearlyReportPdf.Build(report, UkTime.Today(clock));
        return File(pdf, "application/pdf", FormHeaders.FileName("restrictive-practices-report", report.Organisation, year));
    }
}
