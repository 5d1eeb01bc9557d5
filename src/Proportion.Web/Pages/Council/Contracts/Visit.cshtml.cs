using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Commissioning;
using Proportion.Core.Model;

namespace Proportion.Web.Pages.Council.Contracts;

/// <summary>One contract visit (R27): what it found, and each action it asks of the provider, with the provider's responses, until done.</summary>
public class VisitModel(ContractRecords contracts) : CouncilContractPageModel(contracts)
{
    public ContractVisit Visit { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid visitId)
    {
        await LoadAsync(id);
        if (Contract.Visits.SingleOrDefault(v => v.Id == visitId) is not { } visit)
        {
            return NotFound();
        }
        Visit = visit;
        return Page();
    }
}
