using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Commissioning;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Organisation.Contracts;

/// <summary>The provider's senior manager responds to one contract item or one action (R27). A response adds to those before it.</summary>
[Requires(Permission.RespondToContracts)]
public class RespondModel(ContractRecords contracts, ProportionDbContext db) : ProportionPageModel
{
    [BindProperty(SupportsGet = true)]
    public ContractItem? Item { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ActionId { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public ProviderContract Contract { get; private set; } = null!;
    public string Council { get; private set; } = "";
    public ContractAction? Action { get; private set; }
    public string About => Action?.What ?? Display.Name(Item!.Value);

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (!await TryWriteAsync(() => contracts.RespondAsync(id, Action is null ? Item : null, Action?.Id, Text), ""))
        {
            return Page();
        }
        Confirm("Your response is sent to the council.");
        return Redirect(Links.ProviderContract(id) + (Action is null ? "#checklist" : "#visits"));
    }

    /// <summary>The contract and what is responded to: one item or one open action of it, else not found.</summary>
    private async Task<bool> LoadAsync(Guid id)
    {
        ModelState.Remove(nameof(Item));
        ModelState.Remove(nameof(ActionId));
        Contract = await contracts.ForProviderAsync(id);
        Council = await db.Organisations.Where(o => o.Id == Contract.CouncilId).Select(o => o.Name).SingleAsync();
        Action = ActionId is { } a ? Contract.Actions.SingleOrDefault(x => x.Id == a && !x.IsDone) : null;
        return ActionId is null ? Item is { } item && Enum.IsDefined(item) : Action is not null;
    }
}
