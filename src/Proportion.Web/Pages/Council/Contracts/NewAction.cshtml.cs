using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Commissioning;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Pages.Council.Contracts;

/// <summary>Adds an action for the provider to a contract visit (R27): what, and by when. The provider sees it and responds.</summary>
public class NewActionModel(ContractRecords contracts) : CouncilContractPageModel(contracts)
{
    [BindProperty(Name = "Input")]
    public ActionForm Input { get; set; } = new();

    public sealed class ActionForm
    {
        public string? What { get; set; }
        public DateParts DueOn { get; set; } = new();
        public int Version { get; set; }
    }

    public ContractVisit Visit { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid visitId)
    {
        if (!await LoadAsync(id, visitId))
        {
            return NotFound();
        }
        Input.Version = Contract.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid visitId)
    {
        if (!await LoadAsync(id, visitId))
        {
            return NotFound();
        }
        var due = Input.DueOn.Validate(ModelState, "Input.DueOn", "The date the action is due", required: false);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!await TryWriteAsync(() => Contracts.AddActionAsync(id, visitId, Input.Version, new ActionInput(Input.What, due))))
        {
            return Page();
        }
        Confirm("The action is added. The provider's senior managers see it and respond.");
        return Redirect(Links.ContractVisit(id, visitId) + "#actions");
    }

    private async Task<bool> LoadAsync(Guid id, Guid visitId)
    {
        await LoadAsync(id);
        Visit = Contract.Visits.SingleOrDefault(v => v.Id == visitId)!;
        return Visit is not null;
    }
}
