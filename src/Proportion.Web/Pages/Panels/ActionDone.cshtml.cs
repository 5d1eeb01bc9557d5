using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Panels;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Panels;

/// <summary>Marks one of the panel's actions done, with a note of what was done (R26): by the person given it, or a manager.</summary>
[Requires(Permission.ReadPlans)]
[OwnOrganisationSubject]
public class ActionDoneModel(ProportionDbContext db, PanelRecords panels) : PanelPageModel(db)
{
    [BindProperty(Name = "Input")]
    public DoneForm Input { get; set; } = new();

    public PanelAction Action { get; private set; } = null!;

    public sealed class DoneForm
    {
        public string? Note { get; set; }
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid referralId, Guid actionId)
    {
        if (await LoadAsync(referralId, actionId) is { } stop)
        {
            return stop;
        }
        if (Action.IsDone)
        {
            return Redirect(Links.PanelReferral(id, referralId));
        }
        Input.Version = Action.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid referralId, Guid actionId)
    {
        if (await LoadAsync(referralId, actionId) is { } stop)
        {
            return stop;
        }
        if (!await TryWriteAsync(() => panels.MarkActionDoneAsync(actionId, Input.Version, Input.Note)))
        {
            return Page();
        }
        Confirm("The action is marked done.");
        return Redirect(Links.PanelReferral(id, referralId));
    }

    private async Task<IActionResult?> LoadAsync(Guid referralId, Guid actionId)
    {
        if (!await LoadReferralAsync(referralId) || Referral.Actions.SingleOrDefault(a => a.Id == actionId) is not { } action)
        {
            return NotFound();
        }
        Action = action;
        return Scope.MayMarkDone(action) ? null : Forbid();
    }
}
