using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Panels;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Panels;

/// <summary>
/// Refers a complex or contested decision about the person to the service's risk review panel (R26) or, for a person
/// a council funds, to that council's risk enablement panel (R20, tools for risky choices).
/// </summary>
[Requires(Permission.ReferToPanel)]
[OwnOrganisationSubject]
public class NewModel(ProportionDbContext db, PanelRecords panels) : ProportionPageModel
{
    [BindProperty(Name = "Input")]
    public ReferralForm Input { get; set; } = new();

    public Person Person => Subjects.Person!;
    public List<SelectListItem> SubjectOptions { get; private set; } = [];
    /// <summary>The council that funds the person, whose risk enablement panel they may be referred to; null when none does.</summary>
    public string? FundingCouncil { get; private set; }

    public List<SelectListItem> KindOptions =>
    [
        new("The service's risk review panel", nameof(PanelKind.RiskReview)),
        new($"{FundingCouncil}'s risk enablement panel", nameof(PanelKind.RiskEnablement)),
    ];

    public sealed class ReferralForm
    {
        /// <summary>"plan:{id}", "practice:{id}", "decision:{id}" or "risk:{id}"; empty for the person generally.</summary>
        public string? Subject { get; set; }
        /// <summary>The provider's risk review panel unless the council's risk enablement panel is chosen.</summary>
        public PanelKind? Kind { get; set; } = PanelKind.RiskReview;
        public PanelReason? Reason { get; set; }
        public string? OtherReason { get; set; }
        public string? Question { get; set; }
        public string? Evidence { get; set; }
        public RiskBand? Band { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? planId, Guid? practiceId, Guid? riskId)
    {
        await LoadSubjectsAsync(id);
        Input.Subject = riskId is { } r ? $"risk:{r}" : planId is { } p ? $"plan:{p}" : practiceId is { } pr ? $"practice:{pr}" : null;
        if (Input.Subject is not null && SubjectOptions.All(s => s.Value != Input.Subject))
        {
            return NotFound();
        }
        if (riskId is not null)
        {
            Input.Reason = PanelReason.HighResidualRisk;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        await LoadSubjectsAsync(id);
        var (kind, subjectId) = ParseSubject(Input.Subject);
        if (!string.IsNullOrEmpty(Input.Subject) && SubjectOptions.All(s => s.Value != Input.Subject))
        {
            ModelState.AddModelError("Input.Subject", "Select what the referral is about from the list");
            return Page();
        }
        var riskPlan = kind == "risk" ? (await PanelRecords.AgreedRiskAssessmentAsync(db, id))?.Plan.Id : null;
        var input = new PanelReferralInput
        {
            Kind = Input.Kind,
            Reason = Input.Reason,
            OtherReason = Input.OtherReason,
            Question = Input.Question,
            Evidence = Input.Evidence,
            PlanId = kind == "plan" ? subjectId : riskPlan,
            PracticeId = kind == "practice" ? subjectId : null,
            DecisionId = kind == "decision" ? subjectId : null,
            RiskId = kind == "risk" ? subjectId : null,
            Band = Input.Band,
        };
        PanelReferral? referral = null;
        if (!await TryWriteAsync(async () => referral = await panels.ReferAsync(id, input)))
        {
            return Page();
        }
        Confirm(referral!.Kind == PanelKind.RiskEnablement
            ? $"The referral has been made to {FundingCouncil}'s risk enablement panel. A social worker of the council records its decision when it has met."
            : "The referral has been made. A senior manager records the panel's decision when it has met.");
        return Redirect(Links.PanelReferral(id, referral!.Id));
    }

    private static (string? Kind, Guid? Id) ParseSubject(string? subject) =>
        subject?.Split(':') is [var kind, var value] && Guid.TryParse(value, out var id) ? (kind, id) : (null, null);

    /// <summary>What a referral may be about: the person's plans, practices, decisions and agreed risks.</summary>
    private async Task LoadSubjectsAsync(Guid personId)
    {
        FundingCouncil = Person.FundingCouncilId is { } council
            ? await db.Organisations.Where(o => o.Id == council).Select(o => o.Name).SingleOrDefaultAsync() : null;
        var plans = await db.Plans.Where(p => p.PersonId == personId && p.Status != PlanStatus.Closed).OrderBy(p => p.Kind).ThenBy(p => p.Title)
            .Select(p => new { p.Id, p.Kind, p.Title }).AsNoTracking().ToListAsync();
        var practices = await db.Practices.Where(p => p.PersonId == personId && p.Status != PracticeStatus.Ended).OrderBy(p => p.Description)
            .Select(p => new { p.Id, p.Description }).AsNoTracking().ToListAsync();
        var decisions = await db.Decisions.Where(d => d.PersonId == personId && d.Practice!.Status != PracticeStatus.Ended)
            .OrderBy(d => d.Practice!.Description).ThenBy(d => d.Number)
            .Select(d => new { d.Id, d.Number, d.Practice!.Description }).AsNoTracking().ToListAsync();
        var risks = (await PanelRecords.AgreedRiskAssessmentAsync(db, personId))?.Content.Risks ?? [];
        SubjectOptions =
        [
            new("The person's support generally", ""),
            .. risks.Select(r => new SelectListItem($"Risk: {PanelRules.Describe(r)} ({RiskMatrix.BandName(r.ResidualBand)})", $"risk:{r.Id}")),
            .. plans.Select(p => new SelectListItem($"{EnumNames.Of(p.Kind)}: {p.Title}", $"plan:{p.Id}")),
            .. practices.Select(p => new SelectListItem($"Restrictive practice: {p.Description}", $"practice:{p.Id}")),
            .. decisions.Select(d => new SelectListItem($"Decision {d.Number} about: {d.Description}", $"decision:{d.Id}")),
        ];
    }
}
