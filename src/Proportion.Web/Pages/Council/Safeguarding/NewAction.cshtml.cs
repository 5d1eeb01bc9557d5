using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Rules;
using Proportion.Core.Safeguarding;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Pages.Council.Safeguarding;

/// <summary>
/// Adds an action to the safety plan (R20): what, whose (the council, the provider, the person or another
/// organisation), who in particular and by when. The provider sees and marks done only the actions it is given.
/// </summary>
public class NewActionModel(ProportionDbContext db, SafeguardingResponses responses) : CouncilConcernPageModel(db, responses)
{
    [BindProperty(Name = "Input")]
    public ActionForm Input { get; set; } = new();

    public sealed class ActionForm
    {
        public string? What { get; set; }
        public ActionOwner? Owner { get; set; }
        public string? OwnerName { get; set; }
        public DateParts DueOn { get; set; } = new();
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        await LoadAsync(id, "a safeguarding concern to add an action");
        if (!IsDecidedAndOpen || Concern.SafetyPlan is null)
        {
            return Redirect(Links.CouncilSafeguardingConcern(id));
        }
        Input.Version = Concern.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        await LoadAsync(id);
        var dueOn = Input.DueOn.Validate(ModelState, "Input.DueOn", "The date the action is due", required: false);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!await TryWriteAsync(() => Responses.AddActionAsync(id, Input.Version, new SafeguardingActionInput(Input.What, Input.Owner, Input.OwnerName, dueOn))))
        {
            return Page();
        }
        Confirm(Input.Owner == ActionOwner.Provider ? "The action is added. The provider's managers see it and mark it done." : "The action is added.");
        return Redirect(Links.CouncilSafeguardingConcern(id));
    }
}
