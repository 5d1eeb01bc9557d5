using Proportion.Core.Commissioning;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Council.Contracts;

/// <summary>
/// A page of the council's commissioners about one of the council's contracts (R27). The contract is loaded
/// through <see cref="ContractRecords.ForCouncilAsync"/>, so another council's contract, the provider's view of it
/// or an unknown id is the not-found page.
/// </summary>
[Requires(Permission.ManageContracts)]
public abstract class CouncilContractPageModel(ContractRecords contracts) : ProportionPageModel
{
    protected ContractRecords Contracts => contracts;

    public ProviderContract Contract { get; private set; } = null!;
    public string Provider { get; private set; } = "";

    protected async Task LoadAsync(Guid id)
    {
        Contract = await contracts.ForCouncilAsync(id);
        var db = HttpContext.RequestServices.GetRequiredService<Proportion.Core.Data.ProportionDbContext>();
        Provider = db.Organisations.Where(o => o.Id == Contract.ProviderId).Select(o => o.Name).Single();
    }
}
