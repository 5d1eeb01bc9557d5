using Proportion.Core.Rules;

namespace Proportion.Web.Pages.Plans.SupportPlan;

/// <summary>
/// One drawing of the budget and support risk matrix (R20, <c>_BudgetMatrix.cshtml</c>): support needed (rows,
/// high at the top) against support in place (columns), each cell naming its band in words, and the plan's
/// own cell marked in words as well as by its border.
/// </summary>
public sealed record BudgetMatrixView(string Caption, SupportLevel? Needed, SupportLevel? InPlace, string KnownAs)
{
    public static IEnumerable<SupportLevel> Rows => BudgetSupportMatrix.Levels.Reverse();
    public static IEnumerable<SupportLevel> Columns => BudgetSupportMatrix.Levels;

    public BudgetRiskBand? Band => BudgetSupportMatrix.BandOf(Needed, InPlace);

    public bool IsHere(SupportLevel needed, SupportLevel inPlace) => Needed == needed && InPlace == inPlace;

    /// <summary>The same tints as the 5 by 5 risk matrix: medium is its "moderate".</summary>
    public static string CellClass(SupportLevel needed, SupportLevel inPlace) => BudgetSupportMatrix.BandOf(needed, inPlace) switch
    {
        BudgetRiskBand.High => "app-risk-cell--high",
        BudgetRiskBand.Medium => "app-risk-cell--moderate",
        _ => "app-risk-cell--low",
    };
}
