using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Reporting;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Reports;

/// <summary>
/// An organisation's yearly report (R17, §8.5) as the public reads it, with no sign-in: the latest published
/// version, and the earlier ones listed with their dates and why each was corrected. A draft, an unpublished
/// year or an unknown organisation is not found: only published versions are ever read.
/// </summary>
public class IndexModel(YearlyReports reports) : ProportionPageModel
{
    public PublishedReport Report { get; private set; } = null!;
    public Guid OrganisationId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid organisationId, int year)
    {
        if (await reports.PublishedAsync(organisationId, year) is not { } report)
        {
            return NotFound();
        }
        Report = report;
        OrganisationId = organisationId;
        return Page();
    }
}
