using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Model;
using Proportion.Core.Reporting;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Organisation.Reports;

/// <summary>
/// The senior manager writes the draft's words (R17): the training strategy, why restrictive interventions
/// were used, in general terms, and the reduction strategies and how they went. Saving works the figures out again.
/// </summary>
[Requires(Permission.PublishYearlyReport)]
public class EditModel(YearlyReports reports) : ProportionPageModel
{
    public ReportingYear Year { get; private set; }

    [BindProperty(Name = "Input")]
    public WordsForm Input { get; set; } = new();

    public sealed class WordsForm
    {
        [StringLength(YearlyReportVersion.TextMaxLength, ErrorMessage = "The training strategy must be 8,000 characters or fewer")]
        public string? TrainingStrategy { get; set; }

        [StringLength(YearlyReportVersion.TextMaxLength, ErrorMessage = "Why they were used must be 8,000 characters or fewer")]
        public string? WhyUsed { get; set; }

        [StringLength(YearlyReportVersion.TextMaxLength, ErrorMessage = "The reduction strategies must be 8,000 characters or fewer")]
        public string? ReductionStrategies { get; set; }

        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int year)
    {
        if (await reports.FindAsync(year) is not { } report)
        {
            return NotFound();
        }
        if (report.Draft is not { } draft)
        {
            return Redirect(Links.YearlyReport(year));
        }
        Year = new ReportingYear(year);
        Input = new WordsForm
        {
            TrainingStrategy = draft.TrainingStrategy, WhyUsed = draft.WhyUsed, ReductionStrategies = draft.ReductionStrategies, Version = report.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int year)
    {
        Year = new ReportingYear(year);
        if (!ModelState.IsValid
            || !await TryWriteAsync(() => reports.SaveDraftAsync(year, Input.Version, Input.TrainingStrategy, Input.WhyUsed, Input.ReductionStrategies)))
        {
            return Page();
        }
        Confirm("The draft has been saved and its figures worked out again.");
        return Redirect(Links.YearlyReport(year));
    }
}
