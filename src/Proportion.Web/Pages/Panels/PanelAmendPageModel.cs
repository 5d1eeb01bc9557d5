using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Panels;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Panels;

/// <summary>
/// Corrects a recorded panel decision with a reason; the decision as recorded stays beside it (R26). Corrected by
/// whoever records that kind of panel's decision, each on its own page.
/// </summary>
public abstract class PanelAmendPageModel(ProportionDbContext db, PanelRecords panels) : PanelPageModel(db)
{
    [BindProperty(Name = "Input")]
    public AmendForm Input { get; set; } = new();

    /// <summary>The kind of panel whose decisions this page corrects.</summary>
    public abstract PanelKind Kind { get; }

    public List<SelectListItem> Parts =>
        [new("Select what you are correcting", ""), .. PanelAmendment.AmendableFor(Kind).Select(p => new SelectListItem(p.Value, p.Key))];

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
        if (Referral.Status == PanelStatus.Referred || Referral.Kind != Kind)
        {
            return Redirect(Links.PanelReferral(Person.Id, referralId));
        }
        return Scope.MayRecordDecision(Referral, Person) ? null : Forbid();
    }
}
