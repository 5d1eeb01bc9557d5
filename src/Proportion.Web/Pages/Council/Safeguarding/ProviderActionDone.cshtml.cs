using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Safeguarding;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Council.Safeguarding;

/// <summary>
/// The provider's manager marks done an action of the safety plan that the council's safeguarding team gave the
/// provider (R20), with what was done; below it, what the council has shared with the provider (the
/// <see cref="SafeguardingForProviderViewComponent"/>). Another owner's action, or another person's concern, is
/// not found; the concern's query filter keeps it from an alleged source of harm.
/// </summary>
[Requires(Permission.ActOnSafeguarding)]
[OwnOrganisationSubject]
public class ProviderActionDoneModel(ProportionDbContext db, SafeguardingResponses responses) : ProportionPageModel
{
    [BindProperty(Name = "Input")]
    public DoneForm Input { get; set; } = new();

    public Person Person => Subjects.Person!;
    public SafeguardingConcern Concern { get; private set; } = null!;
    public SafeguardingAction Action { get; private set; } = null!;

    /// <summary>Whether the action can still be marked done: not done, and the concern not closed.</summary>
    public bool IsOpen => Action.DoneAt is null && Concern.Status != SafeguardingStatus.Closed;

    public sealed class DoneForm
    {
        public string? Note { get; set; }
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid concernId, Guid actionId)
    {
        if (await LoadAsync(concernId, actionId) is { } stop)
        {
            return stop;
        }
        Input.Version = Action.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid concernId, Guid actionId)
    {
        if (await LoadAsync(concernId, actionId) is { } stop)
        {
            return stop;
        }
        if (!await TryWriteAsync(() => responses.MarkDoneByProviderAsync(id, concernId, actionId, Input.Version, Input.Note)))
        {
            return Page();
        }
        Confirm("The action is marked as done. The council's safeguarding team sees it.");
        return Redirect(Links.ProviderSafeguardingActionDone(id, concernId, actionId));
    }

    private async Task<IActionResult?> LoadAsync(Guid concernId, Guid actionId)
    {
        var concern = await db.SafeguardingConcerns.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == concernId && c.PersonId == Person.Id && c.Status != SafeguardingStatus.Draft);
        var action = concern is null ? null : await db.SafeguardingActions.AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == actionId && a.ConcernId == concernId && a.Owner == ActionOwner.Provider);
        if (concern is null || action is null)
        {
            return NotFound();
        }
        Concern = concern;
        Action = action;
        // The look is logged against the concern, not the person, so it shows only where the concern may be seen (R20).
        RequestAudit.NameViewedRecord(HttpContext, SafeguardingRecords.EntityType, concern.Id, "a safeguarding action given to the provider");
        return Scope.MayMarkDone(concern, action) ? null : Forbid();
    }
}
