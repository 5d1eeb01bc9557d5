using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Commissioning;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Pages.Council.Contracts;

/// <summary>Records a contract compliance visit and what it found (R27); its actions are added on the visit's page.</summary>
public class NewVisitModel(ContractRecords contracts) : CouncilContractPageModel(contracts)
{
    [BindProperty(Name = "Input")]
    public VisitForm Input { get; set; } = new();

    public sealed class VisitForm
    {
        public DateParts VisitedOn { get; set; } = new();
        public string? Findings { get; set; }
        public int Version { get; set; }
    }

    public async Task OnGetAsync(Guid id)
    {
        await LoadAsync(id);
        Input.Version = Contract.Version;
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        await LoadAsync(id);
        var on = Input.VisitedOn.Validate(ModelState, "Input.VisitedOn", "The date of the visit", required: false);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        ContractVisit? visit = null;
        if (!await TryWriteAsync(async () => visit = await Contracts.RecordVisitAsync(id, Input.Version, new VisitInput(on, Input.Findings))))
        {
            return Page();
        }
        Confirm("The visit is recorded. Add the actions it asks of the provider.");
        return Redirect(Links.ContractVisit(id, visit!.Id));
    }
}
