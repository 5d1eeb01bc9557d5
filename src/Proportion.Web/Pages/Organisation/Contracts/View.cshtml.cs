using Microsoft.EntityFrameworkCore;
using Proportion.Core.Commissioning;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Organisation.Contracts;

/// <summary>
/// The provider's view of one of its contracts (R27): the council's judgement of each item with the evidence, and
/// each visit's findings and actions. Senior managers respond to items and actions; the board reads.
/// </summary>
[Requires(Permission.ReadContracts)]
public class ViewModel(ContractRecords contracts, ContractEvidence evidence, ProportionDbContext db) : ProportionPageModel
{
    public ProviderContract Contract { get; private set; } = null!;
    public string Council { get; private set; } = "";
    public IReadOnlyDictionary<ContractItem, Evidence> Evidence { get; private set; } = new Dictionary<ContractItem, Evidence>();
    public bool CanRespond => Scope.Allows(Permission.RespondToContracts, Contract.ProviderId);

    public async Task OnGetAsync(Guid id)
    {
        Contract = await contracts.ForProviderAsync(id);
        Council = await db.Organisations.Where(o => o.Id == Contract.CouncilId).Select(o => o.Name).SingleAsync();
        Evidence = await evidence.ForProviderAsync(Contract.ProviderId);
    }
}
