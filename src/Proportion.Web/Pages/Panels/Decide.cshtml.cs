using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Panels;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Panels;

/// <summary>A senior manager records the provider's risk review panel's meeting and decision, once (R26).</summary>
[Requires(Permission.RecordPanelDecisions)]
[OwnOrganisationSubject]
public class DecideModel(ProportionDbContext db, PanelRecords panels) : PanelDecisionPageModel(db, panels)
{
    public override PanelKind Kind => PanelKind.RiskReview;
}
