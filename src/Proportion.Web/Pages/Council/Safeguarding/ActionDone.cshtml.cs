using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Safeguarding;

namespace Proportion.Web.Pages.Council.Safeguarding;

/// <summary>The council's team marks an action of the safety plan done, with what was done (R20).</summary>
public class ActionDoneModel(ProportionDbContext db, SafeguardingResponses responses) : CouncilConcernPageModel(db, responses)
{
    [BindProperty(Name = "Input")]
    public DoneForm Input { get; set; } = new();

    public SafeguardingAction Action { get; private set; } = null!;

    public sealed class DoneForm
    {
        public string? Note { get; set; }
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid actionId)
    {
        if (await LoadActionAsync(id, actionId, "a safeguarding concern to mark an action done") is { } stop)
        {
            return stop;
        }
        if (Action.DoneAt is not null || Concern.Status == SafeguardingStatus.Closed)
        {
            return Redirect(Links.CouncilSafeguardingConcern(id));
        }
        Input.Version = Action.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid actionId)
    {
        if (await LoadActionAsync(id, actionId) is { } stop)
        {
            return stop;
        }
        if (!await TryWriteAsync(() => Responses.MarkDoneByCouncilAsync(id, actionId, Input.Version, Input.Note)))
        {
            return Page();
        }
        Confirm("The action is marked as done.");
        return Redirect(Links.CouncilSafeguardingConcern(id));
    }

    private async Task<IActionResult?> LoadActionAsync(Guid id, Guid actionId, string? viewed = null)
    {
        await LoadAsync(id, viewed);
        if (Concern.Actions.SingleOrDefault(a => a.Id == actionId) is not { } action)
        {
            return NotFound();
        }
        Action = action;
        return null;
    }
}
