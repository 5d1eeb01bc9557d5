using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Panels;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Panels;

/// <summary>
/// A referral to a risk review panel or to the council's risk enablement panel: the question and evidence, the
/// decision with any dissent (and for the council's panel, who attended with the person's agreement and who shares
/// responsibility for the risk), its actions and amendments (R26, R20).
/// </summary>
[Requires(Permission.ReadPlans)]
[HandlerRequires("Close", Permission.RecordPanelDecisions)]
public class ViewModel(ProportionDbContext db, PanelRecords panels) : PanelPageModel(db)
{
    public Dictionary<Guid, string> Names { get; private set; } = [];
    public Plan? Plan { get; private set; }
    public RestrictivePractice? Practice { get; private set; }
    public PracticeDecision? Decision { get; private set; }
    public string? Risk { get; private set; }

    [BindProperty]
    public int Version { get; set; }

    /// <summary>The council whose risk enablement panel this is (the person's funding council), for a risk enablement referral.</summary>
    public string? Council { get; private set; }

    public bool CanDecide => Referral.Status == PanelStatus.Referred && Scope.MayRecordDecision(Referral, Person);
    public bool CanAmend => Referral.Status != PanelStatus.Referred && Scope.MayRecordDecision(Referral, Person);
    public string DecideLink => Referral.Kind == PanelKind.RiskEnablement
        ? Links.RecordCouncilPanelDecision(Person.Id, Referral.Id) : Links.RecordPanelDecision(Person.Id, Referral.Id);
    public string AmendLink => Referral.Kind == PanelKind.RiskEnablement
        ? Links.AmendCouncilPanelDecision(Person.Id, Referral.Id) : Links.AmendPanelDecision(Person.Id, Referral.Id);
    public bool CanClose => Referral.Status == PanelStatus.Decided && Referral.Actions.All(a => a.IsDone)
        && Scope.Allows(Permission.RecordPanelDecisions, Referral.OrganisationId);

    public string Name(Guid? userId) => userId is { } id && Names.TryGetValue(id, out var name) ? name : "A member of staff";

    public async Task<IActionResult> OnGetAsync(Guid id, Guid referralId) => await LoadAsync(referralId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCloseAsync(Guid id, Guid referralId)
    {
        if (!await LoadAsync(referralId))
        {
            return NotFound();
        }
        if (!await TryWriteAsync(() => panels.CloseAsync(referralId, Version), ""))
        {
            return Page();
        }
        Confirm("The referral is closed. It stays on the person's record.");
        return Redirect(Links.PanelReferral(id, referralId));
    }

    private async Task<bool> LoadAsync(Guid referralId)
    {
        if (!await LoadReferralAsync(referralId))
        {
            return false;
        }
        Version = Referral.Version;
        var r = Referral;
        var ids = new[] { r.ReferredById, r.DecidedById, r.ClosedById }.OfType<Guid>()
            .Concat(r.Actions.Select(a => a.AssignedToId)).Concat(r.Actions.Select(a => a.DoneById).OfType<Guid>())
            .Concat(r.Amendments.Select(a => a.AmendedById)).Distinct().ToList();
        Names = await Db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        Council = r.Kind == PanelKind.RiskEnablement && Person.FundingCouncilId is { } council
            ? await Db.Organisations.Where(o => o.Id == council).Select(o => o.Name).SingleOrDefaultAsync() : null;
        Plan = r.PlanId is { } planId ? await Db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId) : null;
        Practice = r.PracticeId is { } practiceId ? await Db.Practices.AsNoTracking().SingleOrDefaultAsync(p => p.Id == practiceId) : null;
        Decision = r.DecisionId is { } decisionId ? await Db.Decisions.Include(d => d.Practice).AsNoTracking().SingleOrDefaultAsync(d => d.Id == decisionId) : null;
        if (r.RiskId is { } riskId)
        {
            var risk = (await PanelRecords.AgreedRiskAssessmentAsync(Db, Person.Id))?.Content.Risks.SingleOrDefault(x => x.Id == riskId);
            Risk = risk is null ? "A risk no longer in the agreed risk assessment" : PanelRules.Describe(risk);
        }
        return true;
    }
}
