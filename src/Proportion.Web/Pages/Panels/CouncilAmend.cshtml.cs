using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Panels;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Panels;

/// <summary>A social worker of the funding council corrects its risk enablement panel's recorded decision with a reason; the original stays beside it (R20, R26).</summary>
[Requires(Permission.RecordEnablementPanelDecisions)]
public class CouncilAmendModel(ProportionDbContext db, PanelRecords panels) : PanelAmendPageModel(db, panels)
{
    public override PanelKind Kind => PanelKind.RiskEnablement;
}
