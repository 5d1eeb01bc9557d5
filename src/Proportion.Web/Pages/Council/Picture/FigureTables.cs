using Proportion.Core.Commissioning;

namespace Proportion.Web.Pages.Council.Picture;

/// <summary>Where a row's figures link: the records behind them, within the council's scope. Null for a total.</summary>
public sealed record FigureLinks(string People, string Practices, string Incidents, string Liberty);

/// <summary>One row of the council picture's tables: a provider, a service or a person, or the total.</summary>
public sealed record FigureRow(string Name, string? Href, PictureFigures Figures, FigureLinks? Links);

/// <summary>What <c>_Figures.cshtml</c> draws: the rows, what they are, and the incidents' window.</summary>
/// <param name="IdPrefix">Keeps the tables' ids unique when a page draws them twice.</param>
/// <param name="ByCategory">Whether to draw the practices by category for each row; the council's page, with a row per provider, draws it once for the total instead.</param>
public sealed record FigureTables(string RowHeading, IReadOnlyList<FigureRow> Rows, DateOnly IncidentsFrom, DateOnly Today, string IdPrefix = "", bool ByCategory = true);
