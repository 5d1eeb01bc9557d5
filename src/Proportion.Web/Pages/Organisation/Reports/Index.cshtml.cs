using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Model;
using Proportion.Core.Reporting;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Organisation.Reports;

/// <summary>The organisation's yearly public reports (R17, §8.5): each year's draft and published versions, and starting the next.</summary>
[Requires(Permission.OrganisationOverview)]
[HandlerRequires("Start", Permission.PublishYearlyReport)]
public class IndexModel(YearlyReports reports, TimeProvider clock) : ProportionPageModel
{
    public List<YearlyReport> Reports { get; private set; } = [];
    /// <summary>The latest year that has ended, when it has no report yet: the one that can be started.</summary>
    public ReportingYear? CanStart { get; private set; }
    public bool MayWrite => Scope.Allows(Permission.PublishYearlyReport, Scope.OrganisationId);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostStartAsync(int year)
    {
        if (await TryWriteAsync(() => reports.StartAsync(year), _ => ""))
        {
            return Redirect(Links.YearlyReportEdit(year));
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Reports = await reports.ListAsync();
        var last = ReportingYear.LastEnded(UkTime.Today(clock));
        CanStart = Reports.Any(r => r.YearStarting == last.Starting) ? null : last;
    }
}
