using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Panels;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Panels;

/// <summary>
/// A social worker of the council that funds the person records its risk enablement panel's meeting and decision,
/// once (R20, tools for risky choices): what every panel records, whether the person agreed to family and advocates
/// attending, and who shares responsibility for the risk. The referral is the provider's; the decision is the council's.
/// </summary>
[Requires(Permission.RecordEnablementPanelDecisions)]
public class CouncilDecideModel(ProportionDbContext db, PanelRecords panels) : PanelDecisionPageModel(db, panels)
{
    public override PanelKind Kind => PanelKind.RiskEnablement;
}
