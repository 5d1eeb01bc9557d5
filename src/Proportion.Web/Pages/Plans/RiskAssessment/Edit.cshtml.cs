using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Plans.RiskAssessment;

/// <summary>The first question of the risk assessment's draft: how the person took part (§5.1: it "must involve the person").</summary>
[Requires(Permission.EditPlans)]
[OwnOrganisationSubject]
public class EditModel(ProportionDbContext db, PlanRecords plans) : RiskAssessmentPageModel(db, plans)
{
    public const int TextMaxLength = 4000;

    [BindProperty(Name = "Input")]
    public TookPartAnswer Input { get; set; } = new();

    public sealed class TookPartAnswer
    {
        [StringLength(TextMaxLength, ErrorMessage = "How they took part must be 4,000 characters or fewer")]
        public string? HowThePersonTookPart { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid planId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        Input.HowThePersonTookPart = Draft.HowThePersonTookPart;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid planId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        if (!ModelState.IsValid || !await SaveAsync(Draft with { HowThePersonTookPart = Text.OrNull(Input.HowThePersonTookPart) }))
        {
            return Page();
        }
        if (Request.Form.ContainsKey("later"))
        {
            Confirm("The risk assessment has been saved. Carry on with it when you are ready.");
            return Redirect(PlanUrl);
        }
        return Redirect(RisksUrl);
    }
}
