using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.PositiveRisk;
using Proportion.Core.Plans.RiskAssessments;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Plans.PositiveRisk;

/// <summary>Adds or changes one identified risk: what could happen, the agreed safeguards, and which risk of the person's risk assessment it is.</summary>
[Requires(Permission.EditPlans)]
public class RiskModel(PlanRecords plans, PositiveRiskGate gate) : PositiveRiskPageModel(plans)
{
    /// <summary>The radio value for a risk that is not on the risk assessment.</summary>
    public const string NotAssessed = "none";

    [BindProperty(Name = "Input")]
    public RiskForm Input { get; set; } = new();

    public RiskAssessmentContent? Assessment { get; private set; }
    public bool IsNew { get; private set; }

    public sealed class RiskForm
    {
        [Required(ErrorMessage = "Enter the risk")]
        [StringLength(500, ErrorMessage = "The risk must be 500 characters or fewer")]
        public string? Description { get; set; }
        [StringLength(PositiveRiskContent.TextMaxLength, ErrorMessage = "The safeguards must be 4,000 characters or fewer")]
        public string? Safeguards { get; set; }
        public string? AssessedRisk { get; set; }
    }

    public List<SelectListItem> AssessedRiskOptions =>
    [
        .. (Assessment?.Risks ?? []).Select(r => new SelectListItem(r.Activity is null ? r.WhatCouldHappen : $"{r.WhatCouldHappen} ({r.Activity})", r.Id.ToString())),
        new("It is not on the risk assessment", NotAssessed),
    ];

    public async Task<IActionResult> OnGetAsync(Guid? riskId)
    {
        if (await LoadAsync(riskId) is { } stop)
        {
            return stop;
        }
        var risk = Draft.Risks.FirstOrDefault(r => r.Id == riskId);
        Input = new RiskForm
        {
            Description = risk?.Description,
            Safeguards = risk?.Safeguards,
            AssessedRisk = risk is null ? null : risk.AssessedRiskId?.ToString() ?? NotAssessed,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? riskId)
    {
        if (await LoadAsync(riskId) is { } stop)
        {
            return stop;
        }
        Guid? assessed = Guid.TryParse(Input.AssessedRisk, out var id) && Assessment?.Risks.Any(r => r.Id == id) == true ? id : null;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var changed = new PlanRisk
        {
            Id = riskId ?? Guid.CreateVersion7(),
            Description = Input.Description!.Trim(),
            Safeguards = Text.OrNull(Input.Safeguards),
            AssessedRiskId = assessed,
        };
        List<PlanRisk> risks = IsNew ? [.. Draft.Risks, changed] : [.. Draft.Risks.Select(r => r.Id == riskId ? changed : r)];
        if (!await SaveAsync(Draft with { Risks = risks }))
        {
            return Page();
        }
        return Redirect(Links.PositiveRiskRisks(Person.Id, Plan.Id, FromCheck));
    }

    private async Task<IActionResult?> LoadAsync(Guid? riskId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        if (riskId is { } id && Draft.Risks.All(r => r.Id != id))
        {
            return NotFound();
        }
        IsNew = riskId is null;
        Assessment = await gate.AgreedRiskAssessmentAsync(Person.Id, HttpContext.RequestAborted);
        return null;
    }
}
