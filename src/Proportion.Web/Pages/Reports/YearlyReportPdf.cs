using System.Globalization;
using Proportion.Core.Model;
using Proportion.Core.Reporting;
using Proportion.Web.Infrastructure.Pdf;

namespace Proportion.Web.Pages.Reports;

/// <summary>
/// A published yearly report (R17) on paper: the same words and the same figures as the public page, every
/// count through the small-number rule (<see cref="PublicFigures"/>), the tables, and the months drawn as
/// lines. It is built from the version's frozen figures, so it reads nothing else and costs the same for any
/// number of incidents.
/// </summary>
public static class YearlyReportPdf
{
    public const string FormName = "Restrictive practices report";

    public static byte[] Build(PublishedReport report, DateOnly today)
    {
        var v = report.Latest;
        var f = report.Figures;
        var header = new FormHeader(report.Organisation, $"{FormName} {report.Year}", $"{UkTime.Format(report.Year.FirstDay)} to {UkTime.Format(report.Year.LastDay)}", today);
        var pdf = new PrintedForm(header, $"{report.Organisation}: restrictive practices report {report.Year}");
        pdf.Title($"Restrictive practices report, {report.Year}");
        pdf.Paragraph($"How {report.Organisation} used restrictive interventions from {UkTime.Format(report.Year.FirstDay)} to {UkTime.Format(report.Year.LastDay)}, why, and what it is doing to reduce them. This report contains no personal information.");
        pdf.Answer("Signed off for the board by", $"{v.SignedForBoardBy}, {v.SignedForBoardRole}, at the board meeting on {UkTime.Format(v.BoardMeetingOn)}");
        pdf.Answer("Published", $"{UkTime.Format(v.PublishedAt!.Value)} (version {v.Number})");
        if (v.CorrectionReason is { } reason)
        {
            pdf.Answer("Why this version was published", reason);
        }

        pdf.Heading("Did restriction fall?");
        pdf.Paragraph(f.Summary, bold: true);
        Compare(pdf, "Measure", f.Comparison, f.Year, withChange: true);

        pdf.Heading("Training");
        pdf.Paragraph(f.Training);
        pdf.Answer("The training strategy", v.TrainingStrategy);

        pdf.Heading("Restrictive interventions used");
        if (f.Types.Count == 0)
        {
            pdf.Paragraph("No restrictive interventions were recorded in either year.");
        }
        else
        {
            Compare(pdf, "Type", f.Types, f.Year);
        }

        pdf.Heading("Why they were used");
        pdf.Paragraph(v.WhyUsed ?? "");
        if (f.Reasons.Count > 0)
        {
            Compare(pdf, "Reason", f.Reasons, f.Year);
        }

        pdf.Heading("Significant injuries");
        Compare(pdf, "What happened", f.Harm, f.Year);

        pdf.Heading("Reducing restrictive practice");
        pdf.Paragraph(v.ReductionStrategies ?? "");

        pdf.Heading("Month by month");
        var months = f.Months.Select(m => m.Month.ToString("MMM", CultureInfo.GetCultureInfo("en-GB"))).ToList();
        pdf.LineChart($"Restrictive interventions each month, {f.Year} against {f.Year.Before}. Months with fewer than 5 are left as gaps.", months,
        [
            (f.Year.ToString(), [.. f.Months.Select(m => (double?)m.Interventions.Value)]),
            (f.Year.Before.ToString(), [.. f.Months.Select(m => (double?)m.InterventionsYearBefore.Value)]),
        ]);
        if (f.Signals.Count == 0)
        {
            pdf.Paragraph("No month stood out from the normal variation (NHS Making Data Count rules, over both years).");
        }
        foreach (var signal in f.Signals)
        {
            pdf.Paragraph(signal);
        }
        pdf.Table([("Month", 2), ("Incidents", 1.2), ("Interventions", 1.2), ("Interventions a year before", 1.6)],
            f.Months.Select(m => (IReadOnlyList<string>)[m.Name, m.Incidents.ToString(), m.Interventions.ToString(), m.InterventionsYearBefore.ToString()]));

        if (report.Earlier.Count > 0)
        {
            pdf.Heading("Earlier versions");
            foreach (var earlier in report.Earlier)
            {
                var next = report.Earlier.Prepend(v).Where(x => x.Number > earlier.Number).MinBy(x => x.Number)!;
                pdf.Paragraph($"Version {earlier.Number}, published {UkTime.Format(earlier.PublishedAt!.Value)}. Replaced by version {next.Number} on {UkTime.Format(next.PublishedAt!.Value)}: {next.CorrectionReason}");
            }
        }
        pdf.Paragraph($"To protect people's privacy, counts from 1 to 4 are shown as \"{SmallNumbers.FewerThanFive}\" and other counts are rounded to the nearest 5 (the NHS small-number rule). A percentage is not shown where it would be worked out from such small numbers.");
        return pdf.ToBytes();
    }

    private static void Compare(PrintedForm pdf, string first, IReadOnlyList<ComparedCount> rows, ReportingYear year, bool withChange = false) =>
        pdf.Table(withChange ? [(first, 3), (year.ToString(), 1.3), (year.Before.ToString(), 1.3), ("Change", 1.5)] : [(first, 3), (year.ToString(), 1.3), (year.Before.ToString(), 1.3)],
            rows.Select(r => (IReadOnlyList<string>)(withChange ? [r.Name, r.ThisYear.ToString(), r.YearBefore.ToString(), r.Change] : [r.Name, r.ThisYear.ToString(), r.YearBefore.ToString()])));
}
