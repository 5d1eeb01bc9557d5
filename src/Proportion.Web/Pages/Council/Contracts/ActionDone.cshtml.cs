using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Commissioning;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Pages.Council.Contracts;

/// <summary>The commissioner marks a visit's action done (R27), saying how they know; the provider's responses are shown first.</summary>
public class ActionDoneModel(ContractRecords contracts) : CouncilContractPageModel(contracts)
{
    [BindProperty(Name = "Input")]
    public DoneForm Input { get; set; } = new();

    public sealed class DoneForm
    {
        public DateParts DoneOn { get; set; } = new();
        public string? DoneNote { get; set; }
        public int Version { get; set; }
    }

    public ContractAction Action { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid actionId)
    {
        if (!await LoadAsync(id, actionId))
        {
            return NotFound();
        }
        if (Action.IsDone)
        {
            return Redirect(Links.ContractVisit(id, Action.VisitId) + "#actions");
        }
        Input.Version = Action.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid actionId)
    {
        if (!await LoadAsync(id, actionId))
        {
            return NotFound();
        }
        var on = Input.DoneOn.Validate(ModelState, "Input.DoneOn", "The date the action was done", required: false);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!await TryWriteAsync(() => Contracts.MarkDoneAsync(id, actionId, Input.Version, on, Input.DoneNote)))
        {
            return Page();
        }
        Confirm("The action is marked done.");
        return Redirect(Links.ContractVisit(id, Action.VisitId) + "#actions");
    }

    private async Task<bool> LoadAsync(Guid id, Guid actionId)
    {
        await LoadAsync(id);
        Action = Contract.Actions.SingleOrDefault(a => a.Id == actionId)!;
        return Action is not null;
    }
}
