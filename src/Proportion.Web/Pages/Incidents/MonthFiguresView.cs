using Proportion.Core.Incidents;

namespace Proportion.Web.Pages.Incidents;

/// <summary>What the monthly figures show (_MonthFigures): each month, the total, and where a month's incidents are listed, if anywhere.</summary>
public sealed record MonthFiguresView(IReadOnlyList<MonthFigures> Months, MonthFigures Total, Func<DateOnly, string>? MonthLink = null);
