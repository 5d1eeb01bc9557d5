using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Plans;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Plans.PositiveRisk;

/// <summary>The plan's staged progression as a GOV.UK "add another" list: each stage with its support, so support visibly lessens stage by stage.</summary>
[Requires(Permission.EditPlans)]
public class StagesModel(PlanRecords plans) : PositiveRiskPageModel(plans)
{
    [BindProperty]
    public bool? AddAnother { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadDraftAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        if (AddAnother is null)
        {
            ModelState.AddModelError(nameof(AddAnother), Draft.Stages.Count == 0 ? "Select yes if you need to add a stage" : "Select yes if you need to add another stage");
            return Page();
        }
        return AddAnother == true ? Redirect(Links.PositiveRiskStage(Person.Id, Plan.Id, null, FromCheck)) : Next(PositiveRiskPart.Stages);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid stageId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        var stage = Draft.Stages.FirstOrDefault(s => s.Id == stageId);
        if (stage is not null && await SaveAsync(Draft with { Stages = [.. Draft.Stages.Where(s => s.Id != stageId)] }, fieldPrefix: ""))
        {
            Confirm($"The stage \"{stage.Description}\" has been removed from the draft.");
        }
        return Redirect(Links.PositiveRiskStages(Person.Id, Plan.Id, FromCheck));
    }
}
