using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.RiskAssessments;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Plans.RiskAssessment;

/// <summary>
/// One risk's question page (R24): what could happen and where, how likely and how serious in words, the
/// benefits as well as the harms, the person's own view, what reduces it and where it then sits, and the
/// practices, incidents and plans it explains. Without a risk id it adds a new risk. Only what could happen
/// is needed to save; the rest may wait, and R24 names what is still missing before the draft is agreed.
/// </summary>
[Requires(Permission.EditPlans)]
[OwnOrganisationSubject]
public class RiskModel(ProportionDbContext db, PlanRecords plans) : RiskAssessmentPageModel(db, plans)
{
    public const int NameMaxLength = 200;
    public const int TextMaxLength = 4000;

    [BindProperty(Name = "Input")]
    public RiskAnswers Input { get; set; } = new();

    /// <summary>The risk being changed; null when adding one.</summary>
    public AssessedRisk? Existing { get; private set; }
    public LinkableRecords Linkable { get; private set; } = new([], [], []);
    /// <summary>What R24 still needs of this risk, as last saved.</summary>
    public IReadOnlyList<Finding> StillMissing { get; private set; } = [];

    public sealed class RiskAnswers
    {
        [Required(ErrorMessage = "Enter what could happen")]
        [StringLength(NameMaxLength, ErrorMessage = "What could happen must be 200 characters or fewer")]
        public string? WhatCouldHappen { get; set; }
        [StringLength(NameMaxLength, ErrorMessage = "The activity or situation must be 200 characters or fewer")]
        public string? Activity { get; set; }
        [Range(RiskMatrix.Lowest, RiskMatrix.Highest, ErrorMessage = "Choose how likely it is")]
        public int? Likelihood { get; set; }
        [Range(RiskMatrix.Lowest, RiskMatrix.Highest, ErrorMessage = "Choose how serious it would be")]
        public int? Impact { get; set; }
        [StringLength(TextMaxLength, ErrorMessage = "The benefits must be 4,000 characters or fewer")]
        public string? Benefits { get; set; }
        [StringLength(TextMaxLength, ErrorMessage = "The harms must be 4,000 characters or fewer")]
        public string? Harms { get; set; }
        [StringLength(TextMaxLength, ErrorMessage = "Their view must be 4,000 characters or fewer")]
        public string? PersonsView { get; set; }
        [StringLength(TextMaxLength, ErrorMessage = "What reduces the risk must be 4,000 characters or fewer")]
        public string? WhatReducesIt { get; set; }
        [Range(RiskMatrix.Lowest, RiskMatrix.Highest, ErrorMessage = "Choose how likely it is with what reduces it in place")]
        public int? ResidualLikelihood { get; set; }
        [Range(RiskMatrix.Lowest, RiskMatrix.Highest, ErrorMessage = "Choose how serious it would be with what reduces it in place")]
        public int? ResidualImpact { get; set; }
        public List<Guid> PracticeIds { get; set; } = [];
        public List<Guid> IncidentIds { get; set; } = [];
        public List<Guid> PlanIds { get; set; } = [];
    }

    public static readonly List<SelectListItem> LikelihoodOptions =
        [.. Enumerable.Range(RiskMatrix.Lowest, RiskMatrix.Highest).Select(n => new SelectListItem(RiskMatrix.LikelihoodName(n), n.ToString()))];
    public static readonly List<SelectListItem> ImpactOptions =
        [.. Enumerable.Range(RiskMatrix.Lowest, RiskMatrix.Highest).Select(n => new SelectListItem(RiskMatrix.ImpactName(n), n.ToString()))];

    public static List<SelectListItem> Options(IEnumerable<LinkableRecord> records) => [.. records.Select(r => new SelectListItem(r.Name, r.Id.ToString()))];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid planId, Guid? riskId)
    {
        if (await LoadAsync(riskId) is { } stop)
        {
            return stop;
        }
        if (Existing is { } r)
        {
            Input = new RiskAnswers
            {
                WhatCouldHappen = r.WhatCouldHappen, Activity = r.Activity,
                Likelihood = RiskMatrix.IsOnScale(r.Likelihood) ? r.Likelihood : null, Impact = RiskMatrix.IsOnScale(r.Impact) ? r.Impact : null,
                Benefits = r.Benefits, Harms = r.Harms, PersonsView = r.PersonsView, WhatReducesIt = r.WhatReducesIt,
                ResidualLikelihood = r.ResidualLikelihood, ResidualImpact = r.ResidualImpact,
                PracticeIds = [.. r.PracticeIds], IncidentIds = [.. r.IncidentIds], PlanIds = [.. r.PlanIds],
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid planId, Guid? riskId)
    {
        if (await LoadAsync(riskId) is { } stop)
        {
            return stop;
        }
        var risk = (Existing ?? new AssessedRisk()) with
        {
            WhatCouldHappen = Input.WhatCouldHappen?.Trim() ?? "",
            Activity = Text.OrNull(Input.Activity),
            Likelihood = Input.Likelihood ?? 0,
            Impact = Input.Impact ?? 0,
            Benefits = Text.OrNull(Input.Benefits),
            Harms = Text.OrNull(Input.Harms),
            PersonsView = Text.OrNull(Input.PersonsView),
            WhatReducesIt = Text.OrNull(Input.WhatReducesIt),
            ResidualLikelihood = Input.ResidualLikelihood,
            ResidualImpact = Input.ResidualImpact,
            PracticeIds = [.. Input.PracticeIds.Distinct()],
            IncidentIds = [.. Input.IncidentIds.Distinct()],
            PlanIds = [.. Input.PlanIds.Distinct()],
        };
        var risks = Existing is null ? [.. Draft.Risks, risk] : Draft.Risks.Select(r => r.Id == risk.Id ? risk : r).ToList();
        if (!ModelState.IsValid || !await SaveAsync(Draft with { Risks = risks }))
        {
            return Page();
        }
        if (Request.Form.ContainsKey("later"))
        {
            Confirm($"\"{risk.ShortName}\" has been saved. Carry on with the risk assessment when you are ready.");
            return Redirect(PlanUrl);
        }
        Confirm($"\"{risk.ShortName}\" has been saved. Add another risk, or continue.");
        return Redirect(RisksUrl);
    }

    private async Task<IActionResult?> LoadAsync(Guid? riskId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        if (riskId is { } wanted)
        {
            Existing = Draft.Risks.FirstOrDefault(r => r.Id == wanted);
            if (Existing is null)
            {
                return NotFound();
            }
            StillMissing = [.. (await Plans.FindingsAsync(Plan)).Where(f => RiskAssessmentRules.IsAbout(f, wanted))];
        }
        Linkable = await LinkableAsync(Db, Person.Id, Plan.Id, Draft.Risks);
        return null;
    }
}
