using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Rules;
using Proportion.Core.Safeguarding;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Council.Safeguarding;

/// <summary>
/// Closes a concern (R20, Making Safeguarding Personal): the person is asked whether the outcomes they wanted at
/// the start were fully, partly or not met, and their own words recorded, or why they could not or chose not to
/// say; when no enquiry was made, the reason they were not asked may be recorded instead. Refused, at each field,
/// by <see cref="SafeguardingResponseRules.ForClosure"/>.
/// </summary>
public class CloseModel(ProportionDbContext db, SafeguardingResponses responses) : CouncilConcernPageModel(db, responses)
{
    public const string NotAsked = "NotAsked";

    [BindProperty(Name = "Input")]
    public CloseForm Input { get; set; } = new();

    public sealed class CloseForm
    {
        /// <summary>An <see cref="Core.Model.OutcomesMet"/> name, or <see cref="NotAsked"/> when no enquiry was made.</summary>
        public string? OutcomesMet { get; set; }
        public string? PersonsView { get; set; }
        public string? Reason { get; set; }
        public int Version { get; set; }
    }

    public List<SelectListItem> OutcomeOptions =>
        Concern.Status == SafeguardingStatus.NoEnquiry
            ? [.. Display.Options<OutcomesMet>(), new SelectListItem("They were not asked", NotAsked)]
            : Display.Options<OutcomesMet>();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        await LoadAsync(id, "a safeguarding concern to close it");
        if (!IsDecidedAndOpen)
        {
            return Redirect(Links.CouncilSafeguardingConcern(id));
        }
        Input.Version = Concern.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        await LoadAsync(id);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var notAsked = Input.OutcomesMet == NotAsked;
        OutcomesMet? met = !notAsked && Enum.TryParse<OutcomesMet>(Input.OutcomesMet, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        if (!await TryWriteAsync(() => Responses.CloseAsync(id, Input.Version, new SafeguardingClosureInput(met, notAsked, Input.PersonsView, Input.Reason))))
        {
            return Page();
        }
        Confirm("The concern is closed. It stays on the council's record.");
        return Redirect(Links.CouncilSafeguardingConcern(id));
    }
}
