using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Commissioning;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Council.Intelligence;

/// <summary>Corrects an intelligence entry (R27): the correction and why, added beside the entry, which stays as first recorded.</summary>
[Requires(Permission.RecordIntelligence)]
public class AmendModel(IntelligenceRecords records) : ProportionPageModel
{
    [BindProperty]
    public string? Correction { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public IntelligenceEntry Entry { get; private set; } = null!;

    public async Task OnGetAsync(Guid id) => Entry = await records.ForCouncilAsync(id);

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Entry = await records.ForCouncilAsync(id);
        if (!await TryWriteAsync(() => records.AmendAsync(id, Correction, Reason), ""))
        {
            return Page();
        }
        Confirm("The correction is added beside the entry.");
        return Redirect(Links.IntelligenceEntry(id) + "#corrections");
    }
}
