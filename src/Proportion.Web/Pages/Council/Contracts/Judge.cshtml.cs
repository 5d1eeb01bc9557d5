using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Commissioning;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Pages.Council.Contracts;

/// <summary>
/// The commissioner's judgement of one contract item (R27): met, partly met or not met, on a day, with what is
/// missing. Earlier judgements stay, listed below, and the provider's responses to the item are shown beside it.
/// </summary>
public class JudgeModel(ContractRecords contracts, ContractEvidence evidence) : CouncilContractPageModel(contracts)
{
    [BindProperty(Name = "Input")]
    public JudgementForm Input { get; set; } = new();

    public sealed class JudgementForm
    {
        public ContractJudgementLevel? Judgement { get; set; }
        public DateParts JudgedOn { get; set; } = new();
        public string? Note { get; set; }
        public int Version { get; set; }
    }

    public ContractItem Item { get; private set; }
    public Evidence Evidence { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, ContractItem item)
    {
        if (!await LoadAsync(id, item))
        {
            return NotFound();
        }
        Input.Version = Contract.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, ContractItem item)
    {
        if (!await LoadAsync(id, item))
        {
            return NotFound();
        }
        var on = Input.JudgedOn.Validate(ModelState, "Input.JudgedOn", "The date of the judgement", required: false);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!await TryWriteAsync(() => Contracts.JudgeAsync(id, Input.Version, item, new JudgementInput(Input.Judgement, on, Input.Note))))
        {
            return Page();
        }
        Confirm($"Your judgement of '{Core.Model.EnumNames.Of(item)}' is recorded. The provider sees it.");
        return Redirect(Links.CouncilContract(id) + "#checklist");
    }

    private async Task<bool> LoadAsync(Guid id, ContractItem item)
    {
        await LoadAsync(id);
        if (!Enum.IsDefined(item))
        {
            return false;
        }
        Item = item;
        Evidence = (await evidence.ForProviderAsync(Contract.ProviderId))[item];
        return true;
    }
}
