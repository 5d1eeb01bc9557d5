using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Commissioning;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Pages.Council.Intelligence;

/// <summary>
/// Records a disclosure of an entry to a named partner (R27): who received it, why, and on what lawful basis. Proportion
/// keeps the record of the share (UK GDPR accountability); the sharing itself is done the council's usual secure way.
/// </summary>
[Requires(Permission.ShareIntelligence)]
public class ShareModel(IntelligenceRecords records) : ProportionPageModel
{
    [BindProperty(Name = "Input")]
    public ShareForm Input { get; set; } = new();

    public sealed class ShareForm
    {
        public SharingPartner? Partner { get; set; }
        public string? PartnerName { get; set; }
        public string? Recipient { get; set; }
        public string? Purpose { get; set; }
        public LawfulBasis? LawfulBasis { get; set; }
        public DateParts SharedOn { get; set; } = new();
    }

    public IntelligenceEntry Entry { get; private set; } = null!;

    public async Task OnGetAsync(Guid id) => Entry = await records.ForCouncilAsync(id);

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Entry = await records.ForCouncilAsync(id);
        var on = Input.SharedOn.Validate(ModelState, "Input.SharedOn", "The date it was shared", required: false);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!await TryWriteAsync(() => records.ShareAsync(id, new ShareInput(Input.Partner, Input.PartnerName, Input.Recipient, Input.Purpose, Input.LawfulBasis, on))))
        {
            return Page();
        }
        Confirm("The share is recorded.");
        return Redirect(Links.IntelligenceEntry(id) + "#shares");
    }
}
