using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Model;
using Proportion.Core.Reporting;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Forms;
using Proportion.Web.Infrastructure.Subjects;
using Proportion.Web.Pages.Reports;

namespace Proportion.Web.Pages.Organisation.Reports;

/// <summary>
/// One year's report inside the organisation. With a draft it is the check page: the draft exactly as the
/// public will read it, what it still needs, and the board's sign-off to publish it. Without one, the
/// version in force, every version kept, and the way to correct it (R17).
/// </summary>
[Requires(Permission.OrganisationOverview)]
[HandlerRequires("Publish", Permission.PublishYearlyReport)]
public class YearModel(YearlyReports reports) : ProportionPageModel
{
    public YearlyReport Report { get; private set; } = null!;
    public ReportingYear Year => new(Report.YearStarting);
    public YearlyReportVersion? Draft => Report.Draft;
    public YearlyReportVersion? InForce => Report.Published.FirstOrDefault();
    public Dictionary<string, string> Gaps { get; private set; } = [];
    public bool MayWrite => Scope.Allows(Permission.PublishYearlyReport, Scope.OrganisationId);

    [BindProperty(Name = "Input")]
    public PublishForm Input { get; set; } = new();

    public sealed class PublishForm
    {
        [StringLength(YearlyReportVersion.NameMaxLength, ErrorMessage = "The name must be 100 characters or fewer")]
        public string? SignedForBoardBy { get; set; }

        [StringLength(YearlyReportVersion.NameMaxLength, ErrorMessage = "The role must be 100 characters or fewer")]
        public string? SignedForBoardRole { get; set; }

        public DateParts BoardMeetingOn { get; set; } = new();

        public int Version { get; set; }
    }

    /// <summary>The version and its figures as the public page would draw them.</summary>
    public ReportView? View(YearlyReportVersion? version) =>
        version is null || ReportFigures.FromJson(version.FiguresJson) is not { } figures ? null : new ReportView(version, PublicFigures.From(figures));

    public async Task<IActionResult> OnGetAsync(int year)
    {
        if (!await LoadAsync(year))
        {
            return NotFound();
        }
        Input.Version = Report.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(int year)
    {
        if (!await LoadAsync(year))
        {
            return NotFound();
        }
        var meeting = Input.BoardMeetingOn.Validate(ModelState, "Input.BoardMeetingOn", "The date of the board meeting", required: false);
        if (!ModelState.IsValid || !await TryWriteAsync(() => reports.PublishAsync(year, Input.Version, Input.SignedForBoardBy, Input.SignedForBoardRole, meeting)))
        {
            return Page();
        }
        Confirm($"The report for {new ReportingYear(year)} has been published.");
        return Redirect(Links.YearlyReport(year));
    }

    private async Task<bool> LoadAsync(int year)
    {
        if (await reports.FindAsync(year) is not { } report)
        {
            return false;
        }
        Report = report;
        Gaps = Draft is null ? [] : YearlyReports.Gaps(Draft);
        return true;
    }
}
