using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Panels;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Panels;

/// <summary>A senior manager corrects a recorded risk review panel decision with a reason; the decision as recorded stays beside it (R26).</summary>
[Requires(Permission.RecordPanelDecisions)]
[OwnOrganisationSubject]
public class AmendModel(ProportionDbContext db, PanelRecords panels) : PanelAmendPageModel(db, panels)
{
    public override PanelKind Kind => PanelKind.RiskReview;
}
