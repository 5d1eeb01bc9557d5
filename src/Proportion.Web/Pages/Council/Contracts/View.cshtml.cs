using Microsoft.EntityFrameworkCore;
using Proportion.Core.Commissioning;
using Proportion.Core.Data;
using Proportion.Core.Model;

namespace Proportion.Web.Pages.Council.Contracts;

/// <summary>
/// One of the council's contracts (R27): each contract item with the evidence Proportion holds, the latest
/// judgement and the provider's responses; the contract visits with their actions.
/// </summary>
public class ViewModel(ContractRecords contracts, ContractEvidence evidence, ProportionDbContext db) : CouncilContractPageModel(contracts)
{
    public IReadOnlyDictionary<ContractItem, Evidence> Evidence { get; private set; } = new Dictionary<ContractItem, Evidence>();
    /// <summary>Whether the council funds anyone at the provider, so its picture of the provider opens.</summary>
    public bool FundsPeopleThere { get; private set; }

    public async Task OnGetAsync(Guid id)
    {
        await LoadAsync(id);
        Evidence = await evidence.ForProviderAsync(Contract.ProviderId);
        FundsPeopleThere = await db.People.AnyAsync(p => p.OrganisationId == Contract.ProviderId && p.FundingCouncilId == Scope.OrganisationId);
    }
}
