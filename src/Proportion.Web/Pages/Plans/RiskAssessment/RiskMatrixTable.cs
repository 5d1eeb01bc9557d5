using Proportion.Core.Plans.RiskAssessments;
using Proportion.Core.Rules;

namespace Proportion.Web.Pages.Plans.RiskAssessment;

/// <summary>
/// One drawing of the 5 by 5 risk matrix (R24, <c>_RiskMatrix.cshtml</c>): where each risk sits as first
/// assessed, or with what reduces it in place. A risk not yet placed (its likelihood or impact not chosen) is
/// listed under the table instead.
/// </summary>
public sealed record RiskMatrixTable(string Caption, bool WithWhatReducesIt, IReadOnlyList<RiskMatrixTable.Entry> Risks)
{
    public sealed record Entry(AssessedRisk Risk, string Href);

    public IEnumerable<Entry> In(int likelihood, int impact) => Risks.Where(r => PositionOf(r.Risk) == (likelihood, impact));

    public IEnumerable<Entry> NotPlaced => Risks.Where(r => PositionOf(r.Risk) is null);

    public string CellClass(int likelihood, int impact) => "app-risk-cell--" + RiskMatrix.BandName(RiskMatrix.BandOf(likelihood, impact));

    private (int Likelihood, int Impact)? PositionOf(AssessedRisk risk)
    {
        var (likelihood, impact) = WithWhatReducesIt ? (risk.ResidualLikelihood, risk.ResidualImpact) : (risk.Likelihood, (int?)risk.Impact);
        return likelihood is { } l && impact is { } i && RiskMatrix.IsOnScale(l) && RiskMatrix.IsOnScale(i) ? (l, i) : null;
    }

    /// <summary>The two drawings every risk assessment shows: as first assessed, and with what reduces each risk in place.</summary>
    public static IReadOnlyList<RiskMatrixTable> Pair(string whose, IEnumerable<AssessedRisk> risks, Func<AssessedRisk, string> href)
    {
        var entries = risks.Select(r => new Entry(r, href(r))).ToList();
        return
        [
            new($"{whose} risks as first assessed", false, entries),
            new($"{whose} risks with what reduces them in place", true, entries),
        ];
    }
}
