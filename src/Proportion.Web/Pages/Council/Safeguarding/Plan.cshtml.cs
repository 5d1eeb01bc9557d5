using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Data;
using Proportion.Core.Rules;
using Proportion.Core.Safeguarding;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Pages.Council.Safeguarding;

/// <summary>
/// The safety or protection plan made with the person (R20, Making Safeguarding Personal): the plan, how the
/// person took part in making it, and when it is reviewed. Recorded once; reviews say how it goes and what changes.
/// </summary>
public class PlanModel(ProportionDbContext db, SafeguardingResponses responses) : CouncilConcernPageModel(db, responses)
{
    [BindProperty(Name = "Input")]
    public PlanForm Input { get; set; } = new();

    public sealed class PlanForm
    {
        public string? Plan { get; set; }
        public string? MadeWithPerson { get; set; }
        public DateParts ReviewOn { get; set; } = new();
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        await LoadAsync(id, "a safeguarding concern to record the safety plan");
        if (!IsDecidedAndOpen || Concern.SafetyPlan is not null)
        {
            return Redirect(Links.CouncilSafeguardingConcern(id));
        }
        Input.Version = Concern.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        await LoadAsync(id);
        var reviewOn = Input.ReviewOn.Validate(ModelState, "Input.ReviewOn", "The date the plan will be reviewed", required: false);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!await TryWriteAsync(() => Responses.RecordPlanAsync(id, Input.Version, new SafetyPlanInput(Input.Plan, Input.MadeWithPerson, reviewOn))))
        {
            return Page();
        }
        Confirm("The safety plan is recorded. Add its actions: what, whose and by when.");
        return Redirect(Links.CouncilSafeguardingConcern(id));
    }
}
