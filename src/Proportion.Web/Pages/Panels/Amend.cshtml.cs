using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Panels;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Panels;

/// <summary>Corrects a recorded panel decision with a reason; the decision as recorded stays beside it (R26).</summary>
[Requires(Permission.RecordPanelDecisions)]
[OwnOrganisationSubject]
public class AmendModel(ProportionDbContext db, PanelRecords panels) : PanelPageModel(db)
{
    [BindProperty(Name = "Input")]
    public AmendForm Input { get; set; } = new();

    public List<SelectListItem> Parts { get; } =
        [new("Select what you are correcting", ""), .. PanelAmendment.Amendable.Select(p => new SelectListItem(p.Value, p.Key))];

    public sealed class AmendForm
    {
        public string? Part { get; set; }
        public string? Corrected { get; set; }
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid referralId) => await LoadAsync(referralId) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid referralId)
    {
        if (await LoadAsync(referralId) is { } stop)
        {
            return stop;
        }
        if (!await TryWriteAsync(() => panels.AmendAsync(referralId, Input.Part, Input.Corrected, Input.Reason)))
        {
            return Page();
        }
        Confirm("Your correction has been added. The decision as recorded is kept beside it.");
        return Redirect(Links.PanelReferral(id, referralId));
    }

    private async Task<IActionResult?> LoadAsync(Guid referralId)
    {
        if (!await LoadReferralAsync(referralId))
        {
            return NotFound();
        }
        return Referral.Status == PanelStatus.Referred ? Redirect(Links.PanelReferral(Person.Id, referralId)) : null;
    }
}
