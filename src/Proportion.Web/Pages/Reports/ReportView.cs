using Proportion.Core.Model;
using Proportion.Core.Reporting;

namespace Proportion.Web.Pages.Reports;

/// <summary>A version of a yearly report and its figures as the public sees them: what the shared partial draws.</summary>
public sealed record ReportView(YearlyReportVersion Version, PublicFigures Figures);

/// <summary>One table of the report: each row this year against the year before, as published.</summary>
public sealed record ReportTable(string Caption, string FirstColumn, IReadOnlyList<ComparedCount> Rows, ReportingYear Year, bool ShowChange);
