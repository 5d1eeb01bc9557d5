using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Commissioning;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Pages.Council.Contracts;

/// <summary>Adds one of the council's contracts with a provider (R27).</summary>
[Requires(Permission.ManageContracts)]
public class NewModel(ProportionDbContext db, ContractRecords contracts) : ProportionPageModel
{
    [BindProperty(Name = "Input")]
    public ContractForm Input { get; set; } = new();

    public sealed class ContractForm
    {
        public Guid? ProviderId { get; set; }
        public string? Reference { get; set; }
        public string? Title { get; set; }
        public DateParts StartsOn { get; set; } = new();
        public DateParts EndsOn { get; set; } = new();
    }

    public List<SelectListItem> Providers { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        var starts = Input.StartsOn.Validate(ModelState, "Input.StartsOn", "The date the contract starts", required: false);
        var ends = Input.EndsOn.Validate(ModelState, "Input.EndsOn", "The date the contract ends", required: false);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        ProviderContract? added = null;
        if (!await TryWriteAsync(async () => added = await contracts.CreateAsync(new ContractInput(Input.ProviderId, Input.Reference, Input.Title, starts, ends))))
        {
            return Page();
        }
        Confirm($"Contract {added!.Reference} is added. Judge each item when you have checked it.");
        return Redirect(Links.CouncilContract(added.Id));
    }

    /// <summary>Every provider, by name: a council may contract with any provider, not only those it already funds people at.</summary>
    private async Task LoadAsync() =>
        Providers = [new SelectListItem("Select a provider", ""), .. await db.Organisations.Where(o => o.Kind == OrganisationKind.Provider)
            .OrderBy(o => o.Name).AsAsyncEnumerable().Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync()];
}
