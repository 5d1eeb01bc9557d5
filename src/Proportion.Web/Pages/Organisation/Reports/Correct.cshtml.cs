using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Model;
using Proportion.Core.Reporting;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Organisation.Reports;

/// <summary>Starts a correction of a published report (R17): a new version, with the reason, published again once the board signs it off.</summary>
[Requires(Permission.PublishYearlyReport)]
public class CorrectModel(YearlyReports reports) : ProportionPageModel
{
    public ReportingYear Year { get; private set; }

    [BindProperty(Name = "Input")]
    public ReasonForm Input { get; set; } = new();

    public sealed class ReasonForm
    {
        [StringLength(YearlyReportVersion.ReasonMaxLength, ErrorMessage = "The reason must be 2,000 characters or fewer")]
        public string? Reason { get; set; }

        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int year)
    {
        if (await reports.FindAsync(year) is not { } report || !report.IsPublished)
        {
            return NotFound();
        }
        if (report.Draft is not null)
        {
            return Redirect(Links.YearlyReport(year));
        }
        Year = new ReportingYear(year);
        Input.Version = report.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int year)
    {
        Year = new ReportingYear(year);
        if (!ModelState.IsValid || !await TryWriteAsync(() => reports.StartCorrectionAsync(year, Input.Version, Input.Reason)))
        {
            return Page();
        }
        Confirm("A new version has been started. Change what needs correcting, then publish it once the board has signed it off.");
        return Redirect(Links.YearlyReportEdit(year));
    }
}
